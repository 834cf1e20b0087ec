import { useState } from 'preact/hooks';
import type { FeedClient } from '@/utils/feed-client';
import { feedSiteHost, siteHost } from '@/utils/feeds/watched';
import type { PageStatus } from '@/utils/stories';
import { Feedback } from './Feedback';
import { useAsync } from './useAsync';

export interface WatchSiteFeedProps {
  feeds: FeedClient;
  /** The page in the tab, as its content script reported it (with the feeds it advertises). */
  status: PageStatus;
}

/**
 * "Watch this site's news", offered on an article whose page advertises a feed, while no feed of
 * its site is watched. Nothing is fetched until it is pressed.
 */
export function WatchSiteFeed({ feeds, status }: WatchSiteFeedProps) {
  const watched = useAsync(() => feeds.list());
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const offered = status.isArticle ? (status.feeds ?? []) : [];
  const first = offered[0];
  if (!first || !watched.value) return null;
  const host = siteHost(status.url);
  const isWatched = watched.value.feeds.some(
    (f) => feedSiteHost(f) === host || offered.some((o) => o.url === f.url || o.url === f.movedFrom),
  );
  if (isWatched && !notice) return null;

  function watch() {
    if (!first) return;
    const access = feeds.requestAccess([first.url]);
    setNotice('Looking at the feed…');
    setError(null);
    access
      .then(async (given) => {
        if (!given) throw new Error(`${new URL(first.url).hostname} was not opened to News Tracker.`);
        const result = await feeds.watch(first.url);
        const name = result.kind === 'watching' ? (result.feed.title ?? first.title ?? host) : (first.title ?? host);
        setNotice(
          result.kind === 'watching'
            ? `Watching ${name}. Its stories about your companies will be listed here.`
            : `${name} is watched already.`,
        );
      })
      .catch((e: unknown) => {
        setNotice('');
        setError(e instanceof Error ? e.message : String(e));
      });
  }

  return (
    <div class="site-feed">
      {!notice && (
        <button type="button" onClick={watch}>
          Watch this site’s news
        </button>
      )}
      <Feedback notice={notice} error={error} />
    </div>
  );
}
