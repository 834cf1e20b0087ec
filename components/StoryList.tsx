import type { StoryRecord } from '@/utils/stories';

export interface StoryListProps {
  stories: readonly StoryRecord[];
}

/** The matched stories, newest first. Page-derived strings are rendered as text, never HTML. */
export function StoryList({ stories }: StoryListProps) {
  if (stories.length === 0) {
    return (
      <p class="empty">
        No stories yet. Add the companies you follow in the options, then read a news article that names one.
      </p>
    );
  }
  return (
    <ul class="stories" aria-label="Matched stories">
      {stories.map((story) => (
        <li key={story.url} class="story">
          <a href={story.url} target="_blank" rel="noreferrer">
            {story.title}
          </a>
          <div class="meta">
            {story.publisher && <span>{story.publisher}</span>}
            <time dateTime={new Date(story.lastSeen).toISOString()}>{new Date(story.lastSeen).toLocaleString()}</time>
          </div>
          {story.snippets[0] && <p class="snippet">{story.snippets[0]}</p>}
        </li>
      ))}
    </ul>
  );
}
