import { type DashboardSummary, weeklyCounts } from '@/utils/dashboard/aggregate';
import { binLabel } from '@/utils/dashboard/bins';
import type { TrackedEntity } from '@/utils/entities';
import { Axis } from './DayBars';
import { percentText } from './words';

export interface VoiceByWeekProps {
  entities: readonly TrackedEntity[];
  summary: DashboardSummary;
}

const weekLabel = (first: number, last: number) => binLabel({ first, last });

/**
 * Share of voice week by week: one column per week, each company's part of it its share of that
 * week's stories. The same numbers are in a table below, for reading exactly and for screen readers.
 */
export function VoiceByWeek({ entities, summary }: VoiceByWeekProps) {
  const weeks = weeklyCounts(
    summary,
    entities.map((e) => e.id),
  );
  const columns = weeks.map((week, i) => {
    const total = week.counts.reduce((a, b) => a + b, 0);
    let top = 0;
    const parts = week.counts.map((count, c) => {
      const height = total === 0 ? 0 : (count / total) * 100;
      const part = { y: top, height, color: entities[c]?.color ?? 'transparent' };
      top += height;
      return part;
    });
    const words = entities.map((e, c) => `${e.name} ${week.counts[c]}`).join(', ');
    return (
      <g key={week.first}>
        <title>{`${weekLabel(week.first, week.last)}: ${total === 0 ? 'no stories' : words}`}</title>
        {/* A week without stories is a low stub on the baseline: a full grey column reads as data. */}
        {total === 0 && <rect class="week-empty" x={i * 10 + 1} y={96} width={8} height={4} />}
        {parts.map(
          (p, c) =>
            p.height > 0 && (
              <rect key={c} x={i * 10 + 1} y={p.y} width={8} height={p.height} fill={p.color} class="week-part" />
            ),
        )}
      </g>
    );
  });
  return (
    <div class="voice-weeks">
      <p class="muted small">
        Week by week: each column is one week (the last ends today), split by each company’s share of its stories.
      </p>
      <svg viewBox={`0 0 ${weeks.length * 10} 100`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {columns}
      </svg>
      <Axis bins={weeks} />
      <details class="week-table">
        <summary>Week by week as a table</summary>
        <table>
          <caption class="visually-hidden">Stories per company, week by week</caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              {entities.map((e) => (
                <th key={e.id} scope="col">
                  {e.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => {
              const total = week.counts.reduce((a, b) => a + b, 0);
              return (
                <tr key={week.first}>
                  <th scope="row">{weekLabel(week.first, week.last)}</th>
                  {week.counts.map((count, c) => (
                    <td key={entities[c]?.id}>
                      {count}
                      {total > 0 && <span class="muted"> ({percentText(count / total)})</span>}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </div>
  );
}
