/**
 * The tracked list as content scripts read it. Content scripts must not wake the service
 * worker on every page load, so the background mirrors the enabled entities into
 * storage.local, which content scripts read directly and watch for changes.
 */
import { browser } from 'wxt/browser';
import { listEntities } from './db/entities';
import type { NewsDb } from './db/schema';
import type { TrackedEntity } from './entities';

export const TRACKED_LIST_KEY = 'trackedEntities';

export async function publishEntities(db: NewsDb): Promise<void> {
  const entities = (await listEntities(db)).filter((e) => e.enabled);
  await browser.storage.local.set({ [TRACKED_LIST_KEY]: entities });
}

export async function readTrackedList(): Promise<TrackedEntity[]> {
  const stored = await browser.storage.local.get(TRACKED_LIST_KEY);
  const list = stored[TRACKED_LIST_KEY];
  return Array.isArray(list) ? (list as TrackedEntity[]) : [];
}
