/**
 * Reading the dashboard's story facts (see utils/db/facts.ts) and day counts (day-counts.ts).
 * Writers keep both in step with the stories store inside the same transaction (writeFact);
 * `loadStoryFacts` also notices when facts and stories disagree in number and rebuilds them.
 */

import type { StoryRecord } from '../stories';
import { addToCounts, type CompanyDay } from './day-counts';
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

/** Replaces every fact and day count with those derived from the stored stories, in one transaction. */
export async function rebuildStoryFacts(db: NewsDb): Promise<StoryFact[]> {
  const tx = db.transaction(['stories', 'storyFacts', 'dayCounts'], 'readwrite');
  const factStore = tx.objectStore('storyFacts');
  await Promise.all([factStore.clear(), tx.objectStore('dayCounts').clear()]);
  const facts: StoryFact[] = [];
  for (let c = await tx.objectStore('stories').openCursor(); c; c = await c.continue()) {
    const fact = toStoryFact(c.value, c.primaryKey);
    facts.push(fact);
    await factStore.put(fact);
  }
  await addToCounts(tx.objectStore('dayCounts'), facts);
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

/** The day counts (day-counts.ts) of the local days `first` to `last`, inclusive. */
export function loadDayCounts(db: NewsDb, first: number, last: number): Promise<CompanyDay[]> {
  // [day] sorts before every [day, entityId], so this covers each company of both end days.
  return db.getAll('dayCounts', IDBKeyRange.bound([first], [last + 1], false, true));
}
