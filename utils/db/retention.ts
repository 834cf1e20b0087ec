/**
 * Retention: drops stories older than the maximum age, then the oldest beyond the maximum
 * count. Starred stories are always kept. Deletion runs in small transactions with a pause
 * between them, so saving a story or opening the popup never waits behind a long clean-up.
 */
import type { Settings } from '../settings';
import { writeFact } from './day-counts';
import type { NewsDb } from './schema';
import { updatePostings } from './search-index';

/** Stories deleted per transaction: small enough that a save queued behind one waits only briefly. */
export const RETENTION_BATCH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Deletes up to `max` unstarred stories last seen before `before`, oldest first; returns how many. */
async function deleteOldest(db: NewsDb, before: number, max: number): Promise<number> {
  const tx = db.transaction(['stories', 'storyFacts', 'dayCounts', 'searchPostings'], 'readwrite');
  const postings = tx.objectStore('searchPostings');
  const index = tx.objectStore('stories').index('by-last-seen');
  let deleted = 0;
  const range = IDBKeyRange.upperBound(before, true);
  for (let c = await index.openCursor(range); c && deleted < max; c = await c.continue()) {
    if (c.value.starred) continue;
    await Promise.all([
      c.delete(),
      writeFact(tx, c.primaryKey, undefined),
      updatePostings(postings, c.value, undefined),
    ]);
    deleted += 1;
  }
  await tx.done;
  return deleted;
}

/** Applies the retention settings; returns how many stories were deleted. */
export async function applyRetention(
  db: NewsDb,
  settings: Settings,
  now = Date.now(),
  batch = RETENTION_BATCH,
): Promise<number> {
  let total = 0;
  if (settings.retentionDays > 0) {
    const cutoff = now - settings.retentionDays * DAY_MS;
    let n = batch;
    while (n === batch) {
      n = await deleteOldest(db, cutoff, batch);
      total += n;
      await pause();
    }
  }
  if (settings.retentionCount > 0) {
    const starred = await db.countFromIndex('stories', 'by-starred');
    const keep = Math.max(settings.retentionCount, starred);
    let excess = (await db.count('stories')) - keep;
    while (excess > 0) {
      const n = await deleteOldest(db, Number.POSITIVE_INFINITY, Math.min(batch, excess));
      if (n === 0) break;
      total += n;
      excess -= n;
      await pause();
    }
  }
  return total;
}
