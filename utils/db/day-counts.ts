/**
 * The dashboard's counts: one small record per company and local day (the day the story was
 * first read, in the browser's time zone, as the dashboard bins stories), so that opening the
 * dashboard reads a few hundred records instead of tens of thousands of facts. Derived data,
 * kept exact in the same transaction as the facts they count: every write of a fact goes
 * through `writeFact`, and bulk fills through `addToCounts`, both built on `tally`.
 */

import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { StoryFact } from './facts';
import type { CompanyDay, NewsTrackerDB } from './schema-types';

export type { CompanyDay } from './schema-types';

const DAY_MS = 86_400_000;

/** The local day (Unix-style day number in the browser's zone) a moment falls on. */
export const localDay = (ms: number) => Math.floor((ms - new Date(ms).getTimezoneOffset() * 60_000) / DAY_MS);

/** The key of a company's set of co-named companies: their ids, sorted, one per line. */
export const setKeyOf = (entityIds: readonly string[]) => [...new Set(entityIds)].sort().join('\n');

type CountTx = IDBPTransaction<NewsTrackerDB, StoreNames<NewsTrackerDB>[], 'readwrite'>;
type CountStore = IDBPObjectStore<NewsTrackerDB, StoreNames<NewsTrackerDB>[], 'dayCounts', 'readwrite'>;

/** Count changes not yet written, by record key (`day` and company id on one line). */
type Tally = Map<string, CompanyDay>;

const bump = <K>(map: Map<K, number>, key: K, by: number) => {
  const n = (map.get(key) ?? 0) + by;
  if (n === 0) map.delete(key);
  else map.set(key, n);
};

/**
 * Adds one fact (sign 1) to, or takes it away (sign -1) from, the counts of its companies' day.
 * `dayOf` is the browser's local day; another zone's only where a copy is counted in memory.
 */
function tally(into: Tally, fact: StoryFact, sign: 1 | -1, dayOf = localDay): void {
  const day = dayOf(fact.firstSeen);
  const set = setKeyOf(fact.entityIds);
  for (const entityId of new Set(fact.entityIds)) {
    const key = `${day}\n${entityId}`;
    let counts = into.get(key);
    if (!counts) {
      counts = { day, entityId, stories: 0, business: 0, publishers: new Map(), sets: new Map() };
      into.set(key, counts);
    }
    counts.stories += sign;
    if (fact.business) counts.business += sign;
    bump(counts.publishers, fact.publisher, sign);
    bump(counts.sets, set, sign);
  }
}

/** Adds the tallied changes to the stored records; a record left with no story is deleted. */
async function applyTally(store: CountStore, changes: Tally): Promise<void> {
  await Promise.all(
    [...changes.values()].map(async (change) => {
      const stored = await store.get([change.day, change.entityId]);
      if (stored) {
        stored.stories += change.stories;
        stored.business += change.business;
        for (const [publisher, n] of change.publishers) bump(stored.publishers, publisher, n);
        for (const [set, n] of change.sets) bump(stored.sets, set, n);
      }
      const next = stored ?? change;
      if (next.stories === 0) await store.delete([change.day, change.entityId]);
      else await store.put(next);
    }),
  );
}

/**
 * Writes a story's fact (`fact` undefined: deletes it) and moves the story between the day
 * counts, in the caller's transaction: the one way facts change, so counts never disagree.
 * Await one call before the next in the same transaction: two at once could both read a day's
 * record before either writes it back.
 */
export async function writeFact(tx: CountTx, sid: number, fact: StoryFact | undefined): Promise<void> {
  const facts = tx.objectStore('storyFacts');
  const old = await facts.get(sid);
  const changes: Tally = new Map();
  if (old) tally(changes, old, -1);
  if (fact) tally(changes, { ...fact, sid }, 1);
  await Promise.all([
    fact ? facts.put({ ...fact, sid }) : facts.delete(sid),
    applyTally(tx.objectStore('dayCounts'), changes),
  ]);
}

/** The day counts of these facts, counted in memory by the local day `dayOf` gives. */
export function countFacts(facts: Iterable<StoryFact>, dayOf = localDay): CompanyDay[] {
  const counts: Tally = new Map();
  for (const fact of facts) tally(counts, fact, 1, dayOf);
  return [...counts.values()];
}

/** Adds facts already written (a rebuild, a bulk fill) to the day counts, in the caller's transaction. */
export async function addToCounts(store: CountStore, facts: Iterable<StoryFact>): Promise<void> {
  const changes: Tally = new Map();
  for (const fact of facts) tally(changes, fact, 1);
  await applyTally(store, changes);
}
