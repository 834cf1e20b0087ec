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

/**
 * The compared companies side by side: stories in the period and each one's share of them, then
 * the same week by week. The numbers are in the list itself; the sentence that sums them up is
 * the figure's description, for screen readers, so nothing is printed twice.
 */
export function ShareOfVoice({ entities, summary, comparing }: ShareOfVoiceProps) {
  const names = new Map(entities.map((e) => [e.id, e]));
  const shares = shareOfVoice(
    summary,
    entities.map((e) => e.id),
  );
  const top = Math.max(1, ...shares.map((s) => s.count));
  const quiet = shares.filter((s) => s.count === 0).map((s) => names.get(s.entityId)?.name);
  const days = dayCount(summary.range);
  const words = shares.every((s) => s.count === 0)
    ? `No stories about ${comparing} in the last ${days} days.`
    : `Share of voice among ${comparing} in the last ${days} days: ${shares
        .map((s) => `${names.get(s.entityId)?.name} ${percentText(s.share)} (${storiesText(s.count)})`)
        .join(', ')}.`;
  return (
    <section class="dash-section" aria-labelledby="voice-heading">
      <h2 id="voice-heading">Share of voice</h2>
      <figure class="card voice" aria-labelledby="voice-heading" aria-describedby="voice-words">
        <p id="voice-words" class="visually-hidden">
          {words}
        </p>
        <div>
          <ul class="hbars" aria-label="Share of voice">
            {shares
              .filter((s) => s.count > 0)
              .map((s) => {
                const entity = names.get(s.entityId);
                return (
                  <li key={s.entityId}>
                    <span class="hbar-name">
                      <span class="swatch" style={{ background: entity?.color }} aria-hidden="true" />
                      <span class="clamp-2" title={entity?.name}>
                        {entity?.name}
                      </span>
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
          {quiet.length > 0 && <p class="quiet muted small">No stories: {quiet.join(', ')}.</p>}
          <p class="muted small">A story that names two of these companies counts for each.</p>
        </div>
        <VoiceByWeek entities={entities} summary={summary} />
      </figure>
    </section>
  );
}
