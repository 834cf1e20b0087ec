/**
 * Story facts: the few fields of a story the dashboard aggregates, kept in their own small
 * IndexedDB store so that opening the dashboard reads ~150 bytes per story instead of whole
 * records (snippets, bylines, visited URLs). Derived data only: it can always be rebuilt from
 * the stories store.
 */
import type { StoryRecord } from '../stories';

export interface StoryFact {
  /**
   * The story's number in the store (its key there from schema version 6 on); the unread,
   * starred and search filters answer with these numbers (StoryReader.keysMatching).
   */
  sid?: number;
  url: string;
  title: string;
  publisher: string | null;
  /** When the user first read the story: the day a story counts on. It never changes on revisits. */
  firstSeen: number;
  business: boolean;
  /** Tracked companies the story mentions, each once. */
  entityIds: string[];
  /** See `storyRelevance`. */
  relevance: number;
  /**
   * On a copy of a story another publisher ran (stories grouped "also at"): the number of the
   * group's first story, so the dashboard lists the group once. Absent on every other story.
   */
  copyOf?: number;
}

/**
 * Orders stories by how much they are about tracked companies: a company in the headline
 * outweighs any number in the lead, which outweighs mentions further down.
 */
export function storyRelevance(story: Pick<StoryRecord, 'mentions'>): number {
  let headline = 0;
  let lead = 0;
  let count = 0;
  for (const m of story.mentions) {
    if (m.inHeadline) headline += 1;
    if (m.inLead) lead += 1;
    count += m.count;
  }
  return headline * 1_000_000 + lead * 1_000 + Math.min(count, 999);
}

/** The fact of a story; `sid` is the story's number, which facts carry from schema version 6 on. */
export function toStoryFact(
  story: Pick<StoryRecord, 'url' | 'title' | 'publisher' | 'firstSeen' | 'isBusiness' | 'mentions'>,
  sid?: number,
): StoryFact {
  const fact: StoryFact = {
    url: story.url,
    title: story.title,
    publisher: story.publisher,
    firstSeen: story.firstSeen,
    business: story.isBusiness,
    entityIds: [...new Set(story.mentions.map((m) => m.entityId))],
    relevance: storyRelevance(story),
  };
  if (sid !== undefined) fact.sid = sid;
  return fact;
}
