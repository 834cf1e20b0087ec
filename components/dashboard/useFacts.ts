import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoryFact } from '@/utils/db/facts';
import type { StoryReader } from '@/utils/db/reader';

export interface FactsState {
  /** Facts of stories first read at or after `since`; undefined until the first answer. */
  facts: StoryFact[] | undefined;
  /** What `facts` start from: while a longer period loads, the previous one's facts stay. */
  since: number;
  loading: boolean;
  error: string | null;
}

/**
 * The facts from `since` on. A shorter period is cut from what is already loaded, and a longer
 * one reads only the days not loaded yet, so switching back from a year to 30 days is instant.
 */
export function useFacts(store: StoryReader, since: number, generation: number): FactsState {
  const cache = useRef<{ since: number; generation: number; facts: StoryFact[] } | null>(null);
  const [state, setState] = useState<FactsState>({ facts: undefined, since, loading: true, error: null });

  useEffect(() => {
    const held = cache.current;
    if (held && held.generation === generation && held.since <= since) {
      setState({ facts: held.facts.filter((f) => f.firstSeen >= since), since, loading: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const kept = held?.generation === generation ? held : null;
    store.factsSince(since, kept?.since).then(
      (older) => {
        if (!live) return;
        const facts = kept ? [...older, ...kept.facts] : older;
        cache.current = { since, generation, facts };
        setState({ facts, since, loading: false, error: null });
      },
      (e: unknown) => {
        if (live) setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) }));
      },
    );
    return () => {
      live = false;
    };
  }, [store, since, generation]);
  return state;
}
