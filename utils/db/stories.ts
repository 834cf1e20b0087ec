/**
 * Writing stories. Each change is one readwrite transaction over the stories store (with the
 * dashboard's facts and the search index beside it), so concurrent reports of the same story
 * (50 tabs at once) are serialised by IndexedDB and a worker stopped half-way leaves either the
 * whole change or none of it.
 */

import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { mergeStory, type StoryRecord, type StoryReport } from '../stories';
import { writeFact } from './day-counts';
import { toStoryFact } from './facts';
import type { NewsDb, NewsTrackerDB } from './schema';
import { FLUSH_AT, flushPending, markPending, updatePostings } from './search-index';
import { type StoredStory, toRecord, toStored } from './story-index';

/** Copies seen further apart than this are different stories that happen to share a headline. */
export const GROUP_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

/** A report for an address the person marked "Not a news story" (not-news.ts): it is not stored. */
export class NotNewsError extends Error {
  override name = 'NotNewsError';
  constructor(url: string) {
    super(`${url} is marked as not a news story.`);
  }
}

export interface SaveOutcome {
  record: StoryRecord;
  /** False when the story (or a copy of it under another URL) was already stored. */
  isNew: boolean;
}

/** The stores one story's change touches: the story, its fact and day counts, and the search index. */
export const STORY_STORES = ['stories', 'storyFacts', 'dayCounts', 'searchPostings', 'searchPending'] as const;

/** A readwrite transaction over at least STORY_STORES (typed over every store, so wider ones fit). */
export type StoryTx = IDBPTransaction<NewsTrackerDB, StoreNames<NewsTrackerDB>[], 'readwrite'>;

/**
 * Saves a reported story; a story already stored under the same canonical URL is updated in
 * place. An address marked "Not a news story" is refused with a NotNewsError, checked in the
 * same transaction, so a mark and a report arriving together never leave the story stored.
 */
export async function saveStory(db: NewsDb, report: StoryReport, now = Date.now()): Promise<SaveOutcome> {
  const tx = db.transaction([...STORY_STORES, 'notNews'], 'readwrite');
  const [existing, marked] = await Promise.all([
    tx.objectStore('stories').index('by-url').get(report.url),
    tx.objectStore('notNews').getKey(report.url),
  ]);
  if (marked !== undefined) {
    await tx.done;
    throw new NotNewsError(report.url);
  }
  const merged = mergeStory(existing && toRecord(existing), report, now);
  const { isNew, pendingCount } = await putStory(tx, existing, merged, now);
  await tx.done;
  flushWhenDue(db, pendingCount);
  return { record: merged, isNew };
}

/** Brings the search index up to date once enough new stories wait (see search-index.ts). */
export function flushWhenDue(db: NewsDb, pendingCount: number): void {
  if (pendingCount < FLUSH_AT) return;
  // Not awaited: the save is done; if the worker stops first, the next save flushes.
  flushPending(db).catch((error: unknown) => console.warn('News Tracker: search index not updated yet', error));
}

export interface PutOutcome {
  sid: number;
  /** False when the story (or a copy of it under another URL) was already stored. */
  isNew: boolean;
  /** Stories waiting for the search index now. */
  pendingCount: number;
}

/**
 * Writes `merged` over `existing` (undefined for a new story) in the caller's transaction, with
 * its fact, day counts and search entries, so they never disagree with the story. A new story joins the
 * group of `copyOf` when the caller found a copy, else of a story with its headline or text
 * fingerprint.
 */
export async function putStory(
  tx: StoryTx,
  existing: StoredStory | undefined,
  merged: StoryRecord,
  now: number,
  copyOf?: StoredStory,
): Promise<PutOutcome> {
  const stories = tx.objectStore('stories');
  const pending = tx.objectStore('searchPending');
  const [sid, waiting] = await Promise.all([existing?.sid ?? nextSid(stories), pending.get('sids')]);
  let groupId = existing?.groupId;
  let firstSid: number | undefined;
  if (!groupId) {
    const sibling = copyOf ?? (await findSibling(stories, toStored(merged), now));
    if (sibling) {
      groupId = sibling.groupId ?? sibling.url;
      if (!sibling.groupId) await stories.put({ ...sibling, groupId });
      if (groupId === sibling.url) firstSid = sibling.sid;
    }
  }
  // A group is named by its first story's URL; its facts name that story by number.
  if (groupId && groupId !== merged.url) firstSid ??= await stories.index('by-url').getKey(groupId);
  const fact = toStoryFact(merged, sid);
  if (firstSid !== undefined && firstSid !== sid) fact.copyOf = firstSid;
  const stored = toStored(merged, groupId, sid);
  // A new story waits in searchPending (see search-index.ts); one already in the word lists is
  // moved there at once (usually nothing to move: same week, same words).
  const isPending = existing === undefined || (waiting ?? []).includes(sid);
  const [, , pendingCount] = await Promise.all([
    stories.put(stored),
    writeFact(tx, sid, fact),
    existing === undefined
      ? markPending(pending, sid)
      : isPending
        ? 0
        : updatePostings(tx.objectStore('searchPostings'), existing, stored).then(() => 0),
  ]);
  return { sid, isNew: !existing && !groupId, pendingCount };
}

type StoryStore = IDBPObjectStore<NewsTrackerDB, StoreNames<NewsTrackerDB>[], 'stories', 'readwrite'>;

/** The next story number: one more than the highest given (inside the writing transaction, so unique). */
async function nextSid(store: StoryStore): Promise<number> {
  const highest = await store.openKeyCursor(null, 'prev');
  return (highest?.key ?? 0) + 1;
}

async function findSibling(store: StoryStore, story: StoredStory, now: number): Promise<StoredStory | undefined> {
  const candidates = [
    ...(story.fingerprint ? await store.index('by-fingerprint').getAll(story.fingerprint, 20) : []),
    ...(story.titleKey ? await store.index('by-title').getAll(story.titleKey, 20) : []),
  ];
  return candidates.find((c) => c.url !== story.url && now - c.lastSeen < GROUP_WINDOW_MS);
}

export async function setStoryFlags(db: NewsDb, url: string, flags: { read?: boolean; starred?: boolean }) {
  const tx = db.transaction('stories', 'readwrite');
  const stored = await tx.store.index('by-url').get(url);
  if (!stored) throw new Error('That story is no longer stored.');
  await tx.store.put(toStored({ ...toRecord(stored), ...flags }, stored.groupId, stored.sid));
  await tx.done;
}

/** Marks every unread story read; returns how many changed. */
export async function markAllRead(db: NewsDb): Promise<number> {
  const tx = db.transaction('stories', 'readwrite');
  let changed = 0;
  for (let c = await tx.store.index('by-unread').openCursor(); c; c = await c.continue()) {
    await c.update(toStored({ ...toRecord(c.value), read: true }, c.value.groupId, c.value.sid));
    changed += 1;
  }
  await tx.done;
  return changed;
}

/** Deletes the story at `url`, if stored, inside a transaction over STORY_STORES (and maybe more). */
export async function deleteStoryIn(
  tx: IDBPTransaction<NewsTrackerDB, StoreNames<NewsTrackerDB>[], 'readwrite'>,
  url: string,
): Promise<void> {
  const stories = tx.objectStore('stories');
  const stored = await stories.index('by-url').get(url);
  if (stored?.sid !== undefined) {
    await Promise.all([
      stories.delete(stored.sid),
      writeFact(tx, stored.sid, undefined),
      updatePostings(tx.objectStore('searchPostings'), stored, undefined),
    ]);
  }
}

/**
 * Deletes the story at `url` and remembers its address, so a feed that still lists it does not
 * bring it back (feed-stories.ts). Reading the page again records it as ever: that is the
 * person's own doing.
 */
export async function deleteStory(db: NewsDb, url: string, now = Date.now()): Promise<void> {
  const tx = db.transaction([...STORY_STORES, 'deletedStories'], 'readwrite');
  await Promise.all([deleteStoryIn(tx, url), tx.objectStore('deletedStories').put({ url, deletedAt: now })]);
  await tx.done;
}

/** Every story as the UI sees it (without index fields), for export. */
export async function allStories(db: NewsDb): Promise<StoryRecord[]> {
  return (await db.getAll('stories')).map(toRecord);
}
