/**
 * Reading the dashboard's story facts (see utils/db/facts.ts). Writers keep them in step
 * with the stories store inside the same transaction; if a writer ever forgets (a deletion path
 * added later, a crash between versions), `loadStoryFacts` notices that the two stores disagree
 * and rebuilds the facts, so the dashboard never shows counts that differ from the stories.
 */

import type { StoryRecord } from '../stories';
import { type StoryFact, toStoryFact } from './facts';
import type { NewsDb } from './schema';
import { toRecord } from './story-index';

export interface LoadedFacts {
  facts: StoryFact[];
  /** True when the facts had drifted from the stories and were rebuilt on this load. */
  rebuilt: boolean;
}

export async function loadStoryFacts(db: NewsDb): Promise<LoadedFacts> {
  const tx = db.transaction(['stories', 'storyFacts']);
  const [storyCount, facts] = await Promise.all([
    tx.objectStore('stories').count(),
    tx.objectStore('storyFacts').getAll(),
  ]);
  if (storyCount === facts.length) return { facts, rebuilt: false };
  try {
    return { facts: await rebuildStoryFacts(db), rebuilt: true };
  } catch {
    // The facts cannot be stored (a database a newer version owns, or a full disk): the
    // dashboard still gets facts that agree with the stories, derived for this load only.
    return { facts: (await db.getAll('stories')).map((s) => toStoryFact(s, s.sid)), rebuilt: false };
  }
}

/** Replaces every fact with one derived from the stored story, in one transaction. */
export async function rebuildStoryFacts(db: NewsDb): Promise<StoryFact[]> {
  const tx = db.transaction(['stories', 'storyFacts'], 'readwrite');
  const factStore = tx.objectStore('storyFacts');
  await factStore.clear();
  const facts: StoryFact[] = [];
  for (let c = await tx.objectStore('stories').openCursor(); c; c = await c.continue()) {
    const fact = toStoryFact(c.value, c.primaryKey);
    facts.push(fact);
    await factStore.put(fact);
  }
  await tx.done;
  return facts;
}

/** Full records for the given URLs, in the same order; a URL no longer stored is left out. */
export async function getStoriesByUrl(db: NewsDb, urls: readonly string[]): Promise<StoryRecord[]> {
  const byUrl = db.transaction('stories').store.index('by-url');
  const found = await Promise.all(urls.map((url) => byUrl.get(url)));
  return found.filter((s) => s !== undefined).map(toRecord);
}

/**
 * Facts of the stories first read at or after `since` and before `before`. A short range is read
 * through the first-seen index; a range covering most of the time the facts span is read as the
 * whole store and filtered, because Chromium reads an index range record by record through the
 * store, several times slower than the whole store at once. The oldest and newest keys of the index tell the span at the cost of two lookups.
 */
export async function loadFactsSince(
  db: NewsDb,
  since: number,
  before = Number.POSITIVE_INFINITY,
): Promise<StoryFact[]> {
  if (since === Number.NEGATIVE_INFINITY && before === Number.POSITIVE_INFINITY) return db.getAll('storyFacts');
  if (!(since < before)) return [];
  const range =
    before === Number.POSITIVE_INFINITY
      ? IDBKeyRange.lowerBound(since)
      : since === Number.NEGATIVE_INFINITY
        ? IDBKeyRange.upperBound(before, true)
        : IDBKeyRange.bound(since, before, false, true);
  const tx = db.transaction('storyFacts');
  const index = tx.store.index('by-first-seen');
  const [oldest, newest] = await Promise.all([index.openKeyCursor(), index.openKeyCursor(null, 'prev')]);
  if (!oldest || !newest) return [];
  const covered = Math.min(before, newest.key + 1) - Math.max(since, oldest.key);
  if (covered * 2 < newest.key + 1 - oldest.key) return index.getAll(range);
  const all = await tx.store.getAll();
  return all.filter((f) => f.firstSeen >= since && f.firstSeen < before);
}

/**
 * True when there is a fact for every story. Counting through the small last-seen index rather
 * than the stories themselves: Chromium counts full records by reading them, the index for a
 * fraction of that.
 */
export async function factsInStep(db: NewsDb): Promise<boolean> {
  const tx = db.transaction(['stories', 'storyFacts']);
  const [stories, facts] = await Promise.all([
    tx.objectStore('stories').index('by-last-seen').count(),
    tx.objectStore('storyFacts').count(),
  ]);
  return stories === facts;
}
