import { AlsoAt } from '@/components/AlsoAt';
import type { ListedStory } from '@/utils/dashboard/copies';

export interface FactListProps {
  stories: readonly ListedStory[];
  label: string;
  /** Shown when the list is empty. */
  empty?: string;
}

/** Stories as links with their publisher, copies "also at"; every string from a page is rendered as text. */
export function FactList({ stories, label, empty = 'No stories.' }: FactListProps) {
  if (stories.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ul class="fact-list" aria-label={label}>
      {stories.map(({ fact, copies }) => (
        <li key={fact.url}>
          <a href={fact.url} target="_blank" rel="noreferrer">
            {fact.title}
          </a>
          <span class="meta">
            {fact.publisher && <span class="publisher">{fact.publisher}</span>}
            {fact.business && <span class="tag tag-business">Business</span>}
          </span>
          <AlsoAt copies={copies} />
        </li>
      ))}
    </ul>
  );
}
