import type { DashboardSummary } from '@/utils/dashboard/aggregate';
import type { TrackedEntity } from '@/utils/entities';
import { storiesText } from './words';

export interface TopPublishersProps {
  entities: readonly TrackedEntity[];
  summary: DashboardSummary;
}

/** Who covers each company most in the period. */
export function TopPublishers({ entities, summary }: TopPublishersProps) {
  return (
    <section class="dash-section" aria-labelledby="publishers-heading">
      <h2 id="publishers-heading">Top publishers</h2>
      <div class="publisher-grid">
        {entities.map((e) => {
          const top = summary.publishers.get(e.id) ?? [];
          const most = Math.max(1, ...top.map((p) => p.count));
          return (
            <div key={e.id} class="card">
              <h3>
                <span class="swatch" style={{ background: e.color }} aria-hidden="true" /> {e.name}
              </h3>
              {top.length === 0 ? (
                <p class="empty">No stories in this period.</p>
              ) : (
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
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
