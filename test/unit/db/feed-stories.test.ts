import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveFeedCheck } from '@/utils/db/feed-stories';
import { listFeeds, makeFeedsDue, removeFeed, setFeedPaused, watchFeeds } from '@/utils/db/feeds';
import { markNotNews } from '@/utils/db/not-news';
import { DB_NAME, type NewsDb, openNewsDb } from '@/utils/db/schema';
import { saveStory } from '@/utils/db/stories';
import { listStories } from '@/utils/db/story-query';
import { copySignature } from '@/utils/feeds/copies';
import type { FeedMatch } from '@/utils/feeds/matching';
import type { WatchedFeed } from '@/utils/feeds/watched';
import { report } from './story-fixtures';

const NOW = Date.UTC(2026, 2, 2, 9);
const HOUR = 3600_000;
let db: NewsDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openNewsDb(DB_NAME);
});

/** A matched item as matching.ts makes it: a report with a lead, its signature, when it happened. */
function match(url: string, title: string, lead: string, seenAt = NOW - HOUR): FeedMatch {
  return {
    report: report({ url, visitedUrl: url, title, snippets: [lead], byline: null, section: null, lang: null }),
    signature: copySignature(title, lead),
    seenAt,
  };
}

async function watched(url = 'https://wire.example/rss'): Promise<WatchedFeed> {
  const { added } = await watchFeeds(db, [{ url, title: 'Wire', siteUrl: null }], NOW - 2 * HOUR);
  return added[0] as WatchedFeed;
}

const WIRE_LEAD =
  'Xiaomi said on Monday it would open a second electric car plant near Beijing next year, doubling its output as orders outrun supply, the company told reporters.';

describe('saveFeedCheck', () => {
  it('saves the feed’s state and its matched items as unread stories from the feed', async () => {
    const feed = await watched();
    const added = await saveFeedCheck(
      db,
      { ...feed, status: 'working', title: 'Wire' },
      [match('https://wire.example/a', 'Xiaomi opens a second car plant', WIRE_LEAD)],
      NOW,
    );
    expect(added.map((s) => [s.url, s.read, s.feedId, s.firstSeen])).toEqual([
      ['https://wire.example/a', false, feed.id, NOW - HOUR],
    ]);
    expect((await listFeeds(db))[0]).toMatchObject({ status: 'working', matched: 1 });
    const fromFeeds = await listStories(db, { limit: 10, fromFeeds: true });
    expect(fromFeeds.stories.map((s) => s.url)).toEqual(['https://wire.example/a']);
    expect(await db.countFromIndex('stories', 'by-feed-unread')).toBe(1);
    // The page stories are not "from feeds".
    await saveStory(db, report({ url: 'https://news.example/b', title: 'A page story' }), NOW);
    expect((await listStories(db, { limit: 10, fromFeeds: false })).stories.map((s) => s.url)).toEqual([
      'https://news.example/b',
    ]);
  });

  it('keeps an address marked "Not a news story" out, and stores the item beside it', async () => {
    const feed = await watched();
    const items = [
      match('https://wire.example/a', 'Xiaomi opens a second car plant', WIRE_LEAD),
      match('https://wire.example/b', 'Xiaomi widens its car recall', `${WIRE_LEAD} A recall follows.`),
    ];
    expect(await saveFeedCheck(db, feed, items, NOW)).toHaveLength(2);
    await markNotNews(db, 'https://wire.example/a', NOW + HOUR);
    expect(await saveFeedCheck(db, feed, items, NOW + 2 * HOUR)).toEqual([]);
    expect((await listStories(db, { limit: 10 })).stories.map((s) => s.url)).toEqual(['https://wire.example/b']);
  });

  it('never stores an item twice: a repeated check, another feed, or a page read first', async () => {
    const feed = await watched();
    const other = await watched('https://other.example/rss');
    await saveStory(db, report({ url: 'https://news.example/page', title: 'Read on its page first' }), NOW - HOUR / 2);
    const items = [match('https://wire.example/a', 'Xiaomi opens a second car plant', WIRE_LEAD)];
    expect(await saveFeedCheck(db, feed, items, NOW)).toHaveLength(1);
    expect(await saveFeedCheck(db, feed, items, NOW + HOUR)).toEqual([]);
    expect(await saveFeedCheck(db, other, items, NOW + HOUR)).toEqual([]);
    const page = [match('https://news.example/page', 'Read on its page first', 'Something else entirely said here.')];
    expect(await saveFeedCheck(db, feed, page, NOW + HOUR)).toEqual([]);
    const stored = await listStories(db, { limit: 10 });
    expect(stored.stories.map((s) => [s.url, s.feedId])).toEqual([
      ['https://news.example/page', undefined],
      ['https://wire.example/a', feed.id],
    ]);
    expect((await listFeeds(db)).map((f) => [f.url, f.matched])).toEqual([
      [other.url, 0],
      [feed.url, 1],
    ]);
  });

  it('makes the story read, with the page’s fields, when its page is opened later', async () => {
    const feed = await watched();
    await saveFeedCheck(db, feed, [match('https://wire.example/a', 'Xiaomi opens a plant', WIRE_LEAD)], NOW);
    const page = report({
      url: 'https://wire.example/a',
      title: 'Xiaomi opens a second electric car plant near Beijing',
      byline: 'Ines Park',
      section: 'Business',
      snippets: ['…the plant will build 300,000 cars a year…'],
    });
    const { isNew } = await saveStory(db, page, NOW + HOUR);
    expect(isNew).toBe(false);
    const [story] = (await listStories(db, { limit: 10 })).stories;
    expect(story).toMatchObject({
      url: 'https://wire.example/a',
      read: true,
      feedId: feed.id,
      title: page.title,
      byline: 'Ines Park',
      snippets: page.snippets,
      firstSeen: NOW - HOUR,
    });
    expect(await db.countFromIndex('stories', 'by-feed-unread')).toBe(0);
  });

  it('lists copies from other publishers once, with "also at"; a different report stays apart', async () => {
    const feed = await watched();
    await saveFeedCheck(db, feed, [match('https://one.example/a', 'Xiaomi opens second car plant', WIRE_LEAD)], NOW);
    const edited = WIRE_LEAD.replace('said on Monday', 'said on Monday morning');
    await saveFeedCheck(
      db,
      feed,
      [
        match('https://two.example/b', 'Xiaomi to open a second EV plant near Beijing', edited, NOW - HOUR / 2),
        match(
          'https://three.example/c',
          'Xiaomi shares fall after plant news',
          'Shares of the phone maker dropped 3% in Hong Kong as investors weighed the cost of expanding car production.',
          NOW - HOUR / 4,
        ),
      ],
      NOW,
    );
    const listed = (await listStories(db, { limit: 10 })).stories;
    expect(listed.map((s) => [s.url, s.alsoAt.map((a) => a.url)])).toEqual([
      ['https://three.example/c', []],
      ['https://two.example/b', ['https://one.example/a']],
    ]);
  });

  it('saves nothing for a feed removed during its check, and keeps a feed paused meanwhile paused', async () => {
    const feed = await watched();
    const other = await watched('https://other.example/rss');
    await removeFeed(db, feed.id);
    expect(
      await saveFeedCheck(db, feed, [match('https://wire.example/a', 'Xiaomi opens a plant', WIRE_LEAD)], NOW),
    ).toEqual([]);
    expect(await db.count('stories')).toBe(0);
    await setFeedPaused(db, other.id, true, NOW);
    await saveFeedCheck(db, { ...other, status: 'working' }, [], NOW);
    expect((await listFeeds(db))[0]).toMatchObject({ id: other.id, paused: true, status: 'working' });
  });
});

describe('the watched feeds', () => {
  it('watches each address once, including one a feed moved from', async () => {
    const feed = await watched();
    await db.put('feeds', { ...feed, url: 'https://wire.example/new-rss', movedFrom: feed.url });
    const again = await watchFeeds(db, [{ url: feed.url, title: null, siteUrl: null }], NOW);
    expect(again).toEqual({ added: [], already: [feed.url] });
    expect(await listFeeds(db)).toHaveLength(1);
  });

  it('resumes a feed the server stopped as new, and "check now" skips paused and stopped feeds', async () => {
    const a = await watched('https://a.example/rss');
    const b = await watched('https://b.example/rss');
    const c = await watched('https://c.example/rss');
    await db.put('feeds', { ...a, status: 'stopped', nextCheckAt: null, problem: 'gone (410)' });
    await db.put('feeds', { ...b, nextCheckAt: NOW + HOUR });
    await setFeedPaused(db, c.id, true, NOW);
    expect(await makeFeedsDue(db, NOW)).toBe(1);
    expect((await listFeeds(db)).map((f) => [f.url, f.nextCheckAt])).toEqual([
      [a.url, null],
      [b.url, NOW],
      [c.url, NOW - 2 * HOUR],
    ]);
    const resumed = await setFeedPaused(db, a.id, false, NOW);
    expect(resumed).toMatchObject({ status: 'new', problem: null, nextCheckAt: NOW, paused: false });
  });
});
