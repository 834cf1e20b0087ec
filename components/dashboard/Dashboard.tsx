/**
 * The dashboard page: what changed over a period, who covers the tracked companies, and the
 * weekly digest. The day counts of the chosen period are read once (useDayCounts) and every
 * chart is added up from them (utils/dashboard/aggregate.ts); the stories behind a bar or a
 * pair, the story list, the digest and the exports read stories only for what they show.
 */
import { useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import { type DashboardSummary, watchlistsOf } from '@/utils/dashboard/aggregate';
import { dayCount, type Period, systemZone, type TimeZone } from '@/utils/dashboard/days';
import type { StoryFact } from '@/utils/db/facts';
import type { StoryReader } from '@/utils/db/reader';
import type { TrackedEntity } from '@/utils/entities';
import { saveTextFile } from '../download';
import { DashboardHead, DashboardNav } from './DashboardHead';
import { DashboardStories } from './DashboardStories';
import { ShareOfVoice } from './ShareOfVoice';
import { Timelines } from './Timelines';
import { Together } from './Together';
import { TopPublishers } from './TopPublishers';
import { useDashboardData } from './useDashboardData';
import { WeeklyDigest } from './WeeklyDigest';
import { storiesText } from './words';

export interface DashboardProps {
  client: StoreClient;
  store: StoryReader;
  /** The moment "today" is taken from; fixed when the page opens. */
  now?: number;
  zone?: TimeZone;
  save?: (fileName: string, text: string, type: string) => void;
  copy?: (text: string) => Promise<void>;
  print?: () => void;
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
  optionsUrl = 'options.html',
}: DashboardProps) {
  const [now] = useState(() => givenNow ?? Date.now());
  const [period, setPeriod] = useState<Period>(30);
  const [watchlist, setWatchlist] = useState<string | null>(null);
  const data = useDashboardData(store, { now, zone, period, watchlist });
  const { entities, counts, shown, summary } = data;

  const comparing = watchlist === null ? 'all tracked companies' : `the ${watchlist} watchlist`;
  const error = entities.error ?? counts.error;
  return (
    <main class="dashboard" aria-busy={counts.loading}>
      <DashboardHead
        period={period}
        onPeriod={setPeriod}
        watchlists={watchlistsOf(entities.value ?? [])}
        watchlist={watchlist}
        onWatchlist={setWatchlist}
      />
      <DashboardNav />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status" class="notice no-print">
        {counts.loading || !data.covered
          ? `Counting the last ${period} days…`
          : summary &&
            `${storiesText(summary.storyCount)} about ${comparing} in the last ${dayCount(summary.range)} days.`}
      </p>
      {entities.value?.length === 0 && <NothingTracked optionsUrl={optionsUrl} />}
      {summary && shown.length > 0 && (
        <Charts
          entities={shown}
          summary={summary}
          factsBetween={data.factsBetween}
          periodFacts={data.periodFacts}
          comparing={comparing}
        />
      )}
      {data.settled && entities.value && entities.value.length > 0 && (
        <DashboardStories
          client={client}
          store={store}
          entities={entities.value}
          allFacts={data.allFacts}
          now={now}
          save={save}
          onDeleted={data.countAgain}
        />
      )}
      {data.settled && shown.length > 0 && (
        <WeeklyDigest
          store={store}
          entities={shown}
          factsBetween={data.factsBetween}
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

interface ChartsProps {
  entities: readonly TrackedEntity[];
  summary: DashboardSummary;
  factsBetween: (first: number, last: number) => Promise<StoryFact[]>;
  periodFacts: () => Promise<StoryFact[]>;
  comparing: string;
}

/** The period's charts, all drawn from one summary. */
function Charts({ entities, summary, factsBetween, periodFacts, comparing }: ChartsProps) {
  return (
    <>
      <Timelines entities={entities} timelines={summary.timelines} range={summary.range} factsBetween={factsBetween} />
      <ShareOfVoice entities={entities} summary={summary} comparing={comparing} />
      <Together entities={entities} summary={summary} periodFacts={periodFacts} />
      <TopPublishers entities={entities} summary={summary} />
    </>
  );
}

function NothingTracked({ optionsUrl }: { optionsUrl: string }) {
  return (
    <section class="card welcome">
      <h2>No companies tracked yet</h2>
      <p>
        Add the companies you follow on the <a href={optionsUrl}>options page</a>; the dashboard then counts the stories
        you read about them.
      </p>
    </section>
  );
}
