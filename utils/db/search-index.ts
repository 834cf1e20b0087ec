/**
 * The text search index: for each word and each week, the stories whose title, publisher or
 * snippets contain the word, as a list of their short numbers (`sid`).
 *
 * Why not an IndexedDB index on each story's words: every index entry repeats the story's key,
 * its canonical URL (Chrome stores it twice, as UTF-16), so 48 words cost about 6.5 KB per story
 * and 450 MB for 50,000 stories. A list of small numbers costs a few bytes per word.
 *
 * Why weeks: a story's words all sit in the week of its `lastSeen`, so reading a word's lists
 * gives its stories already grouped newest week first, and a search reads only the newest
 * stories of the newest weeks. A story seen again moves to its new week.
 *
 * Why pending: adding a story to ~45 lists is ~90 requests, most of the time a save would take.
 * A new story's number goes to searchPending instead (one request, in the saving transaction),
 * and every FLUSH_AT new stories the lists are brought up to date in one transaction, which
 * also empties searchPending: a worker stopped at any point leaves each story either in the
 * lists or pending, never lost. A search reads the pending stories directly (there are few).
 */
import type { NewsDb, PostingKey } from './schema';
import { type StoredStory, searchWords } from './story-index';

/** New stories gathered before the word lists are updated for all of them at once. */
export const FLUSH_AT = 32;

export const SEARCH_WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export type { PostingKey };

/** The part of an object store (in a readwrite transaction) the index needs. */
export interface PostingStore {
  get(key: PostingKey): Promise<number[] | undefined>;
  put(sids: number[], key: PostingKey): Promise<unknown>;
  delete(key: PostingKey): Promise<void>;
}

type Indexed = Pick<StoredStory, 'title' | 'publisher' | 'snippets' | 'lastSeen' | 'sid'>;

export const weekOf = (lastSeen: number) => Math.floor(lastSeen / SEARCH_WEEK_MS);

/**
 * The index keys of a story. `searchWords` must stay as it is for stories already indexed; a
 * change to it needs a schema step that rebuilds this index.
 */
function keysOf(story: Indexed | undefined): Map<string, PostingKey> {
  const keys = new Map<string, PostingKey>();
  if (story?.sid === undefined) return keys;
  const week = weekOf(story.lastSeen);
  for (const word of searchWords(story)) keys.set(`${word}\u0000${week}`, [word, week]);
  return keys;
}

/**
 * Moves a story's entries from what was stored (`before`) to what is being stored (`after`);
 * either may be absent (a new or a deleted story). Runs inside the caller's transaction, so the
 * index and the stories never disagree.
 */
export async function updatePostings(store: PostingStore, before: Indexed | undefined, after: Indexed | undefined) {
  const old = keysOf(before);
  const now = keysOf(after);
  const changes: Promise<unknown>[] = [];
  for (const [id, key] of old) {
    if (now.has(id) && before?.sid === after?.sid) continue;
    changes.push(change(store, key, (sids) => sids.filter((s) => s !== before?.sid)));
  }
  for (const [id, key] of now) {
    if (old.has(id) && before?.sid === after?.sid) continue;
    changes.push(change(store, key, (sids) => [...sids, after?.sid as number]));
  }
  await Promise.all(changes);
}

async function change(store: PostingStore, key: PostingKey, edit: (sids: number[]) => number[]) {
  const sids = edit((await store.get(key)) ?? []);
  await (sids.length > 0 ? store.put(sids, key) : store.delete(key));
}

/** Builds the entries of many stories at once (an upgrade, a bulk import): one write per key. */
export async function addPostingsInBulk(store: PostingStore, stories: Iterable<Indexed>): Promise<void> {
  const lists = new Map<string, { key: PostingKey; sids: number[] }>();
  for (const story of stories) {
    for (const [id, key] of keysOf(story)) {
      const list = lists.get(id) ?? { key, sids: [] };
      list.sids.push(story.sid as number);
      lists.set(id, list);
    }
  }
  await Promise.all(
    [...lists.values()].map(async ({ key, sids }) => store.put([...((await store.get(key)) ?? []), ...sids], key)),
  );
}

/** The part of an object store (in any transaction) a search reads. */
export interface PostingReader {
  getAll(range: IDBKeyRange): Promise<number[][]>;
  getAllKeys(range: IDBKeyRange): Promise<IDBValidKey[]>;
}

/**
 * The stories that contain every term (each as a word prefix), as sids grouped by week, newest
 * week first, from `topWeek` down. Two requests per term, however many stories match.
 */
export async function weeksWithEvery(
  store: PostingReader,
  terms: readonly string[],
  topWeek = Number.POSITIVE_INFINITY,
): Promise<[week: number, sids: Set<number>][]> {
  let weeks: Map<number, Set<number>> | null = null;
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    const range = IDBKeyRange.bound([term, Number.NEGATIVE_INFINITY], [`${term}\uffff`, topWeek]);
    const [keys, lists] = await Promise.all([store.getAllKeys(range), store.getAll(range)]);
    const found = new Map<number, Set<number>>();
    keys.forEach((key, i) => {
      const week = (key as PostingKey)[1];
      if (week > topWeek) return;
      const sids = found.get(week) ?? new Set<number>();
      for (const sid of lists[i] ?? []) if (weeks === null || weeks.get(week)?.has(sid)) sids.add(sid);
      if (sids.size > 0) found.set(week, sids);
    });
    weeks = found;
    if (weeks.size === 0) break;
  }
  return [...(weeks ?? new Map<number, Set<number>>())].sort((a, b) => b[0] - a[0]);
}

/** The part of the searchPending store (one record, 'sids') the index needs. */
export interface PendingStore {
  get(key: 'sids'): Promise<number[] | undefined>;
  put(sids: number[], key: 'sids'): Promise<unknown>;
}

/** Adds a new story's number to the pending ones; returns how many are pending now. */
export async function markPending(store: PendingStore, sid: number): Promise<number> {
  const sids = [...((await store.get('sids')) ?? []), sid];
  await store.put(sids, 'sids');
  return sids.length;
}

/** Adds every pending story to the word lists and empties the pending list, in one transaction. */
export async function flushPending(db: NewsDb): Promise<number> {
  const tx = db.transaction(['stories', 'searchPostings', 'searchPending'], 'readwrite');
  const pending = tx.objectStore('searchPending');
  const sids = (await pending.get('sids')) ?? [];
  const storyStore = tx.objectStore('stories');
  const stories = await Promise.all(sids.map((sid) => storyStore.get(sid)));
  // A pending story deleted meanwhile has nothing to add.
  await addPostingsInBulk(
    tx.objectStore('searchPostings'),
    stories.filter((s) => s !== undefined),
  );
  await pending.put([], 'sids');
  await tx.done;
  return sids.length;
}
