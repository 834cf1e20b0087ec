/**
 * Two (or more) simulated browsers for the sync tests: each has its own database and its own
 * sync memory, all share WXT's fake storage.sync and hear its change events, as browsers signed
 * in to one account do.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, type Handlers } from '@/utils/background/handlers';
import { createSync, isSyncChange, type Sync, type SyncArea, type syncMemoryItem } from '@/utils/background/sync';
import { createDbAccess } from '@/utils/db/connection';
import { openNewsDb } from '@/utils/db/schema';
import type { TrackedEntity } from '@/utils/entities';
import type { Settings } from '@/utils/settings';

type Memory = Awaited<ReturnType<typeof syncMemoryItem.getValue>>;

export interface Device {
  handlers: Handlers;
  sync: Sync;
  companies(): Promise<TrackedEntity[]>;
  settings(): Promise<Settings>;
}

const none = { tabId: undefined };
let clockNow = 1_700_000_000_000;
/** Every reading of the clock is a second later: edits made one after another have distinct times. */
export const clock = () => {
  clockNow += 1000;
  return clockNow;
};

export const syncArea = () => fakeBrowser.storage.sync as unknown as SyncArea;

export function device(name: string, area: SyncArea = syncArea()): Device {
  const getDb = createDbAccess(() => openNewsDb(`news-tracker-${name}`));
  let stored: Memory = { enabled: true, problem: null, lastSynced: null, base: {} };
  const memory = {
    getValue: async () => structuredClone(stored),
    setValue: async (value: Memory) => {
      stored = structuredClone(value);
    },
  };
  const sync = createSync(getDb, { area, memory, now: clock });
  const handlers = createHandlers(getDb, undefined, sync);
  fakeBrowser.storage.onChanged.addListener((changes, areaName) => {
    if (isSyncChange(changes, areaName)) void sync.request().catch(() => undefined);
  });
  return {
    handlers,
    sync,
    companies: async () => (await handlers['ui:listEntities']({}, none)).sort((a, b) => a.id.localeCompare(b.id)),
    settings: () => handlers['ui:getSettings']({}, none),
  };
}

export const call = <K extends keyof Handlers>(d: Device, type: K, request: Parameters<Handlers[K]>[0]) =>
  d.handlers[type](request as never, none) as ReturnType<Handlers[K]>;

/** Lets every device merge until none has anything left to do. */
export async function settle(...devices: Device[]): Promise<void> {
  for (let round = 0; round < 4; round++) await Promise.all(devices.map((d) => d.sync.request()));
}
