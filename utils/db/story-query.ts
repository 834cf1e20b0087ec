/**
 * The popup's story list: one page of stories, newest first, answering any mix of filters.
 *
 * Newest published first (the default order), the most selective index drives the walk (the
 * search index, else entity, publisher, starred, from feeds, unread, else the story's date),
 * which reads stories newest first in chunks; the remaining filters are checked on each story as it is
 * read, and the walk stops as soon as the page is full. Last read first (the order a person
 * picks to find what they just read), the walk is the last-seen index, or the search index,
 * whose weeks are weeks of last reading. A page ends with an opaque cursor (the position of
 * its last story in the order) from which the next page continues.
 */

import type { IDBPIndex, IndexNames } from 'idb';
import type { StoryOrder, StoryPage, StoryQuery, StoryView } from '../stories';
import type { NewsDb, NewsTrackerDB } from './schema';
import { SEARCH_WEEK_MS, weekOf, weeksWithEvery } from './search-index';
import {
  decodeCursor,
  encodeCursor,
  isNewer,
  newestFirstIn,
  type Position,
  positionOf,
  type StoredStory,
  searchTerms,
  storyMatches,
  viewInGroup,
} from './story-index';

type ReadTx = ReturnType<typeof readTx>;
const readTx = (db: NewsDb) => db.transaction(['stories', 'searchPostings', 'searchPending'], 'readonly');

export async function listStories(db: NewsDb, query: StoryQuery): Promise<StoryPage> {
  const order = query.order ?? 'published';
  const after = decodeCursor(query.cursor);
  const terms = searchTerms(query.search);
  const tx = readTx(db);
  const stories: StoryView[] = [];
  let more = false;
  const source =
    terms.length === 0
      ? byIndex(tx, query, order, after)
      : order === 'read'
        ? bySearch(tx, terms, after)
        : bySearchPublished(tx, terms, after);
  for await (const story of source) {
    if (!storyMatches(story, query, terms)) continue;
    const group = story.groupId ? await tx.objectStore('stories').index('by-group').getAll(story.groupId) : [];
    const view = viewInGroup(story, group, query, terms);
    if (!view) continue;
    if (stories.length === query.limit) {
      more = true;
      break;
    }
    stories.push(view);
  }
  const last = stories.at(-1);
  return { stories, cursor: more && last ? encodeCursor(positionOf(last, order)) : null };
}

const olderThan = (after: Position | null, story: StoredStory, order: StoryOrder) =>
  after === null || isNewer(after, positionOf(story, order));

type IndexName = IndexNames<NewsTrackerDB, 'stories'>;
type StoryIndex = IDBPIndex<
  NewsTrackerDB,
  ('stories' | 'searchPostings' | 'searchPending')[],
  'stories',
  IndexName,
  'readonly'
>;

const MAX_CHUNK = 1024;

/**
 * One index range cut into chunks, newest first: a key cursor jumps `size` entries down (one
 * request) and the chunk is everything from there up. Reading story by story with a cursor
 * costs a round trip to the browser's database process per story, which is most of the time a
 * page of 50 takes; a chunk costs three. Chunks grow as the walk goes on, for filters that skip
 * a lot. Entries sharing the key at a chunk's edge all fall in that chunk, none in the next.
 */
async function* chunksNewestFirst(
  index: StoryIndex,
  lower: IDBValidKey,
  upper: IDBValidKey,
  size: number,
): AsyncGenerator<IDBKeyRange> {
  let range = IDBKeyRange.bound(lower, upper);
  for (let chunk = Math.max(2, size); ; chunk = Math.min(chunk * 2, MAX_CHUNK)) {
    const top = await index.openKeyCursor(range, 'prev');
    if (!top) return;
    const bottom = await top.advance(chunk - 1);
    const from = bottom ? bottom.key : lower;
    yield IDBKeyRange.bound(from, range.upper, false, range.upperOpen);
    if (!bottom) return;
    range = IDBKeyRange.bound(lower, from, false, true);
  }
}

/**
 * The index that narrows a query most in its order, and its range of keys up to the cursor's
 * time. The filters' indexes are keyed by the story's date, so last read first walks the
 * last-seen index and checks every filter on the stories it reads.
 */
function narrowest(
  query: StoryQuery,
  order: StoryOrder,
  after: Position | null,
): [IndexName, IDBValidKey, IDBValidKey] {
  const top = after?.at ?? Number.POSITIVE_INFINITY;
  const floor = Number.NEGATIVE_INFINITY;
  if (order === 'read') return ['by-last-seen', floor, top];
  if (query.entityId !== undefined) return ['by-entity', [query.entityId, floor], [query.entityId, top]];
  if (query.publisher !== undefined) return ['by-publisher', [query.publisher, floor], [query.publisher, top]];
  if (query.starred === true) return ['by-starred', floor, top];
  if (query.fromFeeds === true) return [query.unread === true ? 'by-feed-unread' : 'by-feed', floor, top];
  if (query.unread === true) return ['by-unread', floor, top];
  return ['by-dated', floor, top];
}

/** Walks the one index that narrows the query most, newest first, starting after the cursor. */
async function* byIndex(
  tx: ReadTx,
  query: StoryQuery,
  order: StoryOrder,
  after: Position | null,
): AsyncGenerator<StoredStory> {
  const [name, lower, upper] = narrowest(query, order, after);
  const index = tx.objectStore('stories').index(name);
  for await (const range of chunksNewestFirst(index, lower, upper, query.limit + 1)) {
    const stories = await index.getAll(range);
    yield* stories.filter((s) => olderThan(after, s, order)).sort(newestFirstIn(order));
  }
}

/**
 * The search index's weeks (newest first, from `topWeek` down) with the numbers of the stories
 * containing every search word (each as a word prefix), the few stories not yet in the index
 * checked one by one.
 */
async function weeksMatching(tx: ReadTx, terms: string[], topWeek: number): Promise<[number, Set<number>][]> {
  const bySid = tx.objectStore('stories');
  const [indexed, pendingSids] = await Promise.all([
    weeksWithEvery(tx.objectStore('searchPostings'), terms, topWeek),
    tx.objectStore('searchPending').get('sids'),
  ]);
  const weeks = new Map(indexed);
  for (const story of await Promise.all((pendingSids ?? []).map((sid) => bySid.get(sid)))) {
    if (!story?.sid || !storyMatches(story, { limit: 1 }, terms)) continue;
    const week = weekOf(story.lastSeen);
    if (week <= topWeek) weeks.set(week, (weeks.get(week) ?? new Set<number>()).add(story.sid));
  }
  return [...weeks].sort((a, b) => b[0] - a[0]);
}

/**
 * The stories of one week of the search index that come after the cursor. An entry left in an
 * older week by a story seen again since is skipped: the story is listed in its new week.
 */
async function storiesOfWeek(
  tx: ReadTx,
  [week, sids]: [number, Set<number>],
  after: Position | null,
  order: StoryOrder,
): Promise<StoredStory[]> {
  const bySid = tx.objectStore('stories');
  const stories = await Promise.all([...sids].map((sid) => bySid.get(sid)));
  return stories
    .filter((s): s is StoredStory => s !== undefined && weekOf(s.lastSeen) === week && olderThan(after, s, order))
    .sort(newestFirstIn(order));
}

/**
 * Search results last read first: the search index gives the matching stories by week of last
 * reading, newest week first, and only the stories of the weeks the page reaches are read.
 */
async function* bySearch(tx: ReadTx, terms: string[], after: Position | null): AsyncGenerator<StoredStory> {
  const topWeek = after ? weekOf(after.at) : Number.POSITIVE_INFINITY;
  for (const week of await weeksMatching(tx, terms, topWeek)) yield* await storiesOfWeek(tx, week, after, 'read');
}

/**
 * Search results newest published first, from the same weeks of last reading. A story is
 * never dated after it was last read, so once every week from the newest down to week W has
 * been read, every story dated in week W or later is known and can be listed; older ones wait
 * for the weeks below.
 */
async function* bySearchPublished(tx: ReadTx, terms: string[], after: Position | null): AsyncGenerator<StoredStory> {
  const newest = newestFirstIn('published');
  let waiting: StoredStory[] = [];
  for (const week of await weeksMatching(tx, terms, Number.POSITIVE_INFINITY)) {
    waiting = [...waiting, ...(await storiesOfWeek(tx, week, after, 'published'))].sort(newest);
    const floor = week[0] * SEARCH_WEEK_MS;
    const ready = waiting.findIndex((s) => positionOf(s, 'published').at < floor);
    const cut = ready === -1 ? waiting.length : ready;
    yield* waiting.slice(0, cut);
    waiting = waiting.slice(cut);
  }
  yield* waiting;
}
