/**
 * The tracked list as content scripts read it. Content scripts must not wake the service
 * worker on every page load, so the background mirrors the enabled entities into
 * storage.local, which content scripts read directly and watch for changes.
 */
import { browser } from 'wxt/browser';
import { listEntities } from './db/entities';
import type { NewsDb } from './db/schema';
import { loadSettings } from './db/settings';
import type { TrackedEntity } from './entities';
import { type Settings, validateSettings } from './settings';

export const TRACKED_LIST_KEY = 'trackedEntities';
export const SETTINGS_KEY = 'settings';

/** Everything a content script needs before it looks at a page, read in one storage call. */
export interface ContentState {
  entities: TrackedEntity[];
  settings: Settings;
}

export async function publishEntities(db: NewsDb): Promise<void> {
  const entities = (await listEntities(db)).filter((e) => e.enabled);
  await browser.storage.local.set({ [TRACKED_LIST_KEY]: entities });
}

export async function publishSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/**
 * Rewrites both copies from the database. Run whenever the worker starts: a worker stopped
 * between a database write and its copy here must not leave content scripts with a stale list.
 */
export async function publishContentState(db: NewsDb): Promise<void> {
  const entities = (await listEntities(db)).filter((e) => e.enabled);
  const settings = await loadSettings(db);
  await browser.storage.local.set({ [TRACKED_LIST_KEY]: entities, [SETTINGS_KEY]: settings });
}

export async function readContentState(): Promise<ContentState> {
  const stored = await browser.storage.local.get([TRACKED_LIST_KEY, SETTINGS_KEY]);
  const list = stored[TRACKED_LIST_KEY];
  return {
    entities: Array.isArray(list) ? (list as TrackedEntity[]) : [],
    settings: validateSettings(stored[SETTINGS_KEY]),
  };
}
