import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { companiesIn, summarize } from '@/utils/dashboard/aggregate';
import { dayStart, type Period, periodRange, type TimeZone } from '@/utils/dashboard/days';
import type { StoryFact } from '@/utils/db/facts';
import type { StoryReader } from '@/utils/db/reader';
import { useAsync } from '../useAsync';
import { useFacts } from './useFacts';

export interface DashboardChoice {
  now: number;
  zone: TimeZone;
  period: Period;
  /** The watchlist compared, or null for every tracked company. */
  watchlist: string | null;
}

/**
 * What the dashboard shows, read and counted: the companies, the facts of the period (read once,
 * useFacts) and the charts' summary computed from them in one pass. While a longer period loads,
 * the charts keep the previous summary (with its own range). Once the first charts are on
 * screen the page is `settled`: the story list and the digest start, and the facts are checked
 * against the stories (and counted again if they had drifted).
 */
export function useDashboardData(store: StoryReader, { now, zone, period, watchlist }: DashboardChoice) {
  const [generation, setGeneration] = useState(0);
  const countAgain = useCallback(() => setGeneration((g) => g + 1), []);
  const entities = useAsync(() => store.listEntities());
  const range = useMemo(() => periodRange(period, now, zone), [period, now, zone]);
  const since = dayStart(range.first, zone);
  const facts = useFacts(store, since, generation);
  const shown = useMemo(() => companiesIn(entities.value ?? [], watchlist), [entities.value, watchlist]);
  const previous = useRef<ReturnType<typeof summarize> | null>(null);
  const covered = facts.facts !== undefined && facts.since <= since;
  const summary = useMemo(
    () => (covered && facts.facts ? summarize(facts.facts, shown, range, zone) : previous.current),
    [covered, facts.facts, shown, range, zone],
  );
  previous.current = summary;

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
    if (!summary || !entities.value || settled) return;
    setSettled(true);
    store.repairFacts().then(
      (rebuilt) => rebuilt && countAgain(),
      (e: unknown) => console.warn('News Tracker: could not check the dashboard’s facts', e),
    );
  }, [summary, entities.value]);

  return { entities, facts, shown, summary, covered, allFacts, settled, countAgain };
}
