/**
 * A check of 200 feeds of 100 items each, in the built extension in Chromium, against a feed
 * server on 127.0.0.1 (test/support/feed-server.ts). Twenty companies are tracked, and about
 * one item in ten names one of them. The options page is open (it lists the feeds and reads
 * the list again while some wait for their first check), and the 200 feeds are added to it as
 * an OPML import would; the check that follows runs in the service worker.
 *
 *   feeds.check.n200.ms               from adding the feeds until every one has been checked,
 *                                     its items matched and the matches stored; baseline: the
 *                                     same 200 feeds fetched by an extension page, 4 at a time,
 *                                     read to the end and nothing else done with them.
 *   feeds.check.n200.longest_task_ms  the longest task of the extension's (service worker and
 *                                     options page, CPU time from a DevTools trace) during it;
 *                                     baseline: the same page and worker for the same time with
 *                                     the feeds all checked and nothing due.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { traceExtensionTasks } from '../../test/e2e/trace';
import { EXTENSION_DIR, launchWithExtension } from '../../test/support/chromium';
import { type FeedServer, type ItemSpec, rssFeed, startFeedServer } from '../../test/support/feed-server';
import { seededRandom } from '../../test/support/seeded-random';
import type { BenchContext, BenchModule } from '../bench';
import { COMPANIES, WORDS } from './store-page';

const FEEDS = 200;
const ITEMS = 100;
const SEED = 20260302;
/** General news beside the business words: most items name no tracked company. */
const OTHER_WORDS =
  'weather football election parliament minister storm festival museum school hospital railway airport'.split(' ');
const ITEM_WORDS = [...WORDS, ...OTHER_WORDS];

function serveFeeds(server: FeedServer): string[] {
  const next = seededRandom(SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(ITEM_WORDS)).join(' ');
  const now = Date.now();
  const urls: string[] = [];
  for (let f = 0; f < FEEDS; f++) {
    const base = server.url(`/site${f}`);
    const items: ItemSpec[] = Array.from({ length: ITEMS }, (_, i) => {
      const named = next() < 0.1 ? `${pick(COMPANIES)} ` : '';
      return {
        title: `${named}${words(8)} ${f}-${i}`,
        link: `${base}/story/${i}`,
        guid: `${f}-${i}`,
        pubDate: new Date(now - (i * 60 + f) * 60_000).toUTCString(),
        description: `${words(20)} ${named}${words(15)}.`,
      };
    });
    server.serve(`/feed${f}.xml`, rssFeed(`Publisher ${f}`, base, items));
    urls.push(server.url(`/feed${f}.xml`));
  }
  return urls;
}

/** Sends a protocol message from the extension page, as the client does. */
function send(page: Page, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    async ([t, p]) => {
      const reply = (await chrome.runtime.sendMessage({ type: t, payload: p })) as {
        ok: boolean;
        value?: unknown;
        error?: string;
      };
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    },
    [type, payload] as const,
  );
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

async function allChecked(page: Page): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { feeds } = (await send(page, 'ui:listFeeds', {})) as { feeds: { lastCheckedAt: number | null }[] };
    if (feeds.length === FEEDS && feeds.every((f) => f.lastCheckedAt !== null)) return Date.now();
    if (Date.now() - started > 600_000) throw new Error('The feeds were not all checked within 10 minutes.');
    await page.waitForTimeout(250);
  }
}

/**
 * The floor: the same feeds fetched from an extension page, 4 at a time, bodies read, nothing
 * more. A string: tsx would wrap the closure's inner functions in a helper the page lacks.
 */
function fetchOnly(page: Page, urls: string[]): Promise<number> {
  return page.evaluate(`(async (list) => {
    const started = performance.now();
    const queue = [...list];
    const lane = async () => {
      for (let url = queue.shift(); url; url = queue.shift()) await (await fetch(url)).arrayBuffer();
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
    return performance.now() - started;
  })(${JSON.stringify(urls)})`) as Promise<number>;
}

async function run(ctx: BenchContext): Promise<void> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The feed check benchmark needs the built extension: run `npx wxt build` first.');
  }
  const server = await startFeedServer();
  const urls = serveFeeds(server);
  const browser = await launchWithExtension();
  try {
    const options = await browser.openExtensionPage('options.html');
    await send(options, 'ui:addEntities', { inputs: COMPANIES.map((name) => ({ name })) });
    await options.reload();
    let elapsed = 0;
    const during = await traceExtensionTasks(options, async () => {
      const started = Date.now();
      await send(options, 'ui:addFeeds', { feeds: urls.map((url) => ({ url, title: null, siteUrl: null })) });
      elapsed = (await allChecked(options)) - started;
    });
    const idle = await traceExtensionTasks(options, () => options.waitForTimeout(Math.min(elapsed, 10_000)));
    const stored = (await send(options, 'ui:listFeeds', {})) as { feeds: { matched: number }[] };
    console.log(
      `  ${stored.feeds.reduce((sum, f) => sum + f.matched, 0)} stories kept from ${FEEDS * ITEMS} items; ` +
        `longest tasks (ms of CPU) ${during.taskMs
          .slice(0, 5)
          .map((t) => t.toFixed(1))
          .join(', ')}`,
    );
    ctx.record({
      name: 'feeds.check.n200.ms',
      value: elapsed,
      unit: 'ms',
      baseline: { name: 'fetch only, 4 at a time, from an extension page', value: await fetchOnly(options, urls) },
    });
    ctx.record({
      // With garbage collection: the figure is of every task, whoever caused its collections.
      name: 'feeds.check.n200.longest_task_ms',
      value: during.longestWithGcMs,
      unit: 'ms',
      baseline: { name: 'same pages, nothing due', value: idle.longestWithGcMs },
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

const feedsCheckBenchmark: BenchModule = {
  title: 'Checking 200 feeds of 100 items (Chromium)',
  prefixes: ['feeds.check'],
  run,
};
export default feedsCheckBenchmark;
