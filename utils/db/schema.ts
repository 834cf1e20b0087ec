/**
 * The one IndexedDB schema of News Tracker.
 *
 * Upgrades are additive `if (oldVersion < N)` steps. A released step is never edited: a user
 * whose database is at version N-1 must always get exactly the same upgrade. So a step uses
 * only its own copies of the helpers it needs (upgrade-helpers.ts), never today's, and awaits
 * all of its work inside the upgrade. Add a new step (and a test in
 * test/unit/db/upgrade.test.ts that fills version N-1 and upgrades it).
 *
 * Version 1: entities, stories (by last seen), settings.
 * Version 2: storyFacts, the dashboard's compact copy of each story (utils/db/facts.ts).
 * Version 3: story indexes for the popup's filters and search, and syndication groups.
 * Version 4: the search index moves from a word index on the stories (about 6.5 KB a story) to
 *            searchPostings, lists of short story numbers per word and week, and searchPending,
 *            the stories saved since the lists were last brought up to date (search-index.ts).
 * Version 5: the search index is rebuilt: up to version 4 the stop words ("the", "and", ...)
 *            were indexed by mistake and took the place of real words beyond a story's first 48.
 * Version 6: stories and storyFacts are keyed by the story's number (`sid`) instead of its
 *            canonical URL, which becomes a unique index (by-url). Chrome repeats a record's
 *            primary key in every index entry of it, so a URL of ~100 characters cost about
 *            1 KB a story across the indexes; a number costs a few bytes.
 * Version 7: tabStates, what each open tab's page holds (the toolbar badge and the popup's
 *            "This page"), kept where no content script can read them.
 * Version 8: notNews, the addresses (canonical URLs) the person said are not news stories:
 *            never recorded again unless they record the page by hand (not-news.ts).
 * Version 9: the story list's default order is by the story's date (when it was published, else
 *            first read): each story gets `dated`, the by-dated index, and the entity,
 *            publisher, unread and starred indexes are keyed by it (upgrade-v9.ts).
 * Version 10: watched feeds (feeds, feedOptions), the recent copy signatures feed stories are
 *            grouped by (copyBands), and two sparse story indexes: the stories feeds found
 *            (by-feed) and those still unread (by-feed-unread), by the story's date. Nothing already
 *            stored changes.
 * Version 11: dayCounts, the dashboard's counts per local day and company (day-counts.ts),
 *            filled from the stored facts, so the dashboard opens without reading every fact
 *            of the period.
 * Version 12: deletedStories, the addresses of the stories the person deleted: a feed that
 *            still lists one does not store it again (feed-stories.ts). The fact of each copy
 *            in an "also at" group names the group's first story (copyOf), so the dashboard
 *            lists a group once.
 */
import { type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { NewsDb, NewsTrackerDB } from './schema-types';
import type { StoredStory } from './story-index';
import { addPostingsInBulk, toFact, toRecord, toStored, type UpgradedStory } from './upgrade-helpers';
import { toDatedStory } from './upgrade-v9';
import { type CountedDay, countFactsV11 } from './upgrade-v11';

export const DB_NAME = 'news-tracker';
export const DB_VERSION = 12;

export type { CopyBandEntry, NewsDb, NewsTrackerDB, NotNewsMark, PostingKey, StoredFact } from './schema-types';

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
    await cursor.update(toStored(cursor.value) as StoredStory);
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
  const numbered: UpgradedStory[] = [];
  for (let cursor = await stories.openCursor(); cursor; cursor = await cursor.continue()) {
    const story = toStored(toRecord(cursor.value), cursor.value.groupId, numbered.length + 1);
    numbered.push(story);
    await cursor.update(story as StoredStory);
  }
  await addPostingsInBulk(postings, numbered);
}

/** Stories read at a time while rebuilding the search index, so a years-old store need not fit in memory. */
const REBUILD_BATCH = 2000;

/**
 * Version 5: rebuilds the search index from every story's text without the stop words, and
 * empties searchPending (every story is in the rebuilt lists). Stories keep
 * their numbers.
 */
async function rebuildSearchPostings(tx: UpgradeTx): Promise<void> {
  const postings = tx.objectStore('searchPostings');
  await Promise.all([postings.clear(), tx.objectStore('searchPending').clear()]);
  let batch: StoredStory[] = [];
  for (let cursor = await tx.objectStore('stories').openCursor(); cursor; cursor = await cursor.continue()) {
    batch.push(cursor.value);
    if (batch.length === REBUILD_BATCH) {
      await addPostingsInBulk(postings, batch);
      batch = [];
    }
  }
  await addPostingsInBulk(postings, batch);
}

/** Where version 6 keeps the stories keyed by URL while it copies them; gone when it ends. */
const STORIES_BY_URL = 'stories-by-url';

/** The stories store as version 6 creates it: keyed by number, every index of version 5 but by-sid. */
function createNumberedStories(db: IDBPDatabase<NewsTrackerDB>) {
  const stories = db.createObjectStore('stories', { keyPath: 'sid' });
  stories.createIndex('by-url', 'url', { unique: true });
  stories.createIndex('by-last-seen', 'lastSeen');
  stories.createIndex('by-entity', 'entityKeys', { multiEntry: true });
  stories.createIndex('by-publisher', ['publisher', 'lastSeen']);
  stories.createIndex('by-unread', 'unreadSeen');
  stories.createIndex('by-starred', 'starredSeen');
  stories.createIndex('by-title', 'titleKey');
  stories.createIndex('by-fingerprint', 'fingerprint');
  stories.createIndex('by-group', 'groupId');
  return stories;
}

/**
 * Version 6: copies every story, as it is (flags, group, number and all), from the store keyed
 * by URL to one keyed by number, and derives the facts again under the same numbers, inside
 * the upgrade. The search index is keyed by number already and stays as it is. A story without
 * a number (none should have one; a hand-made record might) gets the next one and waits in
 * searchPending, so search still finds it.
 */
async function keyStoriesByNumber(db: IDBPDatabase<NewsTrackerDB>, tx: UpgradeTx): Promise<void> {
  const byUrl = tx.objectStore('stories');
  // Renaming frees the name for the new store; the old one is read under its new name below.
  (byUrl as unknown as { name: string }).name = STORIES_BY_URL;
  db.deleteObjectStore('storyFacts');
  const facts = db.createObjectStore('storyFacts', { keyPath: 'sid' });
  facts.createIndex('by-first-seen', 'firstSeen');
  const stories = createNumberedStories(db);
  let highest = (await byUrl.index('by-sid').openKeyCursor(null, 'prev'))?.key ?? 0;
  const numbered: number[] = [];
  for (let cursor = await byUrl.openCursor(); cursor; cursor = await cursor.continue()) {
    const story = cursor.value;
    let sid = story.sid;
    if (sid === undefined) {
      highest += 1;
      sid = highest;
      numbered.push(sid);
    }
    const stored = toStored(toRecord(story), story.groupId, sid);
    await Promise.all([stories.put(stored as StoredStory), facts.put(toFact(stored, sid))]);
  }
  db.deleteObjectStore(STORIES_BY_URL as 'stories');
  if (numbered.length > 0) {
    const pending = tx.objectStore('searchPending');
    await pending.put([...((await pending.get('sids')) ?? []), ...numbered], 'sids');
  }
}

/**
 * Version 9: dates every story and keys the filter indexes by that date, inside the upgrade.
 * The last-seen index stays: it orders the list by last read, and retention walks it.
 */
async function orderStoriesByDate(tx: UpgradeTx): Promise<void> {
  const stories = tx.objectStore('stories');
  for (const name of ['by-publisher', 'by-unread', 'by-starred'] as const) stories.deleteIndex(name);
  stories.createIndex('by-dated', 'dated');
  stories.createIndex('by-publisher', ['publisher', 'dated']);
  stories.createIndex('by-unread', 'unreadDated');
  stories.createIndex('by-starred', 'starredDated');
  for (let cursor = await stories.openCursor(); cursor; cursor = await cursor.continue()) {
    await cursor.update(toDatedStory(cursor.value) as StoredStory);
  }
}

/** Version 10: the feed stores and the two sparse story indexes; existing records need no change. */
function addFeedStores(db: IDBPDatabase<NewsTrackerDB>, tx: UpgradeTx): void {
  db.createObjectStore('feeds', { keyPath: 'id' });
  db.createObjectStore('feedOptions');
  const bands = db.createObjectStore('copyBands', { keyPath: ['seenAt', 'sid'] });
  bands.createIndex('by-band', 'keys', { multiEntry: true });
  const stories = tx.objectStore('stories');
  stories.createIndex('by-feed', 'feedDated');
  stories.createIndex('by-feed-unread', 'feedUnreadDated');
}

/** Version 11: the dashboard's day counts, filled from every fact, inside the upgrade. */
async function addDayCounts(db: IDBPDatabase<NewsTrackerDB>, tx: UpgradeTx): Promise<void> {
  const counts = db.createObjectStore('dayCounts', { keyPath: ['day', 'entityId'] });
  const facts = tx.objectStore('storyFacts');
  const days = new Map<string, CountedDay>();
  // A batch at a time by number, so a years-old store need not fit in memory at once.
  for (let after = Number.NEGATIVE_INFINITY; ; ) {
    const batch = await facts.getAll(IDBKeyRange.lowerBound(after, true), REBUILD_BATCH);
    countFactsV11(days, batch);
    const last = batch.at(-1);
    if (!last || batch.length < REBUILD_BATCH) break;
    after = last.sid as number;
  }
  await Promise.all([...days.values()].map((counted) => counts.put(counted)));
}

/** Version 12: the deleted addresses, and copyOf on the facts of the copies already grouped. */
async function addDeletedStories(db: IDBPDatabase<NewsTrackerDB>, tx: UpgradeTx): Promise<void> {
  db.createObjectStore('deletedStories', { keyPath: 'url' });
  const stories = tx.objectStore('stories');
  const facts = tx.objectStore('storyFacts');
  for (let c = await stories.index('by-group').openCursor(); c; c = await c.continue()) {
    const { groupId, url, sid } = c.value;
    if (!groupId || groupId === url || sid === undefined) continue;
    const [first, fact] = await Promise.all([stories.index('by-url').getKey(groupId), facts.get(sid)]);
    if (first !== undefined && first !== sid && fact) await facts.put({ ...fact, copyOf: first });
  }
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
        for (let c = await tx.objectStore('stories').openCursor(); c; c = await c.continue()) {
          await facts.put(toFact(c.value));
        }
      }
      if (version >= 3 && oldVersion < 3) await addStoryIndexes(tx);
      if (version >= 4 && oldVersion < 4) await addSearchPostings(db, tx);
      if (version >= 5 && oldVersion < 5) await rebuildSearchPostings(tx);
      if (version >= 6 && oldVersion < 6) await keyStoriesByNumber(db, tx);
      if (version >= 7 && oldVersion < 7) db.createObjectStore('tabStates');
      if (version >= 8 && oldVersion < 8) db.createObjectStore('notNews', { keyPath: 'url' });
      if (version >= 9 && oldVersion < 9) await orderStoriesByDate(tx);
      if (version >= 10 && oldVersion < 10) addFeedStores(db, tx);
      if (version >= 11 && oldVersion < 11) await addDayCounts(db, tx);
      if (version >= 12 && oldVersion < 12) await addDeletedStories(db, tx);
    },
  });
}
