/**
 * The popup's story list: one page of stories, newest first, answering any mix of filters.
 *
 * The most selective index drives the walk (search words, then entity, publisher, starred,
 * unread, else last seen), which reads stories newest first in chunks; the remaining filters
 * are checked on each story as it is read, and the walk stops as soon as the page is full. A page ends with an opaque cursor (the position
 * of its last story) from which the next page continues.
 */
import type { StoryPage, StoryQuery, StoryView } from '../stories';
import type { NewsDb } from './schema';
import {
  compareNewestFirst,
  decodeCursor,
  encodeCursor,
  isNewer,
  type Position,
  type StoredStory,
  searchTerms,
  storyMatches,
  viewInGroup,
} from './story-index';

type ReadTx = ReturnType<typeof readTx>;
const readTx = (db: NewsDb) => db.transaction('stories', 'readonly');

/** Past this many candidates, walking the newest-first index beats loading and sorting them all. */
const SORT_IN_MEMORY_LIMIT = 400;

export async function listStories(db: NewsDb, query: StoryQuery): Promise<StoryPage> {
  const after = decodeCursor(query.cursor);
  const terms = searchTerms(query.search);
  const tx = readTx(db);
  const stories: StoryView[] = [];
  let more = false;
  const source = terms.length > 0 ? bySearch(tx, query, terms, after) : byIndex(tx, query, after);
  for await (const story of source) {
    if (!storyMatches(story, query, terms)) continue;
    const group = story.groupId ? await tx.store.index('by-group').getAll(story.groupId) : [];
    const view = viewInGroup(story, group, query, terms);
    if (!view) continue;
    if (stories.length === query.limit) {
      more = true;
      break;
    }
    stories.push(view);
  }
  const last = stories.at(-1);
  return { stories, cursor: more && last ? encodeCursor(last) : null };
}

const olderThan = (after: Position | null, p: Position) => after === null || isNewer(after, p);

type StoryIndex = ReturnType<ReadTx['store']['index']>;

/**
 * The stories of one index range, newest first, read a chunk at a time: a key cursor jumps
 * `size` entries down (one request), then one getAll fetches them all. Reading story by story
 * with a cursor costs a round trip to the browser's database process per story, which is most
 * of the time a page of 50 takes. Chunks grow as the walk goes on, for filters that skip a lot.
 */
async function* newestFirst(
  index: StoryIndex,
  lower: IDBValidKey,
  upper: IDBValidKey,
  size: number,
): AsyncGenerator<StoredStory> {
  let range = IDBKeyRange.bound(lower, upper);
  for (let chunk = Math.max(2, size); ; chunk = Math.min(chunk * 2, MAX_CHUNK)) {
    const top = await index.openKeyCursor(range, 'prev');
    if (!top) return;
    const bottom = await top.advance(chunk - 1);
    const from = bottom ? bottom.key : lower;
    const stories = await index.getAll(IDBKeyRange.bound(from, range.upper, false, range.upperOpen));
    yield* stories.sort(compareNewestFirst);
    if (!bottom) return;
    // Entries sharing the bottom key were all read above; the next chunk starts below them.
    range = IDBKeyRange.bound(lower, from, false, true);
  }
}

const MAX_CHUNK = 1024;

/** Walks the one index that narrows the query most, newest first, starting after the cursor. */
async function* byIndex(
  tx: ReadTx,
  query: StoryQuery,
  after: Position | null,
  chunk = query.limit + 1,
): AsyncGenerator<StoredStory> {
  const top = after?.lastSeen ?? Number.POSITIVE_INFINITY;
  const floor = Number.NEGATIVE_INFINITY;
  const walk = (name: Parameters<ReadTx['store']['index']>[0], lower: IDBValidKey, upper: IDBValidKey) =>
    newestFirst(tx.store.index(name), lower, upper, chunk);
  const source =
    query.entityId !== undefined
      ? walk('by-entity', [query.entityId, floor], [query.entityId, top])
      : query.publisher !== undefined
        ? walk('by-publisher', [query.publisher, floor], [query.publisher, top])
        : query.starred === true
          ? walk('by-starred', floor, top)
          : query.unread === true
            ? walk('by-unread', floor, top)
            : walk('by-last-seen', floor, top);
  for await (const story of source) {
    if (olderThan(after, story)) yield story;
  }
}

/**
 * Stories containing the longest search word (as a word prefix), newest first, after the
 * cursor. A word found in few stories is looked up through the word index and sorted; a common
 * one is checked on stories read newest first, in growing chunks, until the page is full.
 */
async function* bySearch(
  tx: ReadTx,
  query: StoryQuery,
  terms: string[],
  after: Position | null,
): AsyncGenerator<StoredStory> {
  const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
  const words = tx.store.index('by-word');
  const range = IDBKeyRange.bound(longest, `${longest}\uffff`);
  // One request tells whether the word is rare: jump past the in-memory limit (count() would
  // visit every entry of a common word).
  const probe = await words.openKeyCursor(range);
  const common = probe !== null && (await probe.advance(SORT_IN_MEMORY_LIMIT)) !== null;
  if (!common) {
    const keys = new Set(await words.getAllKeys(range));
    const stories = await Promise.all([...keys].map((key) => tx.store.get(key)));
    const sorted = stories.filter((s): s is StoredStory => s !== undefined && olderThan(after, s));
    yield* sorted.sort(compareNewestFirst);
    return;
  }
  yield* byIndex(tx, { limit: query.limit }, after, (query.limit + 1) * 4);
}
