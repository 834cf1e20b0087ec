import { useEffect, useState } from 'preact/hooks';
import type { StoryFact } from '@/utils/db/facts';

export interface FactsOf {
  /** Undefined while they are read. */
  facts: StoryFact[] | undefined;
  error: string | null;
}

/**
 * The facts `load` answers (the stories behind a bar or a pair), read when `key` is set and
 * again whenever it changes; a null key reads nothing.
 */
export function useFactsOf(key: string | null, load: () => Promise<StoryFact[]>): FactsOf {
  const [state, setState] = useState<FactsOf & { key: string | null }>({ key: null, facts: undefined, error: null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState({ key, facts: undefined, error: null });
    load().then(
      (facts) => live && setState({ key, facts, error: null }),
      (e: unknown) => live && setState({ key, facts: undefined, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [key, load]);
  return state.key === key ? state : { facts: undefined, error: null };
}
