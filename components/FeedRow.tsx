import { feedSiteHost, feedStateWords, type WatchedFeed } from '@/utils/feeds/watched';
import { absoluteTime, relativeTime } from '@/utils/relative-time';

export interface FeedRowProps {
  feed: WatchedFeed;
  now: number;
  busy: boolean;
  onPause(paused: boolean): void;
  onRemove(): void;
}

function stateClass(feed: WatchedFeed): string {
  if (feed.paused) return 'feed-state paused';
  if (feed.status === 'failing' || feed.status === 'stopped') return 'feed-state trouble';
  return feed.status === 'new' ? 'feed-state' : 'feed-state ok';
}

/** One watched feed: its own title, its site, when it was last checked, what it found, its state in words. */
export function FeedRow({ feed, now, busy, onPause, onRemove }: FeedRowProps) {
  // A feed the server stopped is resumed like a paused one: checked again, as new.
  const resumable = feed.paused || feed.status === 'stopped';
  const title = feed.title ?? feed.url;
  const site = feedSiteHost(feed);
  const matched = `${feed.matched.toLocaleString('en')} ${feed.matched === 1 ? 'story' : 'stories'} matched`;
  return (
    <li class="feed">
      <div class="feed-text">
        <span class="name" title={feed.url}>
          {title}
        </span>
        <span class="meta">
          {site && <span>{site}</span>}
          <span>
            {feed.lastCheckedAt === null ? (
              'Never checked'
            ) : (
              <>
                Checked{' '}
                <time dateTime={new Date(feed.lastCheckedAt).toISOString()} title={absoluteTime(feed.lastCheckedAt)}>
                  {relativeTime(feed.lastCheckedAt, now)}
                </time>
              </>
            )}
          </span>
          <span>{matched}</span>
        </span>
        <span class={stateClass(feed)}>{feedStateWords(feed)}</span>
      </div>
      <div class="feed-buttons">
        <button type="button" disabled={busy} onClick={() => onPause(!resumable)}>
          {resumable ? 'Resume' : 'Pause'}
        </button>
        <button type="button" class="destructive" disabled={busy} onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}
