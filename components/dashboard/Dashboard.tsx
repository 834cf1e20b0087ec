/**
 * The dashboard page: what changed over a period, who covers the tracked companies, and the
 * weekly digest. The facts of the chosen period are read once (useFacts) and every chart is
 * computed from them in one pass (utils/dashboard/aggregate.ts); the story list and exports
 * read full stories only for what they show.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import { companiesIn, summarize, watchlistsOf } from '@/utils/dashboard/aggregate';
import {
  dayCount,
  dayStart,
  PERIODS,
  type Period,
  periodRange,
  systemZone,
  type TimeZone,
} from '@/utils/dashboard/days';
import type { DashboardStore } from '@/utils/dashboard/store';
import type { StoryFact } from '@/utils/db/facts';
import { saveTextFile } from '../download';
import { useAsync } from '../useAsync';
import { DashboardStories } from './DashboardStories';
import { ShareOfVoice } from './ShareOfVoice';
import { Timelines } from './Timelines';
import { Together } from './Together';
import { TopPublishers } from './TopPublishers';
import { useFacts } from './useFacts';
import { WeeklyDigest } from './WeeklyDigest';
import { storiesText } from './words';

export interface DashboardProps {
  client: StoreClient;
  store: DashboardStore;
  /** The moment "today" is taken from; fixed when the page opens. */
  now?: number;
  zone?: TimeZone;
  save?: (fileName: string, text: string, type: string) => void;
  copy?: (text: string) => Promise<void>;
  print?: () => void;
  /** Called once, when the first charts are on screen. */
  onReady?: () => void;
  /** Where the options page is, for the first-run hint. */
  optionsUrl?: string;
}

const copyToClipboard = (text: string) => navigator.clipboard.writeText(text);

export function Dashboard({
  client,
  store,
  now: givenNow,
  zone = systemZone,
  save = saveTextFile,
  copy = copyToClipboard,
  print = () => window.print(),
  onReady,
  optionsUrl = 'options.html',
}: DashboardProps) {
  const [now] = useState(() => givenNow ?? Date.now());
  const [period, setPeriod] = useState<Period>(30);
  const [watchlist, setWatchlist] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const entities = useAsync(() => store.listEntities());
  const range = useMemo(() => periodRange(period, now, zone), [period, now, zone]);
  const since = dayStart(range.first, zone);
  const facts = useFacts(store, since, generation);
  const shown = useMemo(() => companiesIn(entities.value ?? [], watchlist), [entities.value, watchlist]);
  // While a longer period loads, the charts keep showing the previous one (with its own range).
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

  // The story list and the digest read full stories; they start once the charts are on screen.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (!summary || !entities.value || settled) return;
    setSettled(true);
    onReady?.();
    // After the first charts: make sure the facts still match the stories, and count again if not.
    store.repairFacts().then(
      (rebuilt) => rebuilt && setGeneration((g) => g + 1),
      (e: unknown) => console.warn('News Tracker: could not check the dashboard’s facts', e),
    );
  }, [summary, entities.value]);

  const lists = watchlistsOf(entities.value ?? []);
  const comparing = watchlist === null ? 'all tracked companies' : `the ${watchlist} watchlist`;
  const error = entities.error ?? facts.error;
  return (
    <main class="dashboard" aria-busy={facts.loading}>
      <header class="dash-head">
        <div>
          <h1>News Tracker dashboard</h1>
          <p class="muted">Counted on this device from the stories you read. Nothing is sent anywhere.</p>
        </div>
        <div class="dash-controls no-print">
          <fieldset class="chip-row period">
            <legend>Period</legend>
            {PERIODS.map((days) => (
              <button
                key={days}
                type="button"
                class="chip-button"
                aria-pressed={period === days}
                onClick={() => setPeriod(days)}
              >
                {days} days
              </button>
            ))}
          </fieldset>
          {lists.length > 0 && (
            <span class="inline-field">
              <label for="dashboard-companies">Companies</label>
              <select
                id="dashboard-companies"
                value={watchlist ?? ''}
                onChange={(e) => setWatchlist(e.currentTarget.value === '' ? null : e.currentTarget.value)}
              >
                <option value="">All tracked companies</option>
                {lists.map((name) => (
                  <option key={name} value={name}>
                    Watchlist: {name}
                  </option>
                ))}
              </select>
            </span>
          )}
        </div>
      </header>
      <nav class="dash-nav no-print" aria-label="Dashboard sections">
        <a href="#timeline-heading">Timeline</a>
        <a href="#voice-heading">Share of voice</a>
        <a href="#publishers-heading">Top publishers</a>
        <a href="#together-heading">Mentioned together</a>
        <a href="#stories-heading">Stories</a>
        <a href="#digest-heading">Weekly digest</a>
      </nav>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status" class="notice no-print">
        {facts.loading || !covered
          ? `Counting the last ${period} days…`
          : summary &&
            `${storiesText(summary.storyCount)} about ${comparing} in the last ${dayCount(summary.range)} days.`}
      </p>
      {entities.value?.length === 0 && (
        <section class="card welcome">
          <h2>No companies tracked yet</h2>
          <p>
            Add the companies you follow on the <a href={optionsUrl}>options page</a>; the dashboard then counts the
            stories you read about them.
          </p>
        </section>
      )}
      {summary && shown.length > 0 && facts.facts && (
        <>
          <Timelines
            entities={shown}
            timelines={summary.timelines}
            range={summary.range}
            facts={facts.facts}
            zone={zone}
          />
          <div class="dash-columns">
            <ShareOfVoice entities={shown} summary={summary} comparing={comparing} />
            <Together entities={shown} summary={summary} />
          </div>
          <TopPublishers entities={shown} summary={summary} />
        </>
      )}
      {settled && entities.value && entities.value.length > 0 && (
        <DashboardStories
          client={client}
          store={store}
          entities={entities.value}
          allFacts={allFacts}
          now={now}
          save={save}
          onDeleted={() => setGeneration((g) => g + 1)}
        />
      )}
      {settled && facts.facts && shown.length > 0 && (
        <WeeklyDigest
          store={store}
          entities={shown}
          facts={facts.facts}
          now={now}
          zone={zone}
          save={save}
          copy={copy}
          print={print}
        />
      )}
    </main>
  );
}
