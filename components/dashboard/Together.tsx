import { useCallback, useMemo, useState } from 'preact/hooks';
import { type CompanyPair, type DashboardSummary, storiesOfPair } from '@/utils/dashboard/aggregate';
import { listOnce } from '@/utils/dashboard/copies';
import type { StoryFact } from '@/utils/db/facts';
import type { TrackedEntity } from '@/utils/entities';
import { FactList } from './FactList';
import { useFactsOf } from './useFactsOf';
import { storiesText } from './words';

export interface TogetherProps {
  entities: readonly TrackedEntity[];
  summary: DashboardSummary;
  /** The facts of the period's stories, read on first need. */
  periodFacts: () => Promise<StoryFact[]>;
}

/** Pairs of tracked companies named in the same story, most often first; each opens to its stories. */
export function Together({ entities, summary, periodFacts }: TogetherProps) {
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
                <PairStories title={title} pair={pair} periodFacts={periodFacts} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

interface PairStoriesProps {
  title: string;
  pair: CompanyPair;
  periodFacts: () => Promise<StoryFact[]>;
}

/** Stories read and listed only once opened: a year can hold thousands per pair. */
function PairStories({ title, pair, periodFacts }: PairStoriesProps) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(LIST_STEP);
  const [first, second] = pair.ids;
  const load = useCallback(
    async () => storiesOfPair(await periodFacts(), [first, second]),
    [periodFacts, first, second],
  );
  const { facts, error } = useFactsOf(open ? 'open' : null, load);
  const stories = useMemo(() => facts && listOnce(facts), [facts]);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {title}: {storiesText(pair.count)}
      </summary>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {open && !stories && !error && <p class="muted">Reading the stories…</p>}
      {open && stories && (
        <>
          <FactList stories={stories.slice(0, shown)} label={`Stories naming ${title}`} />
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
