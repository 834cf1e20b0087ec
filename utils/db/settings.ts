import { type Settings, validateSettings } from '../settings';
import type { NewsDb } from './schema';

/** The stored settings, validated and completed with defaults on every load. */
export async function loadSettings(db: NewsDb): Promise<Settings> {
  return validateSettings(await db.get('settings', 'settings'));
}

export async function storeSettings(db: NewsDb, settings: Settings): Promise<Settings> {
  const valid = validateSettings(settings);
  await db.put('settings', valid, 'settings');
  return valid;
}

/** Empties every store in one transaction: all of the user's data goes, or none of it. */
export async function clearAllData(db: NewsDb): Promise<void> {
  const stores = [
    'entities',
    'stories',
    'settings',
    'storyFacts',
    'dayCounts',
    'searchPostings',
    'searchPending',
    'notNews',
    'feeds',
    'feedOptions',
    'copyBands',
    'deletedStories',
  ] as const;
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([
    tx.objectStore('notNews').clear(),
    tx.objectStore('feeds').clear(),
    tx.objectStore('feedOptions').clear(),
    tx.objectStore('copyBands').clear(),
    tx.objectStore('deletedStories').clear(),
    tx.objectStore('searchPostings').clear(),
    tx.objectStore('searchPending').clear(),
    tx.objectStore('entities').clear(),
    tx.objectStore('stories').clear(),
    tx.objectStore('storyFacts').clear(),
    tx.objectStore('dayCounts').clear(),
    tx.objectStore('settings').clear(),
    tx.done,
  ]);
}
