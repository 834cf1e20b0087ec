import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeed } from '@/utils/feeds/check';
import { type FeedState, newFeedState, REDIRECTS_TO_MOVE } from '@/utils/feeds/state';
import { type FeedServer, startFeedServer } from '../../support/feed-server';

const NOW = Date.UTC(2025, 5, 3, 12);
const INTERVAL = 30 * 60_000;
let server: FeedServer;
const inits: RequestInit[] = [];
const spyFetch: typeof fetch = (input, init) => {
  if (init) inits.push(init);
  return fetch(input, init);
};

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());

function check(state: FeedState | string, options: { timeoutMs?: number; now?: number } = {}) {
  const from = typeof state === 'string' ? newFeedState(server.url(state), NOW) : state;
  return checkFeed(from, { fetch: spyFetch, now: options.now ?? NOW, intervalMs: INTERVAL, ...options });
}

describe('checkFeed against a local server', () => {
  it('reads a feed without credentials, referrer or browser cache, and schedules the next check', async () => {
    const { state, feed } = await check('/feed');
    expect(feed?.items[0]).toMatchObject({ title: 'Xiaomi opens a plant', link: `${server.url('/a')}` });
    expect(state).toMatchObject({ status: 'working', title: 'Local wire', etag: '"v1"', failures: 0 });
    expect(state.nextCheckAt).toBe(NOW + INTERVAL);
    expect(inits.at(-1)).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
    const headers = server.requests.at(-1)?.headers ?? {};
    expect(headers.cookie).toBeUndefined();
    expect(headers.referer).toBeUndefined();
  });

  it('asks conditionally once it holds validators, and a 304 keeps them', async () => {
    const first = await check('/feed');
    const second = await check(first.state, { now: NOW + INTERVAL });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBe('Tue, 03 Jun 2025 09:00:00 GMT');
    expect(second.feed).toBeNull();
    expect(second.state).toMatchObject({ status: 'not-modified', etag: '"v1"', lastSuccessAt: NOW + INTERVAL });
  });

  it('waits as long as max-age or the feed ttl asks, when longer than the interval', async () => {
    expect((await check('/cached')).state.nextCheckAt).toBe(NOW + 7200_000);
    const ttl = await check('/ttl-feed');
    expect(ttl.state).toMatchObject({ ttlMinutes: 180, nextCheckAt: NOW + 180 * 60_000 });
    // A 304 has no body to say it again: the ttl read last time still holds.
    const later = NOW + 180 * 60_000;
    expect((await check(ttl.state, { now: later })).state).toMatchObject({
      status: 'not-modified',
      nextCheckAt: later + 180 * 60_000,
    });
  });

  it('stops a feed the server says is gone, and says so', async () => {
    const { state } = await check('/gone');
    expect(state).toMatchObject({ status: 'stopped', nextCheckAt: null });
    expect(state.problem).toContain('410');
  });

  it('backs off on failures, doubling, and honours Retry-After', async () => {
    const one = await check('/missing');
    expect(one.state).toMatchObject({ status: 'failing', failures: 1, failingSince: NOW, nextCheckAt: NOW + INTERVAL });
    expect(one.state.problem).toBe('The server has no feed at this address (404).');
    const two = await check(one.state, { now: NOW + INTERVAL });
    expect(two.state).toMatchObject({ failures: 2, failingSince: NOW, nextCheckAt: NOW + INTERVAL + 2 * INTERVAL });
    expect((await check('/busy')).state.nextCheckAt).toBe(NOW + 7200_000);
  });

  it('follows a redirect but keeps the address until three checks in a row end at the same place', async () => {
    let state = newFeedState(server.url('/moved'), NOW);
    for (let i = 1; i < REDIRECTS_TO_MOVE; i++) {
      state = (await check(state)).state;
      expect(state).toMatchObject({ url: server.url('/moved'), redirect: { to: server.url('/feed'), seen: i } });
      expect(state.status).not.toBe('moved');
    }
    state = (await check(state)).state;
    expect(state).toMatchObject({ status: 'moved', url: server.url('/feed'), movedFrom: server.url('/moved') });
  });

  it('names a redirect loop and a redirect to another scheme; a plain failure is not called one', async () => {
    const loop = await check('/loop-a');
    expect(loop.state.problem).toMatch(/redirects in a loop/u);
    for (const path of ['/to-ftp', '/to-javascript']) {
      expect((await check(path)).state.problem).toMatch(/redirects in a loop, or to an address that is not http/u);
    }
    const refused = await check(newFeedState('http://127.0.0.1:1/feed', NOW));
    expect(refused.state.problem).toBe('The server could not be reached.');
  });

  it('refuses addresses that are not http or https without a request', async () => {
    const before = server.requests.length;
    const { state } = await check(newFeedState('file:///etc/passwd', NOW));
    expect(state.problem).toBe('Only http and https addresses can be watched.');
    expect(server.requests.length).toBe(before);
  });

  it('cuts off a 50 MB body, an endless one, and one declared too large; a small one passes', async () => {
    for (const path of ['/fifty-mb', '/endless', '/declared-fifty-mb']) {
      const { state } = await check(path);
      expect(state.problem).toBe('The feed is larger than 5 MB, so it was cut off.');
    }
    expect((await check('/feed')).state.problem).toBeNull();
  });

  it('gives up on a server that sends a byte at a time; the same deadline lets a normal feed through', async () => {
    const slow = await check('/trickle', { timeoutMs: 1500 });
    expect(slow.state.problem).toBe('The server took longer than 2 s to send the feed.');
    expect((await check('/feed', { timeoutMs: 1500 })).state.status).toBe('working');
  });

  it('says what came back when it is not a feed', async () => {
    expect((await check('/html')).state.problem).toBe('The address gives a web page (HTML), not a feed.');
    expect((await check('/image')).state.problem).toBe('The address gives an image (PNG), not a feed.');
  });

  it('keeps the old validators when a fetched body cannot be read', async () => {
    const working = (await check('/feed')).state;
    const broken = await check({ ...working, url: server.url('/html') });
    expect(broken.state).toMatchObject({ status: 'failing', etag: '"v1"' });
  });
});
