import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { companiesIn, summarize } from '@/utils/dashboard/aggregate';
import { dayStart, type Period, periodRange, type TimeZone } from '@/utils/dashboard/days';
import type { StoryFact } from '@/utils/db/facts';
import type { StoryReader } from '@/utils/db/reader';
import { useAsync } from '../useAsync';
import { useDayCounts } from './useDayCounts';

export interface DashboardChoice {
  now: number;
  zone: TimeZone;
  period: Period;
  /** The watchlist compared, or null for every tracked company. */
  watchlist: string | null;
}

/**
 * What the dashboard shows, read and counted: the companies, the day counts of the period
 * (useDayCounts) and the charts' summary added up from them. While a longer period loads, the
 * charts keep the previous summary (with its own range). The stories behind a bar or a pair
 * are read only when asked for (`factsBetween`, `periodFacts`). Once the first charts are on
 * screen the page is `settled`: the story list and the digest start.
 */
export function useDashboardData(store: StoryReader, { now, zone, period, watchlist }: DashboardChoice) {
  const [generation, setGeneration] = useState(0);
  const countAgain = useCallback(() => setGeneration((g) => g + 1), []);
  const entities = useAsync(() => store.listEntities());
  const range = useMemo(() => periodRange(period, now, zone), [period, now, zone]);
  const counts = useDayCounts(store, range, generation);
  const shown = useMemo(() => companiesIn(entities.value ?? [], watchlist), [entities.value, watchlist]);
  const previous = useRef<ReturnType<typeof summarize> | null>(null);
  const covered = counts.days !== undefined && counts.first <= range.first;
  const summary = useMemo(
    () => (covered && counts.days ? summarize(counts.days, shown, range) : previous.current),
    [covered, counts.days, shown, range],
  );
  previous.current = summary;

  /** Facts first read from local day `first` to `last`, inclusive: a bar's stories. */
  const factsBetween = useCallback(
    (first: number, last: number) => store.factsSince(dayStart(first, zone), dayStart(last + 1, zone)),
    [store, zone, generation],
  );
  // The period's facts, for the stories of a pair: read once on first need.
  const held = useRef<{ key: string; facts: Promise<StoryFact[]> } | null>(null);
  const periodFacts = useCallback(() => {
    const key = `${generation}:${range.first}`;
    if (held.current?.key !== key) held.current = { key, facts: factsBetween(range.first, range.last) };
    return held.current.facts;
  }, [factsBetween, generation, range]);

  // Every story's fact, for the story list's other orders and the exports: read on first need.
  const all = useRef<{ generation: number; facts: Promise<StoryFact[]> } | null>(null);
  const allFacts = useCallback(() => {
    if (all.current?.generation !== generation) {
      all.current = { generation, facts: store.factsSince(Number.NEGATIVE_INFINITY) };
    }
    return all.current.facts;
  }, [store, generation]);

  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (summary && entities.value && !settled) setSettled(true);
  }, [summary, entities.value]);

  return { entities, counts, shown, summary, covered, factsBetween, periodFacts, allFacts, settled, countAgain };
}
