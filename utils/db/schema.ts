/**
 * The one IndexedDB schema of News Tracker.
 *
 * Upgrades are additive `if (oldVersion < N)` steps. A released step is never edited: a user
 * whose database is at version N-1 must always get exactly the same upgrade. Add a new step
 * (and a test in test/unit/db/upgrade.test.ts that fills version N-1 and upgrades it).
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { type StoryFact, toStoryFact } from '../dashboard/facts';
import type { TrackedEntity } from '../entities';
import type { Settings } from '../settings';
import type { StoryRecord } from '../stories';

export const DB_NAME = 'news-tracker';
export const DB_VERSION = 2;

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
  /** Version 2: the dashboard's compact copy of each story (utils/dashboard/facts.ts). */
  storyFacts: {
    key: string;
    value: StoryFact;
    indexes: { 'by-first-seen': number };
  };
}

export type NewsDb = IDBPDatabase<NewsTrackerDB>;

/** Opens (and if needed creates or upgrades) the database. */
export function openNewsDb(name = DB_NAME): Promise<NewsDb> {
  return openDB<NewsTrackerDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const entities = db.createObjectStore('entities', { keyPath: 'id' });
        entities.createIndex('by-created', 'createdAt');
        const stories = db.createObjectStore('stories', { keyPath: 'url' });
        stories.createIndex('by-last-seen', 'lastSeen');
        db.createObjectStore('settings');
      }
      if (oldVersion < 2) {
        const facts = db.createObjectStore('storyFacts', { keyPath: 'url' });
        facts.createIndex('by-first-seen', 'firstSeen');
        // Stories stored before version 2 get their facts inside the upgrade, so none is missed.
        // A cursor rather than getAll: a years-old store need not fit in memory at once.
        void (async () => {
          for (let c = await tx.objectStore('stories').openCursor(); c; c = await c.continue()) {
            await facts.put(toStoryFact(c.value));
          }
        })();
      }
    },
  });
}
