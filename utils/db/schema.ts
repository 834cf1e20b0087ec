/**
 * The one IndexedDB schema of News Tracker.
 *
 * Upgrades are additive `if (oldVersion < N)` steps. A released step is never edited: a user
 * whose database is at version N-1 must always get exactly the same upgrade. Add a new step
 * (and a test in test/unit/db/upgrade.test.ts that fills version N-1 and upgrades it).
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { TrackedEntity } from '../entities';
import type { Settings } from '../settings';
import type { StoryRecord } from '../stories';

export const DB_NAME = 'news-tracker';
export const DB_VERSION = 1;

export interface NewsTrackerDB extends DBSchema {
  entities: {
    key: string;
    value: TrackedEntity;
    indexes: { 'by-created': number };
  };
  stories: {
    key: string;
    value: StoryRecord;
    indexes: { 'by-last-seen': number };
  };
  settings: {
    key: 'settings';
    value: Settings;
  };
}

export type NewsDb = IDBPDatabase<NewsTrackerDB>;

/** Opens (and if needed creates or upgrades) the database. */
export function openNewsDb(name = DB_NAME): Promise<NewsDb> {
  return openDB<NewsTrackerDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const entities = db.createObjectStore('entities', { keyPath: 'id' });
        entities.createIndex('by-created', 'createdAt');
        const stories = db.createObjectStore('stories', { keyPath: 'url' });
        stories.createIndex('by-last-seen', 'lastSeen');
        db.createObjectStore('settings');
      }
    },
  });
}
