/**
 * The popup's story list: one page of stories, newest first, answering any mix of filters.
 *
 * The most selective index drives the walk (search words, then entity, publisher, starred,
 * unread, else last seen); the remaining filters are checked on each story as it is read, and
 * the walk stops as soon as the page is full. A page ends with an opaque cursor (the position
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
  const source = terms.length > 0 ? bySearch(tx, terms, after) : byIndex(tx, query, after);
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

/** Walks the one index that narrows the query most, newest first, starting after the cursor. */
async function* byIndex(tx: ReadTx, query: StoryQuery, after: Position | null): AsyncGenerator<StoredStory> {
  const top = after?.lastSeen ?? Number.POSITIVE_INFINITY;
  const floor = Number.NEGATIVE_INFINITY;
  const cursor =
    query.entityId !== undefined
      ? await tx.store
          .index('by-entity')
          .openCursor(IDBKeyRange.bound([query.entityId, floor], [query.entityId, top]), 'prev')
      : query.publisher !== undefined
        ? await tx.store
            .index('by-publisher')
            .openCursor(IDBKeyRange.bound([query.publisher, floor], [query.publisher, top]), 'prev')
        : query.starred === true
          ? await tx.store.index('by-starred').openCursor(IDBKeyRange.upperBound(top), 'prev')
          : query.unread === true
            ? await tx.store.index('by-unread').openCursor(IDBKeyRange.upperBound(top), 'prev')
            : await tx.store.index('by-last-seen').openCursor(IDBKeyRange.upperBound(top), 'prev');
  for (let c = cursor; c; c = await c.continue()) {
    if (olderThan(after, c.value)) yield c.value;
  }
}

/** Stories containing the longest search word (as a word prefix), newest first, after the cursor. */
async function* bySearch(tx: ReadTx, terms: string[], after: Position | null): AsyncGenerator<StoredStory> {
  const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
  const keys = new Set(await tx.store.index('by-word').getAllKeys(IDBKeyRange.bound(longest, `${longest}\uffff`)));
  if (keys.size <= SORT_IN_MEMORY_LIMIT) {
    const found = await Promise.all([...keys].map((key) => tx.store.get(key)));
    const sorted = found.filter((s): s is StoredStory => s !== undefined && olderThan(after, s));
    yield* sorted.sort(compareNewestFirst);
    return;
  }
  const top = after?.lastSeen ?? Number.POSITIVE_INFINITY;
  const index = tx.store.index('by-last-seen');
  for (let c = await index.openKeyCursor(IDBKeyRange.upperBound(top), 'prev'); c; c = await c.continue()) {
    if (!keys.has(c.primaryKey) || !olderThan(after, { lastSeen: c.key, url: c.primaryKey })) continue;
    const story = await tx.store.get(c.primaryKey);
    if (story) yield story;
  }
}
