/**
 * Keeps the tracked companies and the settings in step with the browser's own sync
 * (`storage.sync`), so they follow the user to every browser signed in to it. Stories stay on
 * each device.
 *
 * A merge (utils/sync/merge.ts) runs after every local change to the companies or settings,
 * when the sync area changes (another browser wrote, or this one), and when the worker starts.
 * Merges run one at a time, in the order asked, and so does switching sync on or off: the
 * switch, the last problem and the base of the merge live in one storage.local item this
 * module alone writes. With sync off nothing reads or writes the sync area.
 *
 * A merge that would not fit the sync area's quota (utils/sync/quota.ts) writes nothing and
 * says so; the database is never held back by sync.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { isReadOnly } from '../db/connection';
import type { NewsDb } from '../db/schema';
import {
  companyKey,
  companyText,
  isCompanyKey,
  readSyncArea,
  SETTINGS_KEY,
  type SyncedRecord,
  type SyncStatus,
  settingsText,
  toSyncItem,
} from '../sync/items';
import { planMerge } from '../sync/merge';
import { quotaProblem } from '../sync/quota';
import { publishContentState } from './content-state';
import { applyMerge } from './sync-apply';

interface SyncMemory extends SyncStatus {
  base: Record<string, SyncedRecord>;
}

/** The parts of a storage area sync uses: storage.sync in the browser, a shared fake in tests. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncOptions {
  area?: SyncArea;
  memory?: { getValue(): Promise<SyncMemory>; setValue(value: SyncMemory): Promise<void> };
  now?: () => number;
}

export const syncMemoryItem = storage.defineItem<SyncMemory>('local:sync', {
  version: 1,
  fallback: { enabled: true, problem: null, lastSynced: null, base: {} },
});

export interface Sync {
  /** Merges soon (after any merge already running); resolves when that merge is done. */
  request(): Promise<void>;
  status(): Promise<SyncStatus>;
  setEnabled(enabled: boolean): Promise<SyncStatus>;
}

/** This browser's companies and settings as sync records' texts, by sync key. */
async function readLocal(db: NewsDb): Promise<Map<string, string>> {
  const tx = db.transaction(['entities', 'settings']);
  const [entities, settings] = await Promise.all([
    tx.objectStore('entities').getAll(),
    tx.objectStore('settings').get('settings'),
    tx.done,
  ]);
  const local = new Map(entities.map((e) => [companyKey(e.id), companyText(e)]));
  local.set(SETTINGS_KEY, settingsText(settings));
  return local;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function writeArea(area: SyncArea, write: Map<string, SyncedRecord>, remove: string[]): Promise<string | null> {
  try {
    if (write.size > 0) await area.set(Object.fromEntries([...write].map(([k, r]) => [k, toSyncItem(r)])));
    if (remove.length > 0) await area.remove(remove);
    return null;
  } catch (error) {
    return `Sync is paused: the browser did not take the change (${errorText(error)}). Everything still works on this browser.`;
  }
}

export function createSync(getDb: () => Promise<NewsDb>, options: SyncOptions = {}): Sync {
  const area = options.area ?? (browser.storage.sync as unknown as SyncArea);
  const memory = options.memory ?? syncMemoryItem;
  const now = options.now ?? Date.now;
  let queue: Promise<unknown> = Promise.resolve();
  let pending: Promise<void> | null = null;

  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function merge(): Promise<void> {
    const state = await memory.getValue();
    const db = await getDb();
    if (!state.enabled || isReadOnly(db)) return;
    const local = await readLocal(db);
    const { records, ignored } = readSyncArea(await area.get(null));
    for (const reason of ignored) console.warn(`News Tracker: ignored a synced item that is not valid: ${reason}`);
    const plan = planMerge({ local, base: state.base, remote: records, now: now() });
    if (await applyMerge(db, plan.apply, local)) await publishContentState(db);
    const problem = quotaProblem(plan.area) ?? (await writeArea(area, plan.write, plan.remove));
    await memory.setValue({
      enabled: true,
      problem,
      lastSynced: problem ? state.lastSynced : now(),
      base: problem ? plan.baseUnwritten : plan.base,
    });
  }

  const status = async (): Promise<SyncStatus> => {
    const { enabled, problem, lastSynced } = await memory.getValue();
    return { enabled, problem, lastSynced };
  };

  return {
    request() {
      pending ??= enqueue(() => {
        pending = null;
        return merge();
      });
      return pending;
    },
    status,
    setEnabled: (enabled) =>
      enqueue(async () => {
        const state = await memory.getValue();
        await memory.setValue({ ...state, enabled, problem: null });
        if (enabled) await merge().catch((error: unknown) => console.warn('News Tracker: sync did not finish', error));
        return status();
      }),
  };
}

/** True for a change to the sync area that News Tracker reads (another browser's, or its own). */
export function isSyncChange(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'sync' && Object.keys(changes).some((key) => key === SETTINGS_KEY || isCompanyKey(key));
}
