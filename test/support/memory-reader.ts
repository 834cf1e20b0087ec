/**
 * The story reader (utils/db/reader.ts) over in-memory stories and companies, for component
 * tests. It reads the same live arrays as the in-memory StoreClient, so a story starred or
 * deleted through one is seen by the other, and answers filters, search, paging and syndication
 * groups with the store's own rules (utils/db/story-index.ts).
 */

import { dayOf, systemZone, type TimeZone } from '../../utils/dashboard/days';
import { countFacts } from '../../utils/db/day-counts';
import { toStoryFact } from '../../utils/db/facts';
import type { StoryReader } from '../../utils/db/reader';
import {
  decodeCursor,
  encodeCursor,
  isNewer,
  newestFirstIn,
  positionOf,
  type StoredStory,
  searchTerms,
  storyMatches,
  toStored,
  viewInGroup,
} from '../../utils/db/story-index';
import type { TrackedEntity } from '../../utils/entities';
import type { StoryRecord, StoryView } from '../../utils/stories';

/** Groups copies as the store does: a copy joins the group of an earlier one with its headline or fingerprint. */
function grouped(records: readonly StoryRecord[]): StoredStory[] {
  const done: StoredStory[] = [];
  for (const record of [...records].sort((a, b) => a.firstSeen - b.firstSeen)) {
    const story = toStored(record);
    const sibling = done.find(
      (o) =>
        (story.titleKey !== undefined && o.titleKey === story.titleKey) ||
        (story.fingerprint != null && o.fingerprint === story.fingerprint),
    );
    if (sibling) {
      sibling.groupId ??= sibling.url;
      story.groupId = sibling.groupId;
    }
    done.push(story);
  }
  return done;
}

/** `zone` is the zone the day counts are kept in (the browser's own in the real store). */
export function memoryStoryReader(
  stories: StoryRecord[],
  entities: TrackedEntity[] = [],
  zone: TimeZone = systemZone,
): StoryReader {
  // Numbers as the database gives them: one per URL, never reused.
  const numbers = new Map<string, number>();
  const sidOf = (story: StoryRecord) => numbers.get(story.url) ?? numbers.set(story.url, numbers.size + 1).size;
  return {
    async listStories(query) {
      const order = query.order ?? 'published';
      const after = decodeCursor(query.cursor);
      const terms = searchTerms(query.search);
      const all = grouped(stories).sort(newestFirstIn(order));
      const views: StoryView[] = [];
      for (const story of all) {
        if (after && !isNewer(after, positionOf(story, order))) continue;
        if (!storyMatches(story, query, terms)) continue;
        const group = story.groupId ? all.filter((s) => s.groupId === story.groupId) : [];
        const view = viewInGroup(story, group, query, terms);
        if (view) views.push(view);
        if (views.length > query.limit) break;
      }
      const page = views.slice(0, query.limit);
      const last = page.at(-1);
      const more = views.length > query.limit && last;
      return { stories: page, cursor: more ? encodeCursor(positionOf(last, order)) : null };
    },
    countStories: async (filter) => stories.filter((s) => storyMatches(toStored(s), { ...filter, limit: 1 })).length,
    listEntities: async () => [...entities],
    factsSince: async (since, before = Number.POSITIVE_INFINITY) =>
      stories.filter((s) => s.firstSeen >= since && s.firstSeen < before).map((s) => toStoryFact(s, sidOf(s))),
    dayCounts: async (first, last) =>
      countFacts(
        stories.map((s) => toStoryFact(s, sidOf(s))),
        (ms) => dayOf(ms, zone),
      ).filter((c) => c.day >= first && c.day <= last),
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
