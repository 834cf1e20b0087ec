import { describe, expect, it } from 'vitest';
import { WatchSiteFeed } from '@/components/WatchSiteFeed';
import { newWatchedFeed } from '@/utils/feeds/watched';
import type { PageStatus } from '@/utils/stories';
import { memoryFeedClient } from '../../support/memory-feed-client';
import { fireEvent, render, screen, waitFor } from './testing';

const FEED = 'https://feeds.quayside.example/rss';
const article: PageStatus = {
  url: 'https://www.quayside.example/business/studio',
  isArticle: true,
  isBusiness: true,
  mentions: [],
  feeds: [{ url: FEED, title: 'Quayside Courier' }],
};

describe('WatchSiteFeed', () => {
  it('offers the advertised feed, asks for access when pressed, and watches it', async () => {
    const client = memoryFeedClient([], { found: { [FEED]: { title: 'Quayside Courier - All' } } });
    render(<WatchSiteFeed feeds={client} status={article} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Watch this site’s news' }));
    await screen.findByText('Watching Quayside Courier - All. Its stories about your companies will be listed here.');
    expect(client.accessAsked).toEqual([FEED]);
    expect(client.feeds.map((f) => f.url)).toEqual([FEED]);
    expect(screen.queryByRole('button', { name: 'Watch this site’s news' })).toBeNull();
  });

  it('is not offered where nothing is to be had: no feed, not an article, or the site watched already', async () => {
    const site = newWatchedFeed(
      'f1',
      { url: 'https://other.example/rss', title: null, siteUrl: 'https://quayside.example/' },
      0,
    );
    const cases: [PageStatus, ReturnType<typeof memoryFeedClient>][] = [
      [{ ...article, feeds: undefined }, memoryFeedClient()],
      [{ ...article, isArticle: false }, memoryFeedClient()],
      [article, memoryFeedClient([site])],
    ];
    for (const [status, client] of cases) {
      const { container, unmount } = render(<WatchSiteFeed feeds={client} status={status} />);
      await waitFor(async () => expect(await client.list()).toBeTruthy());
      expect(container.textContent).toBe('');
      unmount();
    }
    // The control: the same page with the site not watched gets the offer.
    render(<WatchSiteFeed feeds={memoryFeedClient()} status={article} />);
    expect(await screen.findByRole('button', { name: 'Watch this site’s news' })).toBeTruthy();
  });

  it('says why when the browser does not open the site, and watches nothing', async () => {
    const client = memoryFeedClient([], { access: false, found: { [FEED]: { title: 'Q' } } });
    render(<WatchSiteFeed feeds={client} status={article} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Watch this site’s news' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('feeds.quayside.example was not opened to News Tracker.'),
    );
    expect(client.feeds).toEqual([]);
  });
});
