import type { StoryFact } from '@/utils/db/facts';

export interface FactListProps {
  facts: readonly StoryFact[];
  label: string;
  /** Shown when the list is empty. */
  empty?: string;
}

/** Stories as links with their publisher; every string from a page is rendered as text. */
export function FactList({ facts, label, empty = 'No stories.' }: FactListProps) {
  if (facts.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ul class="fact-list" aria-label={label}>
      {facts.map((f) => (
        <li key={f.url}>
          <a href={f.url} target="_blank" rel="noreferrer">
            {f.title}
          </a>
          <span class="meta">
            {f.publisher && <span class="publisher">{f.publisher}</span>}
            {f.business && <span class="tag tag-business">Business</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
