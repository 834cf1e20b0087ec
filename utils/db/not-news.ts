/**
 * Addresses the person said are not news stories ("Not a news story" in the popup). Marking one
 * deletes its story and keeps the address in notNews, in one transaction; saveStory then refuses
 * it (stories.ts). Recording the page by hand ("Record this page") takes the mark away again.
 * Kept in the database, never in the content state: a page must not learn which other
 * addresses the person has read.
 */
import type { NewsDb } from './schema';
import { deleteStoryIn, STORY_STORES } from './stories';

export async function markNotNews(db: NewsDb, url: string, now = Date.now()): Promise<void> {
  const tx = db.transaction([...STORY_STORES, 'notNews'], 'readwrite');
  await Promise.all([deleteStoryIn(tx, url), tx.objectStore('notNews').put({ url, markedAt: now })]);
  await tx.done;
}

export async function unmarkNotNews(db: NewsDb, url: string): Promise<void> {
  await db.delete('notNews', url);
}

/** What the database says about `url`: a story is stored under it, or it is marked not news. */
export async function addressStanding(db: NewsDb, url: string): Promise<{ recorded: boolean; notNews: boolean }> {
  const tx = db.transaction(['stories', 'notNews']);
  const [story, mark] = await Promise.all([
    tx.objectStore('stories').index('by-url').getKey(url),
    tx.objectStore('notNews').getKey(url),
    tx.done,
  ]);
  return { recorded: story !== undefined, notNews: mark !== undefined };
}
