/**
 * The dashboard's store over in-memory stories and companies, for component tests. It reads the
 * same live arrays as the in-memory StoreClient, so a story starred or deleted through one is
 * seen by the other, and answers filters with the store's own rules (utils/db/story-index.ts).
 */

import type { DashboardStore } from '../../utils/dashboard/store';
import { toStoryFact } from '../../utils/db/facts';
import { searchTerms, storyMatches, toStored } from '../../utils/db/story-index';
import type { TrackedEntity } from '../../utils/entities';
import type { StoryRecord } from '../../utils/stories';

export function memoryDashboardStore(stories: StoryRecord[], entities: TrackedEntity[] = []): DashboardStore {
  // Numbers as the database gives them: one per URL, never reused.
  const numbers = new Map<string, number>();
  const sidOf = (story: StoryRecord) => numbers.get(story.url) ?? numbers.set(story.url, numbers.size + 1).size;
  return {
    listEntities: async () => [...entities],
    factsSince: async (since, before = Number.POSITIVE_INFINITY) =>
      stories.filter((s) => s.firstSeen >= since && s.firstSeen < before).map((s) => toStoryFact(s, sidOf(s))),
    repairFacts: async () => false,
    storiesByUrl: async (urls) => urls.flatMap((url) => stories.find((s) => s.url === url) ?? []),
    async keysMatching(filter) {
      if (filter.unread === undefined && filter.starred === undefined && !searchTerms(filter.search).length) {
        return null;
      }
      const query = { ...filter, limit: 1 };
      return new Set(stories.filter((s) => storyMatches(toStored(s), query)).map(sidOf));
    },
  };
}
