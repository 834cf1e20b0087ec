import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressToUrl, findFeeds } from '@/utils/feeds/find';
import { type FeedServer, startFeedServer } from '../../support/feed-server';

const NOW = Date.UTC(2026, 2, 2, 9);
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());

const find = (address: string) => findFeeds(address, { fetch, now: NOW, intervalMs: 30 * 60_000 });

describe('addressToUrl', () => {
  it('reads what people type: a full address, a bare site, a feed: link; nothing but http(s)', () => {
    expect(addressToUrl(' https://news.example/rss ')).toBe('https://news.example/rss');
    expect(addressToUrl('news.example/business')).toBe('https://news.example/business');
    expect(addressToUrl('localhost:8080/feed')).toBe('https://localhost:8080/feed');
    expect(addressToUrl('feed://news.example/rss')).toBe('http://news.example/rss');
    expect(addressToUrl('javascript:alert(1)')).toBeNull();
    expect(addressToUrl('file:///etc/passwd')).toBeNull();
    expect(addressToUrl('   ')).toBeNull();
  });
});

describe('findFeeds', () => {
  it('takes a feed’s address as it is, with its first check', async () => {
    const found = await find(server.url('/feed'));
    expect(found).toMatchObject({ kind: 'feed', url: server.url('/feed') });
    if (found.kind === 'feed') expect(found.check.state).toMatchObject({ status: 'working', title: 'Local wire' });
  });

  it('offers the feeds a site’s page advertises, for the person to pick', async () => {
    const found = await find(server.url('/site'));
    expect(found).toEqual({
      kind: 'choices',
      pageUrl: server.url('/site'),
      choices: [
        { url: server.url('/feed'), title: 'Local News - Business', type: 'rss' },
        { url: server.url('/ttl-feed'), title: 'Local News - Markets', type: 'atom' },
        { url: server.url('/cached'), title: 'Local News - Tech', type: 'json' },
      ],
    });
  });

  it('tries the usual paths when a page advertises none, and says so when none answers', async () => {
    const found = await find(server.url('/site-without-feeds'));
    expect(found).toMatchObject({ kind: 'feed', url: server.url('/feed') });
    const bare = await startFeedServer();
    bare.serve('/', (_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Hi</body></html>'),
    );
    bare.serve('/feed', (_req, res) => res.writeHead(404).end());
    try {
      await expect(findFeeds(bare.url('/'), { fetch, now: NOW, intervalMs: 1 })).rejects.toThrow(
        /names no feed, and there is none at the usual addresses/u,
      );
    } finally {
      await bare.close();
    }
  });

  it('passes on why an address is no feed: an image, a broken feed, a server that is down', async () => {
    await expect(find(server.url('/image'))).rejects.toThrow('The address gives an image (PNG), not a feed.');
    await expect(find(server.url('/malformed'))).rejects.toThrow(/broken XML/u);
    await expect(find(server.url('/billion-laughs'))).rejects.toThrow(/defines its own XML entities/u);
    await expect(find('http://127.0.0.1:1/rss')).rejects.toThrow('The server could not be reached.');
    await expect(find('ftp://news.example/rss')).rejects.toThrow(/http:\/\/ or https:\/\//u);
  });
});
