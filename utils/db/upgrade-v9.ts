/**
 * What schema version 9 writes on each stored story, copied when version 9 was the latest and
 * never edited afterwards (see upgrade-helpers.ts for why a step keeps its own helpers).
 */
import type { UpgradedStory } from './upgrade-helpers';

/** A story as version 9 stores it: dated, and its filter keys by that date. */
export interface DatedStory extends Omit<UpgradedStory, 'unreadSeen' | 'starredSeen'> {
  dated: number;
  unreadDated?: number;
  starredDated?: number;
}

/** The story's published time, never after it was first (or last) read; first read when unknown. */
function datedV9(story: Pick<UpgradedStory, 'publishedTime' | 'firstSeen' | 'lastSeen'>): number {
  const published = story.publishedTime ? Date.parse(story.publishedTime) : Number.NaN;
  const seen = Math.min(story.firstSeen, story.lastSeen);
  return Number.isFinite(published) ? Math.min(published, seen) : seen;
}

/** Version 9's fields on a story stored by version 8 or earlier; everything else is kept as it is. */
export function toDatedStory(stored: UpgradedStory): DatedStory {
  const { unreadSeen: _u, starredSeen: _s, ...rest } = stored;
  const dated = datedV9(stored);
  const story: DatedStory = { ...rest, dated, entityKeys: rest.entityKeys.map(([id]) => [id, dated]) };
  if (!stored.read) story.unreadDated = dated;
  if (stored.starred) story.starredDated = dated;
  return story;
}
