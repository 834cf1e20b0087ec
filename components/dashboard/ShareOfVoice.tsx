import { type DashboardSummary, shareOfVoice } from '@/utils/dashboard/aggregate';
import { dayCount } from '@/utils/dashboard/days';
import type { TrackedEntity } from '@/utils/entities';
import { VoiceByWeek } from './VoiceByWeek';
import { percentText, storiesText } from './words';

export interface ShareOfVoiceProps {
  entities: readonly TrackedEntity[];
  summary: DashboardSummary;
  /** What is compared, e.g. "all tracked companies" or "the Clients watchlist". */
  comparing: string;
}

/** The compared companies side by side: stories in the period and each one's share of them. */
export function ShareOfVoice({ entities, summary, comparing }: ShareOfVoiceProps) {
  const names = new Map(entities.map((e) => [e.id, e]));
  const shares = shareOfVoice(
    summary,
    entities.map((e) => e.id),
  );
  const top = Math.max(1, ...shares.map((s) => s.count));
  const days = dayCount(summary.range);
  const words = shares.every((s) => s.count === 0)
    ? `No stories about ${comparing} in the last ${days} days.`
    : `Share of voice among ${comparing} in the last ${days} days: ${shares
        .map((s) => `${names.get(s.entityId)?.name} ${percentText(s.share)} (${storiesText(s.count)})`)
        .join(', ')}.`;
  return (
    <section class="dash-section" aria-labelledby="voice-heading">
      <h2 id="voice-heading">Share of voice</h2>
      <figure class="card">
        <figcaption class="muted">{words}</figcaption>
        <ul class="hbars" aria-label="Share of voice">
          {shares.map((s) => {
            const entity = names.get(s.entityId);
            return (
              <li key={s.entityId}>
                <span class="hbar-name">
                  <span class="swatch" style={{ background: entity?.color }} aria-hidden="true" />
                  {entity?.name}
                </span>
                <span class="hbar-track" aria-hidden="true">
                  <span class="hbar" style={{ width: `${(s.count / top) * 100}%` }} />
                </span>
                <span class="hbar-value">
                  {percentText(s.share)} · {storiesText(s.count)}
                </span>
              </li>
            );
          })}
        </ul>
        <p class="muted small">A story that names two of these companies counts for each.</p>
        <VoiceByWeek entities={entities} summary={summary} />
      </figure>
    </section>
  );
}
