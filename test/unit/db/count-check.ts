import { countFacts } from '@/utils/db/day-counts';
import { toStoryFact } from '@/utils/db/facts';
import type { NewsDb } from '@/utils/db/schema';
import { toRecord } from '@/utils/db/story-index';

const byKey = (a: { day: number; entityId: string }, b: { day: number; entityId: string }) =>
  a.day - b.day || a.entityId.localeCompare(b.entityId);

/** What the day counts store holds, and what counting every stored story afresh gives. */
export async function storedAndRecounted(db: NewsDb) {
  const [stored, stories] = await Promise.all([db.getAll('dayCounts'), db.getAll('stories')]);
  const recounted = countFacts(stories.map((s) => toStoryFact(toRecord(s), s.sid)));
  return { stored: stored.sort(byKey), recounted: recounted.sort(byKey) };
}
