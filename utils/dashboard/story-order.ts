/**
 * The dashboard's story list in the orders the popup does not offer: by publisher, or by
 * relevance (headline mentions first). Both order the story facts in memory and then read only
 * the full records of the page shown. Newest first and recently read are the popup's own paged
 * query (StoryOrder).
 */

import type { StoryFact } from '../db/facts';
import type { KeyFilter } from '../db/story-keys';
import type { StoryOrder, StoryQuery } from '../stories';
import { newestFirst } from './aggregate';

export const SORTS = ['published', 'read', 'publisher', 'relevance'] as const;
export type StorySort = (typeof SORTS)[number];

export const SORT_LABELS: Record<StorySort, string> = {
  published: 'Newest first',
  read: 'Recently read',
  publisher: 'Publisher (A to Z)',
  relevance: 'Relevance (headline mentions first)',
};

export type StoryFilter = Omit<StoryQuery, 'limit' | 'cursor' | 'order'>;

/** The sorts that are the story list's own orders, read page by page from the store. */
export const isStoreOrder = (sort: StorySort): sort is StoryOrder => sort === 'published' || sort === 'read';

/** The filters facts cannot answer alone (they carry no read or starred flag and no words); null if none is set. */
export function keyFilterOf(filter: StoryFilter): KeyFilter | null {
  const { unread, starred } = filter;
  const search = filter.search?.trim() || undefined;
  if (unread === undefined && starred === undefined && search === undefined) return null;
  return {
    ...(unread !== undefined && { unread }),
    ...(starred !== undefined && { starred }),
    ...(search && { search }),
  };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const byPublisher = (a: StoryFact, b: StoryFact) => {
  if (a.publisher === b.publisher) return newestFirst(a, b);
  if (a.publisher === null) return 1;
  if (b.publisher === null) return -1;
  return collator.compare(a.publisher, b.publisher) || newestFirst(a, b);
};

const byRelevance = (a: StoryFact, b: StoryFact) => b.relevance - a.relevance || newestFirst(a, b);

/**
 * The facts answering the filter, in the chosen order. `keys` holds the numbers (`sid`) of the stories that answer the
 * unread, starred and search filters (from the store's indexes), or null when none is set.
 */
export function orderFacts(
  facts: readonly StoryFact[],
  filter: StoryFilter,
  keys: ReadonlySet<number> | null,
  sort: StorySort,
): StoryFact[] {
  const kept = facts.filter(
    (f) =>
      (filter.entityId === undefined || f.entityIds.includes(filter.entityId)) &&
      (filter.publisher === undefined || f.publisher === filter.publisher) &&
      (keys === null || (f.sid !== undefined && keys.has(f.sid))),
  );
  return kept.sort(sort === 'publisher' ? byPublisher : sort === 'relevance' ? byRelevance : newestFirst);
}
