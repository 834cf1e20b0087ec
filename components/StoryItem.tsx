import type { TrackedEntity } from '@/utils/entities';
import { absoluteTime, relativeTime, storyTime } from '@/utils/relative-time';
import type { StoryView } from '@/utils/stories';

export interface StoryItemProps {
  story: StoryView;
  entities: ReadonlyMap<string, TrackedEntity>;
  now: number;
  onOpen(story: StoryView): void;
  onToggleRead(story: StoryView): void;
  onToggleStar(story: StoryView): void;
  onDelete(story: StoryView): void;
  /** "Not a news story": deletes it and never records its address again. */
  onNotNews?(story: StoryView): void;
}

/** One matched story. Everything from the page (title, publisher, snippet) is rendered as text. */
export function StoryItem(props: StoryItemProps) {
  const { story, entities, now, onOpen, onToggleRead, onToggleStar, onDelete, onNotNews } = props;
  const when = storyTime(story);
  const companies = story.mentions.flatMap((m) => entities.get(m.entityId) ?? []);
  return (
    <li class={story.read ? 'story' : 'story unread'}>
      <div class="story-head">
        {!story.read && <span class="unread-dot" title="Unread" aria-hidden="true" />}
        <a href={story.url} target="_blank" rel="noreferrer" onClick={() => onOpen(story)}>
          {story.title}
        </a>
      </div>
      <div class="meta">
        {story.publisher && <span class="publisher">{story.publisher}</span>}
        <time dateTime={new Date(when).toISOString()} title={absoluteTime(when)}>
          {relativeTime(when, now)}
        </time>
        {story.isBusiness && <span class="tag tag-business">Business</span>}
        {!story.read && <span class="visually-hidden">Unread</span>}
      </div>
      {companies.length > 0 && (
        <ul class="chips" aria-label="Companies mentioned">
          {companies.map((e) => (
            <li key={e.id} class="chip">
              <span class="swatch" style={{ background: e.color }} aria-hidden="true" />
              {e.name}
            </li>
          ))}
        </ul>
      )}
      {story.snippets[0] && <p class="snippet">{story.snippets[0]}</p>}
      {story.alsoAt.length > 0 && (
        <p class="also-at">
          Also at{' '}
          {story.alsoAt.map((copy, i) => (
            <span key={copy.url}>
              {i > 0 && ', '}
              <a href={copy.url} target="_blank" rel="noreferrer">
                {copy.publisher ?? new URL(copy.url).hostname}
              </a>
            </span>
          ))}
        </p>
      )}
      <div class="story-actions">
        <button type="button" aria-pressed={story.starred} onClick={() => onToggleStar(story)}>
          <span aria-hidden="true">{story.starred ? '★' : '☆'}</span> Star
        </button>
        <button type="button" onClick={() => onToggleRead(story)}>
          {story.read ? 'Mark unread' : 'Mark read'}
        </button>
        {onNotNews && (
          <button type="button" onClick={() => onNotNews(story)}>
            Not a news story
          </button>
        )}
        <button type="button" onClick={() => onDelete(story)}>
          Delete
        </button>
      </div>
    </li>
  );
}
