/**
 * How extension pages (popup, dashboard) read the stories: straight from IndexedDB, through this
 * one module. The popup then opens at once while the service worker sleeps, and the dashboard's
 * 50,000 facts need not pass through runtime messages. Every change (star, read, delete) goes
 * through the background (utils/client.ts), which owns the data: this module only reads. Components are
 * tested against the in-memory twin (test/support/memory-reader.ts).
 */

import type { TrackedEntity } from '../entities';
import type { StoryPage, StoryQuery, StoryRecord } from '../stories';
import { createDbAccess } from './connection';
import type { CompanyDay } from './day-counts';
import { listEntities } from './entities';
import type { StoryFact } from './facts';
import type { NewsDb } from './schema';
import { getStoriesByUrl, loadDayCounts, loadFactsSince } from './story-facts';
import { type CountFilter, countStories, type KeyFilter, storyKeysMatching } from './story-keys';
import { listStories } from './story-query';

export interface StoryReader {
  /** One page of the story list, newest first (story-query.ts); pass the returned cursor for the next. */
  listStories(query: StoryQuery): Promise<StoryPage>;
  /** How many stored stories answer the filters (story-keys.ts). */
  countStories(filter: CountFilter): Promise<number>;
  /** The tracked companies, read here too so the page does not wait for a sleeping background. */
  listEntities(): Promise<TrackedEntity[]>;
  /** Facts of the stories first read at or after `since` (ms; -Infinity for all) and before `before`. */
  factsSince(since: number, before?: number): Promise<StoryFact[]>;
  /** The dashboard's counts per company of the local days `first` to `last` (day-counts.ts). */
  dayCounts(first: number, last: number): Promise<CompanyDay[]>;
  /** Full records for these URLs, in the same order; stories no longer stored are left out. */
  storiesByUrl(urls: readonly string[]): Promise<StoryRecord[]>;
  /** Numbers (StoryFact.sid) of the stories answering the unread, starred and search filters; null when none is set. */
  keysMatching(filter: KeyFilter): Promise<Set<number> | null>;
}

export function openStoryReader(getDb: () => Promise<NewsDb> = createDbAccess()): StoryReader {
  return {
    listStories: async (query) => listStories(await getDb(), query),
    countStories: async (filter) => countStories(await getDb(), filter),
    listEntities: async () => listEntities(await getDb()),
    factsSince: async (since, before) => loadFactsSince(await getDb(), since, before),
    dayCounts: async (first, last) => loadDayCounts(await getDb(), first, last),
    storiesByUrl: async (urls) => getStoriesByUrl(await getDb(), urls),
    keysMatching: async (filter) => storyKeysMatching(await getDb(), filter),
  };
}
