/**
 * The one IndexedDB schema of News Tracker.
 *
 * Upgrades are additive `if (oldVersion < N)` steps. A released step is never edited: a user
 * whose database is at version N-1 must always get exactly the same upgrade. Add a new step
 * (and a test in test/unit/db/upgrade.test.ts that fills version N-1 and upgrades it).
 *
 * Version 1: entities, stories (by last seen), settings.
 * Version 2: storyFacts, the dashboard's compact copy of each story (utils/dashboard/facts.ts).
 * Version 3: story indexes for the popup's filters and search, and syndication groups.
 * Version 4: the search index moves from a word index on the stories (about 6.5 KB a story) to
 *            searchPostings, lists of short story numbers per word and week, and searchPending,
 *            the stories saved since the lists were last brought up to date (search-index.ts).
 *
 * Steps run one after another, each on what the previous ones left, so a later step may rely
 * on helpers (toStored) that have changed since an earlier step was written.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { type StoryFact, toStoryFact } from '../dashboard/facts';
import type { TrackedEntity } from '../entities';
import type { Settings } from '../settings';
import { addPostingsInBulk, type PostingKey } from './search-index';
import { type StoredStory, toRecord, toStored } from './story-index';

export const DB_NAME = 'news-tracker';
export const DB_VERSION = 4;

export interface NewsTrackerDB extends DBSchema {
  entities: {
    key: string;
    value: TrackedEntity;
    indexes: { 'by-created': number };
  };
  stories: {
    key: string;
    value: StoredStory;
    indexes: {
      'by-last-seen': number;
      'by-entity': [string, number];
      'by-publisher': [string, number];
      'by-unread': number;
      'by-starred': number;
      /** Version 3 only: removed by version 4. */
      'by-word': string;
      /** Version 4: the story's number in the search index. */
      'by-sid': number;
      'by-title': string;
      'by-fingerprint': string;
      'by-group': string;
    };
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
  /** Version 4: story numbers by [word, week] (utils/db/search-index.ts). */
  searchPostings: {
    key: PostingKey;
    value: number[];
  };
  /** Version 4: numbers of the stories not yet in searchPostings, under the one key 'sids'. */
  searchPending: {
    key: 'sids';
    value: number[];
  };
}

export type NewsDb = IDBPDatabase<NewsTrackerDB>;
type UpgradeTx = IDBPTransaction<NewsTrackerDB, StoreNames<NewsTrackerDB>[], 'versionchange'>;

/** Version 3: fills the new index fields of every story already stored, inside the upgrade. */
async function addStoryIndexes(tx: UpgradeTx): Promise<void> {
  const stories = tx.objectStore('stories');
  stories.createIndex('by-entity', 'entityKeys', { multiEntry: true });
  stories.createIndex('by-publisher', ['publisher', 'lastSeen']);
  stories.createIndex('by-unread', 'unreadSeen');
  stories.createIndex('by-starred', 'starredSeen');
  stories.createIndex('by-word', 'words', { multiEntry: true });
  stories.createIndex('by-title', 'titleKey');
  stories.createIndex('by-fingerprint', 'fingerprint');
  stories.createIndex('by-group', 'groupId');
  for (let cursor = await stories.openCursor(); cursor; cursor = await cursor.continue()) {
    await cursor.update(toStored(cursor.value));
  }
}

/**
 * Version 4: numbers every story, fills the search index from each story's text, and drops the
 * word index and the words kept on each story, inside the upgrade.
 */
async function addSearchPostings(db: IDBPDatabase<NewsTrackerDB>, tx: UpgradeTx): Promise<void> {
  const stories = tx.objectStore('stories');
  if (stories.indexNames.contains('by-word')) stories.deleteIndex('by-word');
  stories.createIndex('by-sid', 'sid', { unique: true });
  const postings = db.createObjectStore('searchPostings');
  db.createObjectStore('searchPending');
  const numbered: StoredStory[] = [];
  for (let cursor = await stories.openCursor(); cursor; cursor = await cursor.continue()) {
    const story = toStored(toRecord(cursor.value), cursor.value.groupId, numbered.length + 1);
    numbered.push(story);
    await cursor.update(story);
  }
  await addPostingsInBulk(postings, numbered);
}

/** Opens (and if needed creates or upgrades) the database. */
export function openNewsDb(name = DB_NAME, version = DB_VERSION): Promise<NewsDb> {
  return openDB<NewsTrackerDB>(name, version, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const entities = db.createObjectStore('entities', { keyPath: 'id' });
        entities.createIndex('by-created', 'createdAt');
        const stories = db.createObjectStore('stories', { keyPath: 'url' });
        stories.createIndex('by-last-seen', 'lastSeen');
        db.createObjectStore('settings');
      }
      if (version >= 2 && oldVersion < 2) {
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
      if (version >= 3 && oldVersion < 3) await addStoryIndexes(tx);
      if (version >= 4 && oldVersion < 4) await addSearchPostings(db, tx);
    },
  });
}
