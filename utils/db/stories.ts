import { toStoryFact } from '../dashboard/facts';
import { mergeStory, type StoryRecord, type StoryReport } from '../stories';
import type { NewsDb } from './schema';

/** Saves a reported story; a story already stored under the same canonical URL is updated in place. */
export async function saveStory(db: NewsDb, report: StoryReport, now = Date.now()): Promise<StoryRecord> {
  // The dashboard's fact is written in the same transaction, so the two never disagree.
  const tx = db.transaction(['stories', 'storyFacts'], 'readwrite');
  const stories = tx.objectStore('stories');
  const record = mergeStory(await stories.get(report.url), report, now);
  await Promise.all([stories.put(record), tx.objectStore('storyFacts').put(toStoryFact(record))]);
  await tx.done;
  return record;
}

/** Most recently seen stories first. */
export async function listStories(db: NewsDb, limit: number): Promise<StoryRecord[]> {
  const out: StoryRecord[] = [];
  let cursor = await db.transaction('stories').store.index('by-last-seen').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}
