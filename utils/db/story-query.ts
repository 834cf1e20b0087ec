/**
 * The popup's story list: one page of stories, newest first, answering any mix of filters.
 *
 * The most selective index drives the walk (the search index, else entity, publisher,
 * starred, from feeds, unread, else last seen), which reads stories newest first in chunks; the remaining
 * filters are checked on each story as it is read, and the walk stops as soon as the page is
 * full. A page ends with an opaque cursor (the position
 * of its last story) from which the next page continues.
 */

import type { IDBPIndex, IndexNames } from 'idb';
import type { StoryPage, StoryQuery, StoryView } from '../stories';
import type { NewsDb, NewsTrackerDB } from './schema';
import { weekOf, weeksWithEvery } from './search-index';
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
const readTx = (db: NewsDb) => db.transaction(['stories', 'searchPostings', 'searchPending'], 'readonly');

export async function listStories(db: NewsDb, query: StoryQuery): Promise<StoryPage> {
  const after = decodeCursor(query.cursor);
  const terms = searchTerms(query.search);
  const tx = readTx(db);
  const stories: StoryView[] = [];
  let more = false;
  const source = terms.length > 0 ? bySearch(tx, terms, after) : byIndex(tx, query, after);
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
  return { stories, cursor: more && last ? encodeCursor(last) : null };
}

const olderThan = (after: Position | null, p: Position) => after === null || isNewer(after, p);

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

/** The index that narrows a query most, and its range of keys up to the cursor's time. */
function narrowest(query: StoryQuery, after: Position | null): [IndexName, IDBValidKey, IDBValidKey] {
  const top = after?.lastSeen ?? Number.POSITIVE_INFINITY;
  const floor = Number.NEGATIVE_INFINITY;
  if (query.entityId !== undefined) return ['by-entity', [query.entityId, floor], [query.entityId, top]];
  if (query.publisher !== undefined) return ['by-publisher', [query.publisher, floor], [query.publisher, top]];
  if (query.starred === true) return ['by-starred', floor, top];
  if (query.fromFeeds === true) return [query.unread === true ? 'by-feed-unread' : 'by-feed', floor, top];
  if (query.unread === true) return ['by-unread', floor, top];
  return ['by-last-seen', floor, top];
}

/** Walks the one index that narrows the query most, newest first, starting after the cursor. */
async function* byIndex(tx: ReadTx, query: StoryQuery, after: Position | null): AsyncGenerator<StoredStory> {
  const [name, lower, upper] = narrowest(query, after);
  const index = tx.objectStore('stories').index(name);
  for await (const range of chunksNewestFirst(index, lower, upper, query.limit + 1)) {
    const stories = await index.getAll(range);
    yield* stories.filter((s) => olderThan(after, s)).sort(compareNewestFirst);
  }
}

/**
 * Stories containing every search word (each as a word prefix), newest first, after the cursor:
 * the search index gives their numbers by week, newest week first (with the few stories not yet
 * in it checked one by one), and only the stories of the weeks the page reaches are read. An
 * entry left in an older week by a story seen again since is skipped: the story is listed in
 * its new week.
 */
async function* bySearch(tx: ReadTx, terms: string[], after: Position | null): AsyncGenerator<StoredStory> {
  const topWeek = after ? weekOf(after.lastSeen) : Number.POSITIVE_INFINITY;
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
  for (const week of [...weeks.keys()].sort((a, b) => b - a)) {
    const stories = await Promise.all([...(weeks.get(week) ?? [])].map((sid) => bySid.get(sid)));
    yield* stories
      .filter((s): s is StoredStory => s !== undefined && weekOf(s.lastSeen) === week && olderThan(after, s))
      .sort(compareNewestFirst);
  }
}
