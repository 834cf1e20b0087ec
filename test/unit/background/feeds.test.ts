import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FEED_ALARM } from '@/utils/background/feeds';
import type { Handlers } from '@/utils/background/handlers';
import { startBackground } from '@/utils/background/start';
import { createDbAccess } from '@/utils/db/connection';
import { listFeeds } from '@/utils/db/feeds';
import type { NewsDb } from '@/utils/db/schema';
import { listStories } from '@/utils/db/story-query';
import { type FeedServer, type ItemSpec, rssFeed, startFeedServer } from '../../support/feed-server';
import { installFakeMenus } from './fakes';

const NOW = Date.UTC(2026, 2, 2, 9);
const MINUTE = 60_000;
/** Checks run in the background; on a loaded two-core machine a run can take seconds. */
const SLOW = { timeout: 4000 };
const PAGE = { tabId: undefined };
let server: FeedServer;
let clock = NOW;
let getDb: () => Promise<NewsDb>;
let requests: string[];

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server.close());

const countingFetch: typeof fetch = (input, init) => {
  requests.push(String(input));
  return fetch(input, init);
};

function start(fetcher: typeof fetch = countingFetch): Handlers {
  return startBackground(getDb, { fetch: fetcher, now: () => clock });
}

beforeEach(() => {
  installFakeMenus();
  clock = NOW;
  requests = [];
  getDb = createDbAccess();
  vi.spyOn(fakeBrowser.notifications, 'create')
    .mockClear()
    .mockImplementation(async () => '');
});

/** A feed of `n` items at /name; the odd ones name Xiaomi. */
function serveFeed(name: string, n: number, extra: (i: number) => Partial<ItemSpec> = () => ({})): string {
  const items = Array.from({ length: n }, (_, i) => ({
    title: i % 2 ? `Xiaomi ${name} story ${i} about plants` : `${name} weather story ${i}`,
    link: server.url(`/${name}/${i}`),
    pubDate: new Date(NOW - (i + 1) * MINUTE).toUTCString(),
    description: i % 2 ? 'Xiaomi said it would build cars and phones in new plants.' : 'Rain is expected.',
    ...extra(i),
  }));
  server.serve(`/${name}.xml`, rssFeed(`${name} news`, server.url(`/${name}`), items));
  return server.url(`/${name}.xml`);
}

async function trackXiaomi(handlers: Handlers) {
  return handlers['ui:addEntity']({ name: 'Xiaomi', aliases: [], exclusions: [], matchCase: false }, PAGE);
}

const fromFeeds = async () => (await listStories(await getDb(), { limit: 500, fromFeeds: true })).stories;
/** Every stored story a feed found (copies included, which the list shows once). */
const stored = async () => (await getDb()).getAllFromIndex('stories', 'by-feed');
const alarm = () => fakeBrowser.alarms.get(FEED_ALARM);
const globalBadge = () => fakeBrowser.action.getBadgeText({});

describe('watching feeds in the background', () => {
  it('with nothing watched sets no alarm and makes no request', async () => {
    const handlers = start();
    await trackXiaomi(handlers);
    await expect.poll(async () => (await handlers['ui:listFeeds']({}, PAGE)).feeds).toEqual([]);
    expect(await alarm()).toBeUndefined();
    expect(await handlers['ui:checkFeeds']({}, PAGE)).toEqual({ checked: 0, newStories: 0 });
    expect(requests).toEqual([]);
  });

  it('watches a feed with one request, keeps its matched items as unread stories, and schedules the next check', async () => {
    const handlers = start();
    await trackXiaomi(handlers);
    const url = serveFeed('wire', 6);
    const result = await handlers['ui:watchFeed']({ address: url }, PAGE);
    expect(result).toMatchObject({ kind: 'watching', newStories: 3, feed: { title: 'wire news', status: 'working' } });
    expect(requests).toEqual([url]);
    expect((await fromFeeds()).map((s) => [s.title, s.read])).toEqual([
      ['Xiaomi wire story 1 about plants', false],
      ['Xiaomi wire story 3 about plants', false],
      ['Xiaomi wire story 5 about plants', false],
    ]);
    expect((await alarm())?.scheduledTime).toBe(NOW + 30 * MINUTE);
    expect(await globalBadge()).toBe('3');
    // Reading one in the popup takes it off the badge.
    await handlers['ui:setStoryFlags']({ url: server.url('/wire/1'), flags: { read: true } }, PAGE);
    expect(await globalBadge()).toBe('2');
    expect(await handlers['ui:watchFeed']({ address: url }, PAGE)).toEqual({ kind: 'already', url });
  });

  it('checks on the alarm, conditionally, and stores nothing twice', async () => {
    const handlers = start();
    await trackXiaomi(handlers);
    const url = serveFeed('wire', 4);
    await handlers['ui:watchFeed']({ address: url }, PAGE);
    serveFeed('wire', 8);
    clock = NOW + 31 * MINUTE;
    await fakeBrowser.alarms.onAlarm.trigger({ name: FEED_ALARM, scheduledTime: clock });
    await expect.poll(async () => (await fromFeeds()).length, SLOW).toBe(4);
    expect((await listFeeds(await getDb()))[0]).toMatchObject({ matched: 4, lastCheckedAt: clock });
  });

  it('resumes at the next alarm when the worker was stopped mid-check, with nothing lost or stored twice', async () => {
    const first = start();
    await trackXiaomi(first);
    const urls = ['a', 'b', 'c'].map((name) => serveFeed(name, 4));
    // The first worker reads feed a, then is stopped while feed b's answer is on its way.
    let stopped = false;
    const stalling: typeof fetch = (input, init) => {
      if (String(input) !== urls[1]) return countingFetch(input, init);
      stopped = true;
      return new Promise<Response>(() => undefined);
    };
    const worker = startBackground(getDb, { fetch: stalling, now: () => clock });
    await worker['ui:addFeeds']({ feeds: urls.map((url) => ({ url, title: null, siteUrl: null })) }, PAGE);
    await expect.poll(() => stopped, SLOW).toBe(true);
    await expect.poll(async () => (await stored()).length, SLOW).toBeGreaterThanOrEqual(2);
    const resumeAt = (await alarm())?.scheduledTime;
    expect(resumeAt).toBeLessThanOrEqual(NOW + MINUTE);
    // A new worker: the alarm fires and the feeds not yet saved are checked.
    clock = NOW + 2 * MINUTE;
    start();
    await fakeBrowser.alarms.onAlarm.trigger({ name: FEED_ALARM, scheduledTime: clock });
    await expect.poll(async () => (await stored()).length, SLOW).toBe(6);
    expect(new Set((await stored()).map((s) => s.url)).size).toBe(6);
    // The same item in three feeds' words: listed once, with the other two as "also at".
    expect((await fromFeeds()).map((s) => s.alsoAt.length)).toEqual([2, 2]);
    expect((await listFeeds(await getDb())).map((f) => [f.url, f.status, f.matched])).toEqual(
      urls.map((url) => [url, 'working', 2]),
    );
  });

  it('gives a broken feed its own problem and changes nothing else', async () => {
    const handlers = start();
    await trackXiaomi(handlers);
    const good = serveFeed('good', 2);
    const bad = server.url('/malformed');
    await handlers['ui:addFeeds']({ feeds: [bad, good].map((url) => ({ url, title: null, siteUrl: null })) }, PAGE);
    const states = async () => (await listFeeds(await getDb())).map((f) => [f.url, f.status]);
    // Listed in the order given.
    await expect.poll(states, SLOW).toEqual([
      [bad, 'failing'],
      [good, 'working'],
    ]);
    const broken = (await listFeeds(await getDb())).find((f) => f.url === bad);
    expect(broken?.problem).toMatch(/broken XML/u);
    expect((await fromFeeds()).map((s) => s.url)).toEqual([server.url('/good/1')]);
  });

  it('notifies nobody by default, and "3 new stories about Xiaomi" when asked, for the chosen companies', async () => {
    const handlers = start();
    const xiaomi = await trackXiaomi(handlers);
    const create = vi.mocked(
      fakeBrowser.notifications.create as unknown as (
        id: string,
        o: { title: string; message: string },
      ) => Promise<string>,
    );
    await handlers['ui:watchFeed']({ address: serveFeed('quiet', 2) }, PAGE);
    expect(create).not.toHaveBeenCalled();
    await handlers['ui:saveFeedOptions']({ intervalMinutes: 60, notify: 'chosen', notifyEntityIds: [xiaomi.id] }, PAGE);
    await handlers['ui:watchFeed']({ address: serveFeed('loud', 6) }, PAGE);
    expect(create).toHaveBeenCalledOnce();
    expect(create.mock.calls[0]?.[1]).toMatchObject({ title: '3 new stories about Xiaomi' });
    expect(String(create.mock.calls[0]?.[1]?.message)).toContain('Xiaomi loud story 1 about plants (loud news)');
    // The interval chosen applies from each feed's next check on.
    const loud = (await listFeeds(await getDb())).find((f) => f.title === 'loud news');
    expect(loud?.nextCheckAt).toBe(NOW + 60 * MINUTE);
  });

  it('asks at most 4 servers at once, and does use all 4', async () => {
    const handlers = start();
    await trackXiaomi(handlers);
    let inFlight = 0;
    let most = 0;
    const slow: typeof fetch = async (input, init) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return await countingFetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const worker = startBackground(getDb, { fetch: slow, now: () => clock });
    const urls = Array.from({ length: 10 }, (_, i) => serveFeed(`lane${i}`, 2));
    await worker['ui:addFeeds']({ feeds: urls.map((url) => ({ url, title: null, siteUrl: null })) }, PAGE);
    await expect.poll(() => requests.length, SLOW).toBe(10);
    expect(most).toBe(4);
  });

  it('notifies about any tracked company when asked to, one notice per company', async () => {
    const handlers = start();
    await trackXiaomi(handlers);
    await handlers['ui:addEntity']({ name: 'Nvidia', aliases: [], exclusions: [], matchCase: false }, PAGE);
    const create = vi.mocked(
      fakeBrowser.notifications.create as unknown as (id: string, o: { title: string }) => Promise<string>,
    );
    await handlers['ui:saveFeedOptions']({ intervalMinutes: 30, notify: 'all', notifyEntityIds: [] }, PAGE);
    await handlers['ui:watchFeed'](
      {
        address: serveFeed('both', 4, (i) =>
          i === 0 ? { title: 'Nvidia chips sell out', description: 'Nvidia said demand rose.' } : {},
        ),
      },
      PAGE,
    );
    expect(create.mock.calls.map((call) => call[1]?.title).sort()).toEqual([
      '1 new story about Nvidia',
      '2 new stories about Xiaomi',
    ]);
  });

  it('keeps only business stories from feeds when the person records only business news', async () => {
    const handlers = start();
    await trackXiaomi(handlers);
    const settings = await handlers['ui:getSettings']({}, PAGE);
    await handlers['ui:saveSettings']({ ...settings, recordOnlyBusiness: true }, PAGE);
    const url = serveFeed('mixed', 4, (i) =>
      i === 1
        ? {
            title: 'Xiaomi profit beats forecasts as revenue jumps',
            description: 'Quarterly earnings rose and shares gained.',
          }
        : {
            title: 'Xiaomi-sponsored striker scores twice',
            description: 'The cup final ended 2-0.',
            link: server.url(`/sport/${i}`),
          },
    );
    await handlers['ui:watchFeed']({ address: url }, PAGE);
    expect((await fromFeeds()).map((s) => s.title)).toEqual(['Xiaomi profit beats forecasts as revenue jumps']);
  });
});
