import { useState } from 'preact/hooks';
import { busiestDay, type CompanyTimeline, storiesOnDay } from '@/utils/dashboard/aggregate';
import { type DayRange, dayCount, dayLabel, type TimeZone } from '@/utils/dashboard/days';
import type { StoryFact } from '@/utils/db/facts';
import type { TrackedEntity } from '@/utils/entities';
import { DayBars } from './DayBars';
import { FactList } from './FactList';
import { storiesText } from './words';

export interface TimelinesProps {
  entities: readonly TrackedEntity[];
  timelines: readonly CompanyTimeline[];
  range: DayRange;
  facts: readonly StoryFact[];
  zone: TimeZone;
}

/** One chart per company: stories per day over the period, with the business share. */
export function Timelines({ entities, timelines, range, facts, zone }: TimelinesProps) {
  const byId = new Map(timelines.map((t) => [t.entityId, t]));
  return (
    <section class="dash-section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <p class="muted">
        Stories per day over the last {dayCount(range)} days, by the day you first read them. Point at a day for its
        count; click it, or use the arrow keys and Enter, to list its stories.
      </p>
      <p class="legend">
        <span class="key key-business" aria-hidden="true" /> Business news
        <span class="key key-other" aria-hidden="true" /> Other news
      </p>
      <div class="timeline-grid">
        {entities.map((e) => {
          const line = byId.get(e.id);
          // A new period starts each chart afresh: its chosen day belonged to the old range.
          return line ? (
            <CompanyChart
              key={`${e.id}:${range.first}:${range.last}`}
              entity={e}
              line={line}
              range={range}
              facts={facts}
              zone={zone}
            />
          ) : null;
        })}
      </div>
    </section>
  );
}

interface CompanyChartProps {
  entity: TrackedEntity;
  line: CompanyTimeline;
  range: DayRange;
  facts: readonly StoryFact[];
  zone: TimeZone;
}

/** The chart's content in words, for everyone and for screen readers. */
export function describeTimeline(name: string, line: CompanyTimeline, range: DayRange): string {
  const days = dayCount(range);
  if (line.total === 0) return `${name}: no stories in the last ${days} days.`;
  const share = Math.round((line.business / line.total) * 100);
  const busiest = busiestDay(line);
  const peak = busiest ? ` Busiest day: ${dayLabel(range.first + busiest.index)}, ${storiesText(busiest.count)}.` : '';
  return `${name}: ${storiesText(line.total)} in the last ${days} days, ${line.business.toLocaleString()} of them business news (${share}%).${peak}`;
}

function CompanyChart({ entity, line, range, facts, zone }: CompanyChartProps) {
  const [selected, setSelected] = useState<number | null>(null);
  const captionId = `timeline-${entity.id}`;
  const day = selected === null ? null : range.first + selected;
  const listed = day === null ? [] : storiesOnDay(facts, entity.id, day, zone);
  return (
    <figure class="timeline card" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <span class="swatch" style={{ background: entity.color }} aria-hidden="true" />{' '}
        {describeTimeline(entity.name, line, range)}
      </figcaption>
      <DayBars
        label={`Day in ${entity.name}’s timeline`}
        range={range}
        perDay={line.perDay}
        businessPerDay={line.businessPerDay}
        selected={selected}
        onSelect={setSelected}
      />
      {day !== null && (
        <div class="day-stories">
          <div class="section-head">
            <h3>
              {entity.name} on {dayLabel(day)}: {storiesText(listed.length)}
            </h3>
            <button type="button" onClick={() => setSelected(null)}>
              Close
            </button>
          </div>
          <FactList facts={listed} label={`Stories about ${entity.name} on ${dayLabel(day)}`} />
        </div>
      )}
    </figure>
  );
}
