/**
 * What the dashboard reads, behind one interface so its components can be tested against the
 * in-memory twin (store-memory.ts). The page reads IndexedDB directly, as the popup's story list
 * does: 50,000 facts would be slow to pass through runtime messages, and the page then opens
 * even while the background sleeps. Every change (star, read, delete) still goes through the
 * background via the StoreClient.
 */
import { createDbAccess } from '../db/connection';
import { listEntities } from '../db/entities';
import type { StoryFact } from '../db/facts';
import type { NewsDb } from '../db/schema';
import { factsInStep, getStoriesByUrl, loadFactsSince, rebuildStoryFacts } from '../db/story-facts';
import { type KeyFilter, storyKeysMatching } from '../db/story-keys';
import type { TrackedEntity } from '../entities';
import type { StoryRecord } from '../stories';

export interface DashboardStore {
  /** The tracked companies, read here too so the page does not wait for a sleeping background. */
  listEntities(): Promise<TrackedEntity[]>;
  /** Facts of the stories first read at or after `since` (ms; -Infinity for all) and before `before`. */
  factsSince(since: number, before?: number): Promise<StoryFact[]>;
  /** Rebuilds the facts when they no longer match the stories; true when it had to. */
  repairFacts(): Promise<boolean>;
  /** Full records for these URLs, in the same order; stories no longer stored are left out. */
  storiesByUrl(urls: readonly string[]): Promise<StoryRecord[]>;
  /** Numbers (StoryFact.sid) of the stories answering the unread, starred and search filters; null when none is set. */
  keysMatching(filter: KeyFilter): Promise<Set<number> | null>;
}

export function indexedDbDashboardStore(getDb: () => Promise<NewsDb> = createDbAccess()): DashboardStore {
  return {
    listEntities: async () => listEntities(await getDb()),
    factsSince: async (since, before) => loadFactsSince(await getDb(), since, before),
    async repairFacts() {
      const db = await getDb();
      if (await factsInStep(db)) return false;
      await rebuildStoryFacts(db);
      return true;
    },
    storiesByUrl: async (urls) => getStoriesByUrl(await getDb(), urls),
    keysMatching: async (filter) => storyKeysMatching(await getDb(), filter),
  };
}
