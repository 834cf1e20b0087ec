/**
 * A year of use with feeds watched: 500,000 stories in the built extension's real IndexedDB in
 * Chromium, written through the store's own code (store-year.ts: most from feeds, a few read on
 * pages). Each figure's baseline is the same measure earlier in the same run:
 *
 *   store.n500000.first_page_ms    the popup's first page (50 stories); baseline: the same at
 *                                  the year's first 50,000 stories.
 *   store.n500000.search_ms        median of four searches (a company, a common word, two
 *                                  words, a rare word typed in part); baseline: at 50,000.
 *   store.n500000.bytes_per_story  Chromium's own size of the extension's IndexedDB, at rest
 *                                  (closed, reopened, read until it settles), less the empty
 *                                  database, per story; baseline: the record as JSON.
 *   dashboard.n500000.open_ms      the dashboard from navigation to its first charts (the
 *                                  last 30 days, about 41,000 stories); baseline: the same
 *                                  dashboard opened before any story was stored.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bundleForPage } from '../../test/support/bundle';
import { EXTENSION_DIR, launchWithExtension, stopServiceWorkers } from '../../test/support/chromium';
import type { BenchContext, BenchModule } from '../bench';
import { median } from '../lib/figures';
import { NOTE_FIRST_CHARTS, openDashboard } from './dashboard.bench';
import { settledUsage } from './store.bench';

const TOTAL = 500_000;
const CHECKPOINT = 50_000;
const STEP = 50_000;
const SEED = 20260302;
const RUNS = 9;
const OPENS = 5;

interface ScaleQueries {
  firstPageMs: number;
  searchMs: number;
  fromFeedsMs: number;
  counts: { firstPage: number; search: number; stories: number; unreadFromFeeds: number };
}

/** Calls a function of store-year.ts in the page (a string: tsx rewrites closures with helpers the page lacks). */
function call<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`storeBenchPage.${fn}(...${JSON.stringify(args)})`) as Promise<T>;
}

async function fill(page: Page, from: number, count: number, end: number): Promise<void> {
  for (let done = 0; done < count; done += STEP) {
    const ms = await page.evaluate(
      `globalThis.benchDb.then((db) => storeBenchPage.fillYear(db, ${SEED}, ${from + done}, ${Math.min(STEP, count - done)}, ${TOTAL}, ${end}))`,
    );
    console.log(
      `  stored ${from + done + Math.min(STEP, count - done)} stories (${Math.round(ms as number)} ms for the last ${STEP})`,
    );
  }
}

const measure = (page: Page) =>
  page.evaluate(`globalThis.benchDb.then((db) => storeBenchPage.measureAtScale(db, ${RUNS}))`) as Promise<ScaleQueries>;

async function dashboardOpens(open: () => Promise<Page>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const { page, ms } = await openDashboard(open);
    times.push(ms);
    await page.close();
  }
  return median(times);
}

async function run(ctx: BenchContext): Promise<void> {
  const figures = ['first_page_ms', 'search_ms', 'bytes_per_story'].map((f) => `store.n500000.${f}`);
  if (![...figures, 'dashboard.n500000.open_ms'].some((name) => ctx.wants(name))) return;
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The scale benchmark needs the built extension: run `npx wxt build` first.');
  }
  const bundle = await bundleForPage('scripts/bench/store-year.ts', 'storeBenchPage');
  const browser = await launchWithExtension();
  await browser.context.addInitScript(NOTE_FIRST_CHARTS);
  try {
    const page = await browser.openExtensionPage('manifest.json');
    await page.evaluate(bundle);
    await call(page, 'trackCompanies');
    const emptyOpenMs = await dashboardOpens(() => browser.openExtensionPage('dashboard.html'));
    const emptyBytes = await call<number>(page, 'indexedDbUsage');
    const end = Date.now();
    await page.evaluate('globalThis.benchDb = storeBenchPage.open()');
    await fill(page, 0, CHECKPOINT, end);
    const early = await measure(page);
    await fill(page, CHECKPOINT, TOTAL - CHECKPOINT, end);
    const late = await measure(page);
    console.log(`  at 50,000: ${JSON.stringify(early)}\n  at 500,000: ${JSON.stringify(late)}`);
    if (late.counts.stories !== TOTAL || late.counts.firstPage !== 50 || late.counts.search !== 50) {
      throw new Error(`The store answered wrongly at ${TOTAL} stories: ${JSON.stringify(late.counts)}`);
    }
    ctx.record({
      name: 'store.n500000.first_page_ms',
      value: late.firstPageMs,
      unit: 'ms',
      baseline: { name: 'same at 50,000 stories', value: early.firstPageMs },
    });
    ctx.record({
      name: 'store.n500000.search_ms',
      value: late.searchMs,
      unit: 'ms',
      baseline: { name: 'same at 50,000 stories', value: early.searchMs },
    });
    await page.evaluate('globalThis.benchDb.then((db) => db.close())');
    await stopServiceWorkers(page);
    await page.waitForTimeout(5000);
    await page.evaluate('globalThis.benchDb = storeBenchPage.open()');
    const settled = await settledUsage(page);
    ctx.record({
      name: 'store.n500000.bytes_per_story',
      value: (settled.bytes - emptyBytes) / TOTAL,
      unit: 'B',
      baseline: { name: 'json_record', value: await call<number>(page, 'jsonBytesPerStory', SEED, 2000) },
    });
    await page.evaluate('globalThis.benchDb.then((db) => db.close())');
    ctx.record({
      name: 'dashboard.n500000.open_ms',
      value: await dashboardOpens(() => browser.openExtensionPage('dashboard.html')),
      unit: 'ms',
      baseline: { name: 'same dashboard, no stories yet', value: emptyOpenMs },
    });
  } finally {
    await browser.close();
  }
}

const scaleBenchmark: BenchModule = {
  title: 'A year with feeds: 500,000 stories (Chromium)',
  prefixes: ['store.n500000', 'dashboard.n500000'],
  run,
};
export default scaleBenchmark;
