import { useEffect, useRef, useState } from 'preact/hooks';
import type { DayRange } from '@/utils/dashboard/days';
import type { CompanyDay } from '@/utils/db/day-counts';
import type { StoryReader } from '@/utils/db/reader';

export interface DayCountsState {
  /** Day counts from local day `first` to the range's last; undefined until the first answer. */
  days: CompanyDay[] | undefined;
  /** What `days` start from: while a longer period loads, the previous one's counts stay. */
  first: number;
  loading: boolean;
  error: string | null;
}

/**
 * The day counts of the range. A shorter period is cut from what is already loaded, and a longer
 * one reads only the days not loaded yet, so switching back from a year to 30 days is instant.
 */
export function useDayCounts(store: StoryReader, range: DayRange, generation: number): DayCountsState {
  const cache = useRef<{ first: number; last: number; generation: number; days: CompanyDay[] } | null>(null);
  const { first, last } = range;
  const [state, setState] = useState<DayCountsState>({ days: undefined, first, loading: true, error: null });

  useEffect(() => {
    const held = cache.current?.generation === generation && cache.current.last === last ? cache.current : null;
    if (held && held.first <= first) {
      setState({ days: held.days.filter((d) => d.day >= first), first, loading: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    store.dayCounts(first, held ? held.first - 1 : last).then(
      (older) => {
        if (!live) return;
        const days = held ? [...older, ...held.days] : older;
        cache.current = { first, last, generation, days };
        setState({ days, first, loading: false, error: null });
      },
      (e: unknown) => {
        if (live) setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) }));
      },
    );
    return () => {
      live = false;
    };
  }, [store, first, last, generation]);
  return state;
}
