/**
 * The URLs of the stories answering the filters the dashboard's facts do not carry (unread,
 * starred, search words), read as keys from the stories' indexes without loading the stories.
 * The rules are the popup's (utils/db/story-index.ts): every search word must start a word of
 * the story.
 */
import type { StoryQuery } from '../stories';
import type { NewsDb } from './schema';
import { searchTerms } from './story-index';

export type KeyFilter = Pick<StoryQuery, 'unread' | 'starred' | 'search'>;

/** URLs answering every filter given; null when none is given (every story answers). */
export async function storyKeysMatching(db: NewsDb, filter: KeyFilter): Promise<Set<string> | null> {
  const tx = db.transaction('stories');
  const sets: Set<string>[] = [];
  const all = async () => new Set(await tx.store.getAllKeys());
  const flag = async (value: boolean | undefined, index: 'by-unread' | 'by-starred') => {
    if (value === undefined) return;
    const flagged = new Set(await tx.store.index(index).getAllKeys());
    if (value) sets.push(flagged);
    else sets.push(new Set([...(await all())].filter((url) => !flagged.has(url))));
  };
  await flag(filter.unread, 'by-unread');
  await flag(filter.starred, 'by-starred');
  for (const term of searchTerms(filter.search)) {
    sets.push(new Set(await tx.store.index('by-word').getAllKeys(IDBKeyRange.bound(term, `${term}\uffff`))));
  }
  if (sets.length === 0) return null;
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets as [Set<string>, ...Set<string>[]];
  return new Set([...smallest].filter((url) => rest.every((s) => s.has(url))));
}
