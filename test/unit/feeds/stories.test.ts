import { describe, expect, it } from 'vitest';
import type { FeedItem, ParsedFeed } from '@/utils/feeds/feed';
import { parseFeedText } from '@/utils/feeds/parse';
import { MAX_ITEMS_PER_FEED, MAX_TITLE_CHARS, storiesFromFeed } from '@/utils/feeds/stories';

const FETCHED = Date.UTC(2025, 5, 3, 12);
const HOUR = 3600_000;

function item(n: number, extra: Partial<FeedItem> = {}): FeedItem {
  return {
    guid: `g${n}`,
    title: `Story ${n}`,
    link: `https://news.example/${n}`,
    published: FETCHED - n * HOUR,
    summary: `Lead ${n}.`,
    content: '',
    author: null,
    ...extra,
  };
}

function feed(items: FeedItem[]): ParsedFeed {
  return { format: 'rss', title: 'Wire', siteUrl: null, ttlMinutes: null, items };
}

describe('storiesFromFeed', () => {
  it('makes a story of an item, with its canonical link and the feed as publisher', () => {
    const link = 'https://news.example/a?id=7&utm_source=rss&utm_medium=feed&fbclid=x#top';
    const { stories } = storiesFromFeed(feed([item(1, { link, author: 'Ann' })]), FETCHED);
    expect(stories).toEqual([
      {
        url: 'https://news.example/a?id=7',
        guid: 'g1',
        title: 'Story 1',
        lead: 'Lead 1.',
        text: 'Story 1\nLead 1.',
        publishedTime: new Date(FETCHED - HOUR).toISOString(),
        author: 'Ann',
        publisher: 'Wire',
      },
    ]);
  });

  it('refuses items whose links are javascript: or data:, and keeps their http neighbours', () => {
    const parsed = parseFeedText(
      `<rss version="2.0"><channel><title>W</title>
        <item><title>a</title><link>javascript:alert(document.cookie)</link></item>
        <item><title>b</title><link>data:text/html;base64,PHNjcmlwdD4=</link></item>
        <item><title>c</title><link>https://news.example/c</link></item></channel></rss>`,
      'https://news.example/feed',
    );
    const { stories, dropped } = storiesFromFeed(parsed, FETCHED);
    expect(stories.map((s) => s.url)).toEqual(['https://news.example/c']);
    expect(dropped.noLink).toBe(2);
  });

  it('cuts a 100,000-character title at a word, and keeps a short one whole', () => {
    const long = 'Xiaomi '.repeat(100_000 / 7);
    const { stories } = storiesFromFeed(feed([item(1, { title: long }), item(2)]), FETCHED);
    expect(stories[0]?.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(stories[0]?.title).toMatch(/^Xiaomi Xiaomi .*Xiaomi…$/u);
    expect(stories[1]?.title).toBe('Story 2');
  });

  it('takes a date in the future as the fetch time, and leaves past dates alone', () => {
    const { stories } = storiesFromFeed(feed([item(1, { published: FETCHED + 400 * 24 * HOUR }), item(2)]), FETCHED);
    expect(stories.map((s) => s.publishedTime)).toEqual([
      new Date(FETCHED).toISOString(),
      new Date(FETCHED - 2 * HOUR).toISOString(),
    ]);
  });

  it('keeps the newest 500 of a 10,000-item feed, whatever their order', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => item(i)).reverse();
    const { stories, dropped } = storiesFromFeed(feed(items), FETCHED);
    expect(stories).toHaveLength(MAX_ITEMS_PER_FEED);
    expect(stories[0]?.url).toBe('https://news.example/0');
    expect(stories.at(-1)?.url).toBe('https://news.example/499');
    expect(dropped.overLimit).toBe(10_000 - MAX_ITEMS_PER_FEED);
  });

  it('reads a 10,000-item RSS document and keeps its newest 500', () => {
    const items = Array.from(
      { length: 10_000 },
      (_, i) =>
        `<item><title>Item ${i}</title><link>https://n.example/${i}</link><pubDate>${new Date(FETCHED - i * 60_000).toUTCString()}</pubDate></item>`,
    ).reverse();
    const parsed = parseFeedText(
      `<rss version="2.0"><channel><title>W</title>${items.join('')}</channel></rss>`,
      'https://n.example/f',
    );
    const { stories } = storiesFromFeed(parsed, FETCHED);
    expect(parsed.items).toHaveLength(10_000);
    expect(stories.map((s) => s.url)).toEqual(Array.from({ length: 500 }, (_, i) => `https://n.example/${i}`));
  });

  it('keeps one story for a repeated guid, and one for the same link under changing guids', () => {
    const items = [
      item(1),
      item(2, { guid: 'g1', link: 'https://news.example/other' }),
      item(3, { guid: 'fresh-1', link: 'https://news.example/x?utm_campaign=a' }),
      item(4, { guid: 'fresh-2', link: 'https://news.example/x?utm_campaign=b' }),
      item(5, { guid: null }),
    ];
    const { stories, dropped } = storiesFromFeed(feed(items), FETCHED);
    expect(stories.map((s) => s.url)).toEqual([
      'https://news.example/1',
      'https://news.example/x',
      'https://news.example/5',
    ]);
    expect(dropped.duplicate).toBe(2);
  });

  it('shows hostile summary HTML as text only', () => {
    const parsed = parseFeedText(
      `<rss version="2.0"><channel><title>W</title><item><title>t</title><link>https://n.example/t</link>
        <description>&lt;img src=x onerror=alert(1)&gt;Shares &lt;script&gt;steal()&lt;/script&gt;rose</description></item></channel></rss>`,
      'https://n.example/feed',
    );
    expect(storiesFromFeed(parsed, FETCHED).stories[0]?.lead).toBe('Shares rose');
  });
});
