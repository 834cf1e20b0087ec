import { useState } from 'preact/hooks';
import type { DashboardSummary } from '@/utils/dashboard/aggregate';
import type { StoryFact } from '@/utils/db/facts';
import type { TrackedEntity } from '@/utils/entities';
import { FactList } from './FactList';
import { storiesText } from './words';

export interface TogetherProps {
  entities: readonly TrackedEntity[];
  summary: DashboardSummary;
}

/** Pairs of tracked companies named in the same story, most often first; each opens to its stories. */
export function Together({ entities, summary }: TogetherProps) {
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const pairs = summary.pairs.filter((p) => names.has(p.ids[0]) && names.has(p.ids[1]));
  return (
    <section class="dash-section" aria-labelledby="together-heading">
      <h2 id="together-heading">Mentioned together</h2>
      {pairs.length === 0 ? (
        <p class="empty">No story in this period names two of these companies.</p>
      ) : (
        <ul class="pairs">
          {pairs.map((pair) => {
            const title = `${names.get(pair.ids[0])} and ${names.get(pair.ids[1])}`;
            return (
              <li key={pair.ids.join('\n')}>
                <PairStories title={title} stories={pair.stories} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Stories listed only once opened: a year can hold thousands per pair. */
function PairStories({ title, stories }: { title: string; stories: readonly StoryFact[] }) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(LIST_STEP);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {title}: {storiesText(stories.length)}
      </summary>
      {open && (
        <>
          <FactList facts={stories.slice(0, shown)} label={`Stories naming ${title}`} />
          {stories.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + LIST_STEP)}>
              Show more ({stories.length - shown} left)
            </button>
          )}
        </>
      )}
    </details>
  );
}

const LIST_STEP = 50;
