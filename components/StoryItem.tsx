import type { ComponentChildren } from 'preact';
import type { TrackedEntity } from '@/utils/entities';
import { storyDateText } from '@/utils/relative-time';
import type { StoryView } from '@/utils/stories';
import { AlsoAt } from './AlsoAt';
import { DeleteIcon, NotNewsIcon, ReadIcon, StarIcon, UnreadIcon } from './icons';

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

/**
 * One matched story in a few lines: the headline (two lines at most), then publisher, date and
 * companies on one line, then one line of the text around a mention. The actions are icon
 * buttons named for screen readers and explained on hover, in one row that takes another
 * action as easily. Everything from the page (title, publisher, snippet) is rendered as text.
 */
export function StoryItem(props: StoryItemProps) {
  const { story, entities, now, onOpen, onToggleRead, onToggleStar, onDelete, onNotNews } = props;
  const date = storyDateText(story, now);
  const companies = story.mentions.flatMap((m) => entities.get(m.entityId) ?? []);
  return (
    <li class={story.read ? 'story' : 'story unread'}>
      <span class="unread-dot" aria-hidden="true" />
      <a class="story-title" href={story.url} target="_blank" rel="noreferrer" onClick={() => onOpen(story)}>
        {story.title}
      </a>
      <div class="meta">
        {!story.read && <span class="visually-hidden">Unread.</span>}
        {story.starred && (
          <span class="starred-mark" title="Starred">
            <StarIcon filled />
            <span class="visually-hidden">Starred.</span>
          </span>
        )}
        {story.publisher && <span class="publisher">{story.publisher}</span>}
        {story.publisher && <Dot />}
        <time dateTime={new Date(date.at).toISOString()} title={date.title}>
          {date.text}
        </time>
        {companies.length > 0 && <Dot />}
        {companies.length > 0 && (
          <ul class="companies" aria-label="Companies mentioned" title={companies.map((e) => e.name).join(', ')}>
            {companies.map((e) => (
              <li key={e.id}>
                <span class="swatch" style={{ background: e.color }} aria-hidden="true" />
                <span class="company-name">{e.name}</span>
              </li>
            ))}
          </ul>
        )}
        {story.isBusiness && <span class="tag tag-business">Business</span>}
        {story.feedId !== undefined && (
          <span class="tag tag-feed" title="Found by a news feed you watch">
            Feed
          </span>
        )}
      </div>
      {story.snippets[0] && <p class="snippet">{story.snippets[0]}</p>}
      <AlsoAt copies={story.alsoAt} />
      <div class="story-actions">
        <RowAction
          name="Star"
          tip={story.starred ? 'Unstar' : 'Star'}
          pressed={story.starred}
          onClick={() => onToggleStar(story)}
        >
          <StarIcon filled={story.starred} />
        </RowAction>
        <RowAction name={story.read ? 'Mark unread' : 'Mark read'} onClick={() => onToggleRead(story)}>
          {story.read ? <UnreadIcon /> : <ReadIcon />}
        </RowAction>
        {onNotNews && (
          <RowAction
            name="Not a news story"
            tip="Not a news story: remove it, never record this address again"
            onClick={() => onNotNews(story)}
          >
            <NotNewsIcon />
          </RowAction>
        )}
        <RowAction name="Delete" tip="Delete this story" onClick={() => onDelete(story)}>
          <DeleteIcon />
        </RowAction>
      </div>
    </li>
  );
}

const Dot = () => (
  <span class="dot" aria-hidden="true">
    ·
  </span>
);

interface RowActionProps {
  /** The accessible name. */
  name: string;
  /** The tooltip, when it says more than the name. */
  tip?: string;
  pressed?: boolean;
  onClick(): void;
  children: ComponentChildren;
}

/** One action on a story row: an icon button with its name for screen readers and a tooltip. */
export function RowAction({ name, tip = name, pressed, onClick, children }: RowActionProps) {
  return (
    <button type="button" class="icon-button" aria-label={name} title={tip} aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}
