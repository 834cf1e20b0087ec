/**
 * The numbers (`sid`, the key of the stories and of their facts) of the stories answering the filters the dashboard's facts do not carry (unread,
 * starred, search words), read as keys from the stories' indexes and the search index without
 * loading the stories (only the few not yet in the search index are read). The rules are the
 * popup's (utils/db/story-index.ts): every search word must start a word of the story.
 */
import type { StoryQuery } from '../stories';
import type { NewsDb } from './schema';
import { weeksWithEvery } from './search-index';
import { searchTerms, storyMatches } from './story-index';

export type KeyFilter = Pick<StoryQuery, 'unread' | 'starred' | 'search'>;
export type CountFilter = Pick<StoryQuery, 'entityId' | 'publisher' | 'unread' | 'starred' | 'search'>;

const intersect = (sets: Set<number>[]): Set<number> => {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size) as [Set<number>, ...Set<number>[]];
  return new Set([...smallest].filter((sid) => rest.every((s) => s.has(sid))));
};

/**
 * How many stored stories answer the filters (each copy of a syndicated story counts): one
 * index count for a single company, publisher, unread or starred filter, else the numbers
 * answering each filter, intersected.
 */
export async function countStories(db: NewsDb, filter: CountFilter): Promise<number> {
  const any = IDBKeyRange.bound.bind(IDBKeyRange);
  const indexed: ['by-entity' | 'by-publisher' | 'by-unread' | 'by-starred', IDBKeyRange | null][] = [];
  const rest: KeyFilter = {};
  const { entityId, publisher, unread, starred, search } = filter;
  if (entityId !== undefined) indexed.push(['by-entity', any([entityId, -Infinity], [entityId, Infinity])]);
  if (publisher !== undefined) indexed.push(['by-publisher', any([publisher, -Infinity], [publisher, Infinity])]);
  if (unread === true) indexed.push(['by-unread', null]);
  else if (unread === false) rest.unread = false;
  if (starred === true) indexed.push(['by-starred', null]);
  else if (starred === false) rest.starred = false;
  if (search !== undefined) rest.search = search;
  const keys = await storyKeysMatching(db, rest);
  const stories = db.transaction('stories').store;
  if (keys === null && indexed.length <= 1) {
    const [name, range] = indexed[0] ?? [];
    return name ? stories.index(name).count(range) : stories.count();
  }
  const sets = await Promise.all(
    indexed.map(async ([name, range]) => new Set(await stories.index(name).getAllKeys(range))),
  );
  return intersect(keys ? [keys, ...sets] : sets).size;
}

/** Numbers of the stories answering every filter given; null when none is given (every story answers). */
export async function storyKeysMatching(db: NewsDb, filter: KeyFilter): Promise<Set<number> | null> {
  const tx = db.transaction(['stories', 'searchPostings', 'searchPending']);
  const stories = tx.objectStore('stories');
  const sets: Set<number>[] = [];
  const all = async () => new Set(await stories.getAllKeys());
  const flag = async (value: boolean | undefined, index: 'by-unread' | 'by-starred') => {
    if (value === undefined) return;
    const flagged = new Set(await stories.index(index).getAllKeys());
    if (value) sets.push(flagged);
    else sets.push(new Set([...(await all())].filter((sid) => !flagged.has(sid))));
  };
  await flag(filter.unread, 'by-unread');
  await flag(filter.starred, 'by-starred');
  const terms = searchTerms(filter.search);
  if (terms.length > 0) {
    const sids = new Set((await weeksWithEvery(tx.objectStore('searchPostings'), terms)).flatMap(([, s]) => [...s]));
    const pending = (await tx.objectStore('searchPending').get('sids')) ?? [];
    for (const story of await Promise.all(pending.map((sid) => stories.get(sid)))) {
      if (story?.sid !== undefined && storyMatches(story, { limit: 1 }, terms)) sids.add(story.sid);
    }
    // A story deleted since it was indexed leaves nothing behind: its number is checked.
    const kept = await Promise.all(
      [...sids].map(async (sid) => ((await stories.getKey(sid)) === undefined ? null : sid)),
    );
    sets.push(new Set(kept.filter((sid) => sid !== null)));
  }
  return sets.length === 0 ? null : intersect(sets);
}
