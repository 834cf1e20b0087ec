/**
 * What News Tracker asks of the network, in the built extension in Chromium: with no feed
 * watched, nothing at all (not on start, not on an alarm); with feeds, exactly their addresses,
 * without cookies and without a referrer. The network guard (network-guard.ts) watches every
 * request of the browser; the controls show it catches the worker reaching a server no feed
 * is on, and an extension page reaching the feed server, and that the cookie check would see
 * a cookie that was sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedServer } from '../support/feed-server';
import { startNewsSite } from './feed-fixtures';
import { type Harness, startHarness } from './harness';

/** Evaluated in the service worker, where `chrome` is the extension API. */
declare const chrome: { alarms: { getAll(): Promise<{ name: string }[]> } };

async function watchFromOptions(harness: Harness, address: string): Promise<void> {
  const options = await harness.openOptions();
  const feeds = options.page.getByRole('region', { name: 'News feeds' });
  await feeds.getByLabel('Feed or site address').fill(address);
  await feeds.getByRole('button', { name: 'Watch', exact: true }).click();
  await feeds
    .getByRole('status')
    .filter({ hasText: /^Watching / })
    .waitFor();
  await options.page.close();
}

describe('the network, with and without feeds', () => {
  let harness: Harness;
  let site: FeedServer;
  beforeAll(async () => {
    harness = await startHarness();
    site = await startNewsSite();
    await harness.browser.context.addCookies([{ name: 'session', value: 'secret', url: site.url('/') }]);
  });
  afterAll(async () => {
    // Fails if anything but the worker's feed requests left the browser.
    await harness?.close();
    await site?.close();
  });

  it('makes no request of its own with no feed watched: no alarm, nothing on start or on a page', async () => {
    const options = await harness.openOptions();
    await options.addCompany('Xiaomi');
    const article = await harness.browser.context.newPage();
    await article.goto(harness.server.url('/feeds/article-with-feed.html'));
    const popup = await harness.openPopupOver(article);
    await popup.thisPage.getByRole('button', { name: 'Watch this site’s news' }).waitFor();
    const worker = harness.browser.context.serviceWorkers()[0] ?? harness.browser.serviceWorker;
    expect(await worker.evaluate(() => chrome.alarms.getAll())).toEqual([]);
    await popup.page.waitForTimeout(1000);
    expect(site.requests).toEqual([]);
    expect(harness.network.violations()).toEqual([]);
    await Promise.all([popup.page.close(), article.close(), options.page.close()]);
  });

  it('with a feed watched, requests exactly its address, without cookies or a referrer', async () => {
    // The guard lets the worker reach this one server, from now on.
    harness.network.allowFeedServer(site.url('/'));
    await watchFromOptions(harness, site.url('/business.xml'));
    const worker = harness.browser.context.serviceWorkers()[0] ?? harness.browser.serviceWorker;
    expect(await worker.evaluate(() => chrome.alarms.getAll())).toEqual([
      expect.objectContaining({ name: 'news-tracker:feeds' }),
    ]);
    expect(site.requests.map((r) => r.path)).toEqual(['/business.xml']);
    for (const { headers } of site.requests) {
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
    }
    // The control: a request that does carry the browser's cookie for this server is seen with it.
    await worker.evaluate(
      (url) => fetch(url, { credentials: 'include' }).then((r) => r.text()),
      site.url('/markets.xml'),
    );
    expect(site.requests.at(-1)?.headers.cookie).toBe('session=secret');
    expect(harness.network.violations()).toEqual([]);
  });
});

describe('the network guard around feeds (negative controls)', () => {
  let harness: Harness;
  let site: FeedServer;
  beforeAll(async () => {
    harness = await startHarness();
    site = await startNewsSite();
    harness.network.allowFeedServer(site.url('/'));
  });
  afterAll(async () => {
    await harness?.close({ leaksExpected: true });
    await site?.close();
  });

  it('catches the worker reaching a server no feed is on, and a page reaching the feed server', async () => {
    const worker = harness.browser.context.serviceWorkers()[0] ?? harness.browser.serviceWorker;
    await worker.evaluate((url) => fetch(url).then((r) => r.text()), harness.server.url('/pages/not-an-article.html'));
    const options = await harness.openOptions();
    await options.page.evaluate((url) => fetch(url).then((r) => r.text()), site.url('/business.xml'));
    await expect
      .poll(() => harness.network.violations())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^service worker .* -> .*\/pages\/not-an-article\.html$/u),
          expect.stringMatching(/^extension page .*options\.html -> .*\/business\.xml$/u),
        ]),
      );
  });
});
