import { useEffect, useRef } from 'preact/hooks';
import type { TrackedEntity } from '@/utils/entities';
import type { StoryView } from '@/utils/stories';
import { StoryItem, type StoryItemProps } from './StoryItem';

export interface StoryListProps extends Omit<StoryItemProps, 'story' | 'entities'> {
  stories: readonly StoryView[];
  entities: readonly TrackedEntity[];
  hasMore: boolean;
  loading: boolean;
  onLoadMore(): void;
}

/**
 * The matched stories, newest first, one page at a time: the next page loads when the end of
 * the list scrolls into view, or from the "Show more" button for keyboard users.
 */
export function StoryList({ stories, entities, hasMore, loading, onLoadMore, ...actions }: StoryListProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  const byId = new Map(entities.map((e) => [e.id, e]));

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onLoadMore();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, onLoadMore]);

  return (
    <>
      <ul class="stories" aria-label="Matched stories" aria-busy={loading}>
        {stories.map((story) => (
          <StoryItem key={story.url} story={story} entities={byId} {...actions} />
        ))}
      </ul>
      {hasMore && (
        <div ref={sentinel} class="more">
          <button type="button" onClick={onLoadMore} disabled={loading}>
            {loading ? 'Loading…' : 'Show more'}
          </button>
        </div>
      )}
    </>
  );
}
