import { useCallback, useState } from 'preact/hooks';
import { busiestDay, type CompanyTimeline, storiesAbout } from '@/utils/dashboard/aggregate';
import { type Bin, binDays, binLabel, timelineBins } from '@/utils/dashboard/bins';
import { listOnce } from '@/utils/dashboard/copies';
import { type DayRange, dayCount, dayLabel } from '@/utils/dashboard/days';
import type { StoryFact } from '@/utils/db/facts';
import type { TrackedEntity } from '@/utils/entities';
import { DayBars } from './DayBars';
import { FactList } from './FactList';
import { useFactsOf } from './useFactsOf';
import { storiesText } from './words';

export interface TimelinesProps {
  entities: readonly TrackedEntity[];
  timelines: readonly CompanyTimeline[];
  range: DayRange;
  /** The facts of the stories first read from local day `first` to `last`: a bar's stories. */
  factsBetween: (first: number, last: number) => Promise<StoryFact[]>;
}

/**
 * One chart per company with stories in the period: stories per day (per week beyond a month),
 * with the business share. Companies without any are named together on one line.
 */
export function Timelines({ entities, timelines, range, factsBetween }: TimelinesProps) {
  const byId = new Map(timelines.map((t) => [t.entityId, t]));
  const charted = entities.filter((e) => (byId.get(e.id)?.total ?? 0) > 0);
  const quiet = entities.filter((e) => byId.get(e.id)?.total === 0);
  const unit = binDays(range) === 1 ? 'day' : 'week';
  return (
    <section class="dash-section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <p class="muted">
        Stories per {unit} over the last {dayCount(range)} days, by the day you first read them. Point at a bar for its
        count; click it, or use the arrow keys and Enter, to list its stories.
      </p>
      <p class="legend">
        <span class="key key-business" aria-hidden="true" /> Business news
        <span class="key key-other" aria-hidden="true" /> Other news
      </p>
      <div class="timeline-grid">
        {charted.map((e) => (
          // A new period starts each chart afresh: its chosen bar belonged to the old range.
          <CompanyChart
            key={`${e.id}:${range.first}:${range.last}`}
            entity={e}
            line={byId.get(e.id) as CompanyTimeline}
            range={range}
            factsBetween={factsBetween}
          />
        ))}
      </div>
      {quiet.length > 0 && (
        <p class="quiet muted">
          No stories in the last {dayCount(range)} days: {quiet.map((e) => e.name).join(', ')}.
        </p>
      )}
    </section>
  );
}

interface CompanyChartProps {
  entity: TrackedEntity;
  line: CompanyTimeline;
  range: DayRange;
  factsBetween: TimelinesProps['factsBetween'];
}

/** The chart's content in words, for screen readers (the chart's description). */
export function describeTimeline(name: string, line: CompanyTimeline, range: DayRange): string {
  const days = dayCount(range);
  if (line.total === 0) return `${name}: no stories in the last ${days} days.`;
  const share = Math.round((line.business / line.total) * 100);
  const busiest = busiestDay(line);
  const peak = busiest ? ` Busiest day: ${dayLabel(range.first + busiest.index)}, ${storiesText(busiest.count)}.` : '';
  return `${name}: ${storiesText(line.total)} in the last ${days} days, ${line.business.toLocaleString()} of them business news (${share}%).${peak}`;
}

function CompanyChart({ entity, line, range, factsBetween }: CompanyChartProps) {
  const [selected, setSelected] = useState<number | null>(null);
  const bins = timelineBins(line, range);
  const id = `timeline-${entity.id}`;
  const bin = selected === null ? null : (bins[selected] ?? null);
  const when = bin === null ? '' : bin.first === bin.last ? `on ${binLabel(bin)}` : `from ${binLabel(bin)}`;
  return (
    <figure class="timeline card" aria-labelledby={`${id}-title`} aria-describedby={`${id}-words`}>
      <figcaption class="timeline-title">
        <span class="swatch" style={{ background: entity.color }} aria-hidden="true" />
        <span id={`${id}-title`} class="timeline-name clamp-2" title={entity.name}>
          {entity.name}
        </span>
        <span class="timeline-count">
          {storiesText(line.total)}
          {line.business > 0 && <span class="muted"> · {line.business.toLocaleString()} business</span>}
        </span>
      </figcaption>
      <p id={`${id}-words`} class="visually-hidden">
        {describeTimeline(entity.name, line, range)}
      </p>
      <DayBars
        label={`${binDays(range) === 1 ? 'Day' : 'Week'} in ${entity.name}’s timeline`}
        bins={bins}
        selected={selected}
        onSelect={setSelected}
      />
      {bin !== null && (
        <BinStories
          entity={entity}
          bin={bin}
          when={when}
          factsBetween={factsBetween}
          onClose={() => setSelected(null)}
        />
      )}
    </figure>
  );
}

interface BinStoriesProps {
  entity: TrackedEntity;
  bin: Bin;
  when: string;
  factsBetween: TimelinesProps['factsBetween'];
  onClose(): void;
}

/** The stories behind the chosen bar, read when it is chosen. */
function BinStories({ entity, bin, when, factsBetween, onClose }: BinStoriesProps) {
  const load = useCallback(() => factsBetween(bin.first, bin.last), [factsBetween, bin.first, bin.last]);
  const { facts, error } = useFactsOf(`${bin.first}:${bin.last}`, load);
  const listed = facts && storiesAbout(facts, entity.id);
  return (
    <div class="day-stories">
      <div class="section-head">
        <h3>
          {entity.name} {when}: {storiesText(listed?.length ?? bin.count)}
        </h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {listed ? (
        <FactList stories={listOnce(listed)} label={`Stories about ${entity.name} ${when}`} />
      ) : (
        !error && <p class="muted">Reading the stories…</p>
      )}
    </div>
  );
}
