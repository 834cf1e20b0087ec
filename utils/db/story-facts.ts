/**
 * Reading the dashboard's story facts (see utils/dashboard/facts.ts). Writers keep them in step
 * with the stories store inside the same transaction; if a writer ever forgets (a deletion path
 * added later, a crash between versions), `loadStoryFacts` notices that the two stores disagree
 * and rebuilds the facts, so the dashboard never shows counts that differ from the stories.
 */
import { type StoryFact, toStoryFact } from '../dashboard/facts';
import type { StoryRecord } from '../stories';
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
    return { facts: (await db.getAll('stories')).map(toStoryFact), rebuilt: false };
  }
}

/** Replaces every fact with one derived from the stored story, in one transaction. */
export async function rebuildStoryFacts(db: NewsDb): Promise<StoryFact[]> {
  const tx = db.transaction(['stories', 'storyFacts'], 'readwrite');
  const factStore = tx.objectStore('storyFacts');
  await factStore.clear();
  const facts: StoryFact[] = [];
  for (let c = await tx.objectStore('stories').openCursor(); c; c = await c.continue()) {
    const fact = toStoryFact(c.value);
    facts.push(fact);
    await factStore.put(fact);
  }
  await tx.done;
  return facts;
}

/** Full records for the given URLs, in the same order; a URL no longer stored is left out. */
export async function getStoriesByUrl(db: NewsDb, urls: readonly string[]): Promise<StoryRecord[]> {
  const store = db.transaction('stories').store;
  const found = await Promise.all(urls.map((url) => store.get(url)));
  return found.filter((s) => s !== undefined).map(toRecord);
}
