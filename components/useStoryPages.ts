import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import type { StoryQuery, StoryView } from '@/utils/stories';

export const PAGE_SIZE = 30;

export type StoryFilter = Omit<StoryQuery, 'limit' | 'cursor'>;

export interface StoryPages {
  stories: StoryView[];
  /** More stories exist beyond those loaded. */
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore(): void;
  /** Replaces one loaded story (after starring, reading) without reloading the list. */
  update(url: string, change: Partial<StoryView>): void;
  remove(url: string): void;
}

/**
 * Stories one page at a time through the store's cursor, so 50,000 stories cost no more to open
 * than 30. A new filter starts again from the first page; answers to an older filter are dropped.
 */
export function useStoryPages(client: StoreClient, filter: StoryFilter, generation = 0): StoryPages {
  const [stories, setStories] = useState<StoryView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const key = JSON.stringify(filter);

  const load = useCallback(
    (from: string | null, append: boolean) => {
      const id = ++request.current;
      setLoading(true);
      client.listStories({ ...filter, limit: PAGE_SIZE, cursor: from }).then(
        (page) => {
          if (id !== request.current) return;
          setStories((old) => (append ? [...old, ...page.stories] : page.stories));
          setCursor(page.cursor);
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (id !== request.current) return;
          setError(e instanceof Error ? e.message : String(e));
          setLoading(false);
        },
      );
    },
    // The filter is compared by value through its key.
    [client, key],
  );
  useEffect(() => load(null, false), [load, generation]);

  return {
    stories,
    hasMore: cursor !== null,
    loading,
    error,
    loadMore: () => {
      if (cursor !== null && !loading) load(cursor, true);
    },
    update: (url, change) => setStories((old) => old.map((s) => (s.url === url ? { ...s, ...change } : s))),
    remove: (url) => setStories((old) => old.filter((s) => s.url !== url)),
  };
}

/**
 * How many stories answer the filter (null until known), counted again when the filter changes
 * or `generation` moves (a deletion, "Mark all read").
 */
export function useStoryCount(client: StoreClient, filter: StoryFilter, generation = 0): number | null {
  const [count, setCount] = useState<number | null>(null);
  const { order: _order, ...counted } = filter;
  const key = JSON.stringify(counted);
  useEffect(() => {
    let live = true;
    client.countStories(counted).then(
      (n) => live && setCount(n),
      () => live && setCount(null),
    );
    return () => {
      live = false;
    };
    // The filter is compared by value through its key.
  }, [client, key, generation]);
  return count;
}
