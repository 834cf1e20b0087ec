import type { DashboardSummary, PublisherCount } from '@/utils/dashboard/aggregate';
import type { TrackedEntity } from '@/utils/entities';
import { storiesText } from './words';

export interface TopPublishersProps {
  entities: readonly TrackedEntity[];
  summary: DashboardSummary;
}

/**
 * Who covers each company most in the period. Every bar is on one scale, the largest count of
 * all, so cards compare with each other; companies without stories are named on one line.
 */
export function TopPublishers({ entities, summary }: TopPublishersProps) {
  const covered = entities.filter((e) => (summary.publishers.get(e.id) ?? []).length > 0);
  const quiet = entities.filter((e) => (summary.publishers.get(e.id) ?? []).length === 0);
  const most = Math.max(1, ...covered.flatMap((e) => (summary.publishers.get(e.id) ?? []).map((p) => p.count)));
  return (
    <section class="dash-section" aria-labelledby="publishers-heading">
      <h2 id="publishers-heading">Top publishers</h2>
      <div class="publisher-grid">
        {covered.map((e) => {
          const top = summary.publishers.get(e.id) as PublisherCount[];
          return (
            <div key={e.id} class="card">
              <h3 class="card-title">
                <span class="swatch" style={{ background: e.color }} aria-hidden="true" />{' '}
                <span class="clamp-2" title={e.name}>
                  {e.name}
                </span>
              </h3>
              <ol class="hbars" aria-label={`Top publishers for ${e.name}`}>
                {top.map((p) => (
                  <li key={p.publisher}>
                    <span class="hbar-name">{p.publisher}</span>
                    <span class="hbar-track" aria-hidden="true">
                      <span class="hbar" style={{ width: `${(p.count / most) * 100}%` }} />
                    </span>
                    <span class="hbar-value">{storiesText(p.count)}</span>
                  </li>
                ))}
              </ol>
            </div>
          );
        })}
      </div>
      {quiet.length > 0 && <p class="quiet muted">No stories in this period: {quiet.map((e) => e.name).join(', ')}.</p>}
    </section>
  );
}
