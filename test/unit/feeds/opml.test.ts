import { describe, expect, it } from 'vitest';
import { exportOpml, importOpml, MAX_OPML_DEPTH, MAX_OPML_FEEDS } from '@/utils/feeds/opml';
import { HAVE_CORPORA, sharedFeed } from './corpus';

const outline = (i: number, close = true) =>
  `<outline text="Feed ${i}" type="rss" xmlUrl="https://f${i}.example/rss?a=1&amp;b=2" htmlUrl="https://f${i}.example/"${close ? '/' : ''}>`;
const opml = (body: string) =>
  `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>${body}</body></opml>`;

describe('importOpml', () => {
  it('reads feeds from folders, flattened, with their titles and sites', () => {
    const { feeds, skipped } = importOpml(
      opml(`<outline text="News">${outline(1)}<outline text="Tech">${outline(2)}</outline></outline>${outline(3)}`),
    );
    expect(feeds.map((f) => f.url)).toEqual([1, 2, 3].map((i) => `https://f${i}.example/rss?a=1&b=2`));
    expect(feeds[0]).toEqual({
      url: 'https://f1.example/rss?a=1&b=2',
      title: 'Feed 1',
      siteUrl: 'https://f1.example/',
    });
    expect(skipped).toEqual([]);
  });

  it('keeps the first 5,000 feeds of a longer list and says how many it left out', () => {
    const { feeds, skipped } = importOpml(
      opml(Array.from({ length: MAX_OPML_FEEDS + 7 }, (_, i) => outline(i)).join('')),
    );
    expect(feeds).toHaveLength(MAX_OPML_FEEDS);
    expect(skipped).toEqual(['7 feeds past the first 5,000 were left out.']);
  });

  it('takes feeds down to 100 levels of nesting and says how many were deeper', () => {
    const depth = MAX_OPML_DEPTH + 20;
    const nested = `${Array.from({ length: depth }, (_, i) => outline(i, false)).join('')}${'</outline>'.repeat(depth)}`;
    const { feeds, skipped } = importOpml(opml(nested));
    expect(feeds).toHaveLength(MAX_OPML_DEPTH);
    expect(skipped).toEqual(['20 feeds nested deeper than 100 levels were left out.']);
  });

  it('survives nesting far beyond that without recursion', () => {
    const depth = 100_000;
    const { feeds } = importOpml(opml(`${'<outline text="d">'.repeat(depth)}${'</outline>'.repeat(depth)}`));
    expect(feeds).toEqual([]);
  });

  it('reads the old feed: prefix as http', () => {
    const body =
      '<outline text="a" xmlUrl="feed://a.example/rss"/><outline text="b" xmlUrl="feed:https://b.example/rss"/>';
    expect(importOpml(opml(body)).feeds.map((f) => f.url)).toEqual(['http://a.example/rss', 'https://b.example/rss']);
  });

  it('leaves out duplicates and addresses that are not http(s), and says so', () => {
    const body = `${outline(1)}${outline(1)}<outline text="x" xmlUrl="javascript:alert(1)"/><outline text="y" xmlUrl="feed:foo"/>`;
    expect(importOpml(opml(body)).skipped).toEqual([
      '2 feeds have an address that is not http or https.',
      '1 feed was listed twice.',
    ]);
  });

  it('refuses a feed or any other file given as OPML', () => {
    expect(() => importOpml('<rss version="2.0"><channel/></rss>')).toThrow(
      'This file is a feed: watch its address instead.',
    );
    expect(() => importOpml('name,url\nA,https://a.example/')).toThrow('This file is not an OPML list of feeds.');
  });

  it.skipIf(!HAVE_CORPORA)('reads the shared subscription lists', () => {
    const text = (id: string) => new TextDecoder().decode(sharedFeed(id, 'opml'));
    expect(importOpml(text('fsm--opml-subscriptions')).feeds).toHaveLength(13);
    expect(importOpml(text('nnw--subs-opml')).feeds.length).toBeGreaterThan(200);
    expect(importOpml(text('rome--opml-podcasting-links')).feeds).toEqual([]);
  });
});

describe('exportOpml', () => {
  it('writes an OPML 2.0 document that imports back to the same feeds', () => {
    const feeds = [
      { url: 'https://a.example/feed?x=1&y=2', title: 'A & <B>', siteUrl: 'https://a.example/' },
      { url: 'https://b.example/rss', title: null, siteUrl: null },
    ];
    const text = exportOpml(feeds, new Date(Date.UTC(2025, 0, 2)));
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<opml version="2.0">/u);
    expect(text).toContain('<dateCreated>Thu, 02 Jan 2025 00:00:00 GMT</dateCreated>');
    expect(importOpml(text).feeds).toEqual(feeds);
  });
});
