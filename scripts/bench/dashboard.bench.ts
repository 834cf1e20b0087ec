/**
 * How fast the dashboard opens over 50,000 stored stories, in the built extension in Chromium.
 *
 * The store is filled through the extension's own schema code (dashboard-page.ts, bundled into
 * the dashboard page): eight companies, 50,000 stories spread over the last year. Then the
 * dashboard is opened in a fresh tab, several times, and `dashboard.n50000.open_ms` is the
 * median time from navigation start to the first charts on screen (noted by a script run
 * ahead of the page's own when its summary line says what it counted); `dashboard.n0.open_ms` is the same with no stories stored, the cost of
 * opening an extension page at all on this machine. `dashboard.n50000.year_ms` is the time from pressing "365 days" on
 * the opened dashboard (once its story list and digest have loaded too) until the year is counted. The baselines, from the same run and the same
 * data, aggregate the same 30 days (and the same year) from a getAll of the whole stories store,
 * without counting page load.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bundleForPage } from '../../test/support/bundle';
import { EXTENSION_DIR, launchWithExtension } from '../../test/support/chromium';
import type { BenchContext, BenchModule } from '../bench';
import { median } from '../lib/figures';

const STORIES = 50_000;
const RUNS = 5;
const COMPANIES = ['Xiaomi', 'Apple', 'Samsung', 'Nvidia', 'Arm', 'Tesla', 'Siemens', 'Unilever'];

/**
 * Calls a function of dashboard-page.ts inside the page. A string, not a closure: tsx rewrites
 * closures with helpers that do not exist in the page.
 */
async function call<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`DashboardBench.${fn}(...${JSON.stringify(args)})`) as Promise<T>;
}

/**
 * Run in every page ahead of its own scripts (a string: the script runner's transforms must not
 * touch code run in the page): in the dashboard, notes when the summary line first says what
 * was counted, the moment the first charts are on screen.
 */
export const NOTE_FIRST_CHARTS = `(() => {
  if (location.pathname !== '/dashboard.html') return;
  new MutationObserver((records, observer) => {
    const status = document.querySelector('.dashboard > [role="status"]');
    if (!/in the last \\d+ days\\.$/u.test(status?.textContent ?? '')) return;
    globalThis.__firstChartsMs = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true, characterData: true });
})()`;

export async function openDashboard(open: () => Promise<Page>): Promise<{ page: Page; ms: number }> {
  const page = await open();
  await page.waitForFunction(
    () => typeof (globalThis as { __firstChartsMs?: number }).__firstChartsMs === 'number',
    null,
    {
      timeout: 60_000,
    },
  );
  const ms = await page.evaluate(() => (globalThis as { __firstChartsMs?: number }).__firstChartsMs ?? Number.NaN);
  return { page, ms };
}

async function run(ctx: BenchContext): Promise<void> {
  if (!existsSync(path.join(EXTENSION_DIR, 'dashboard.html'))) {
    throw new Error('No built dashboard in .output/chrome-mv3: run `npm run build` first.');
  }
  const browser = await launchWithExtension();
  await browser.context.addInitScript(NOTE_FIRST_CHARTS);
  try {
    const filler = await browser.openExtensionPage('dashboard.html');
    const script = await bundleForPage('scripts/bench/dashboard-page.ts', 'DashboardBench');
    await filler.evaluate(script);
    const now = Date.now();
    const ids = await call<string[]>(filler, 'trackCompanies', COMPANIES);
    // The same page with the same companies and no stories: what opening costs before any data.
    const emptyOpens: number[] = [];
    for (let i = 0; i < RUNS && ctx.wants('dashboard.n0.open_ms'); i++) {
      const { page, ms } = await openDashboard(() => browser.openExtensionPage('dashboard.html'));
      emptyOpens.push(ms);
      await page.close();
    }
    if (emptyOpens.length > 0) {
      ctx.record({ name: 'dashboard.n0.open_ms', value: median(emptyOpens), unit: 'ms', baseline: null });
    }
    const stored = await call<number>(filler, 'fillStore', STORIES, ids, now);
    if (stored !== STORIES) throw new Error(`stored ${stored} stories, expected ${STORIES}`);

    const baselines: { days30: number; days365: number }[] = [];
    for (let i = 0; i < RUNS; i++) baselines.push(await call(filler, 'aggregateFromFullRead', now));
    await filler.close();
    const baseline = (days: 'days30' | 'days365') => ({
      name: `full getAll of stories + aggregate ${days === 'days30' ? '30 days' : '365 days'}`,
      value: median(baselines.map((b) => b[days])),
    });

    const opens: number[] = [];
    const years: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, ms } = await openDashboard(() => browser.openExtensionPage('dashboard.html'));
      opens.push(ms);
      if (ctx.wants('dashboard.n50000.year_ms')) {
        await page.waitForSelector('.digest-page', { timeout: 60_000 });
        await page.waitForSelector('ul[aria-label="Matched stories"][aria-busy="false"]', { timeout: 60_000 });
        await page.evaluate(script);
        years.push(await call<number>(page, 'switchToYear'));
      }
      await page.close();
    }
    ctx.record({ name: 'dashboard.n50000.open_ms', value: median(opens), unit: 'ms', baseline: baseline('days30') });
    if (years.length > 0) {
      ctx.record({ name: 'dashboard.n50000.year_ms', value: median(years), unit: 'ms', baseline: baseline('days365') });
    }
  } finally {
    await browser.close();
  }
}

const dashboardBench: BenchModule = {
  title: 'Dashboard over 50,000 stories (Chromium)',
  prefixes: ['dashboard.'],
  run,
};
export default dashboardBench;
