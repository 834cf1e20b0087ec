import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { keyFilterOf, orderFacts, type StoryFilter, type StorySort } from '@/utils/dashboard/story-order';
import type { StoryFact } from '@/utils/db/facts';
import type { StoryReader } from '@/utils/db/reader';
import type { StoryView } from '@/utils/stories';
import { PAGE_SIZE, type StoryPages } from '../useStoryPages';

/** Every story matching the filter, in the chosen order, as facts (the store's indexes answer the flags and words). */
export async function orderedFacts(
  store: StoryReader,
  allFacts: () => Promise<StoryFact[]>,
  filter: StoryFilter,
  sort: StorySort,
): Promise<StoryFact[]> {
  const keyFilter = keyFilterOf(filter);
  const [facts, keys] = await Promise.all([allFacts(), keyFilter ? store.keysMatching(keyFilter) : null]);
  return orderFacts(facts, filter, keys, sort);
}

/**
 * The story list ordered by publisher or relevance, one page at a time: the order comes from
 * the facts (read once), and only the stories of the pages shown are read in full. Each copy
 * of a syndicated story is listed under its own publisher here. `allFacts` changes when stories
 * were deleted, and the order is then made again.
 */
export function useOrderedPages(
  store: StoryReader,
  allFacts: () => Promise<StoryFact[]>,
  filter: StoryFilter,
  sort: StorySort,
): StoryPages {
  const [order, setOrder] = useState<StoryFact[]>([]);
  const [stories, setStories] = useState<StoryView[]>([]);
  /** Where in `order` the next page starts (a story deleted meanwhile is skipped, not shifted). */
  const [next, setNext] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const key = JSON.stringify(filter);

  const fail = (id: number) => (e: unknown) => {
    if (id !== request.current) return;
    setError(e instanceof Error ? e.message : String(e));
    setLoading(false);
  };

  const show = useCallback(
    async (ordered: StoryFact[], from: number, id: number) => {
      const urls = ordered.slice(from, from + PAGE_SIZE).map((f) => f.url);
      const records = await store.storiesByUrl(urls);
      if (id !== request.current) return;
      const views = records.map((r): StoryView => ({ ...r, alsoAt: [] }));
      setStories((old) => (from === 0 ? views : [...old, ...views]));
      setNext(from + urls.length);
      setError(null);
      setLoading(false);
    },
    [store],
  );

  useEffect(() => {
    const id = ++request.current;
    setLoading(true);
    orderedFacts(store, allFacts, filter, sort)
      .then(async (ordered) => {
        if (id !== request.current) return;
        setOrder(ordered);
        await show(ordered, 0, id);
      })
      .catch(fail(id));
    // The filter is compared by value through its key.
  }, [store, allFacts, key, sort]);

  return {
    stories,
    hasMore: next < order.length,
    loading,
    error,
    loadMore() {
      if (loading || next >= order.length) return;
      const id = ++request.current;
      setLoading(true);
      show(order, next, id).catch(fail(id));
    },
    update: (url, change) => setStories((old) => old.map((s) => (s.url === url ? { ...s, ...change } : s))),
    remove: (url) => setStories((old) => old.filter((s) => s.url !== url)),
  };
}
