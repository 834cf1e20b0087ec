/**
 * Huge pages with the built extension, against the same pages without it (issue 17): does the
 * page stay responsive while News Tracker finds and paints 200 tracked companies?
 *
 * The pages (heavy-pages.ts) are built by a script at load, as the hostile-page tests build
 * theirs, and count their own 50 ms heartbeat for three seconds from their load event. Each is
 * loaded RUNS times in a Chromium with the extension (200 companies tracked, added through the
 * background as a user would) and as many times in one without it, alternately, under a
 * DevTools trace. Figures, each the median of the loads:
 *
 *   heavy.<page>.heartbeat_pct         ticks with the extension, in % of the ticks without (target >= 90)
 *   heavy.<page>.heartbeat_ticks       ticks with the extension; baseline: ticks without it
 *   heavy.<page>.longest_extension_task_ms
 *                                      the longest task that ran the extension's code, CPU time
 *                                      (test/e2e/trace.ts's attribution; target <= 50)
 *   heavy.<page>.longest_task_ms       the longest main-thread task of any kind in the window
 *                                      (restyles the extension causes run as the browser's own
 *                                      tasks); baseline: the same page without the extension
 */
import type { Page } from 'playwright-core';
import { extensionTasks } from '../../test/e2e/trace';
import { launchWithExtension } from '../../test/support/chromium';
import { startStaticServer } from '../../test/support/static-server';
import type { BenchModule } from '../bench';
import { median } from '../lib/figures';
import { launchPlainChromium } from '../lib/plain-chromium';
import { trackCompanies } from '../lib/track-company';
import { HEARTBEAT_WINDOW_MS, HEAVY_PAGE_NAMES, HEAVY_PAGES } from './heavy-pages';
import { readTrace, type TraceEvent } from './highlight-trace';

const RUNS = 5;
const PAGES = Object.keys(HEAVY_PAGES) as (keyof typeof HEAVY_PAGES)[];
const FIGURES = ['heartbeat_pct', 'heartbeat_ticks', 'longest_extension_task_ms', 'longest_task_ms'];
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'].join(',');

interface Load {
  ticks: number;
  /** CPU ms of the longest task that ran extension code (0 without the extension). */
  extensionMs: number;
  /** CPU ms of the longest task on the page's main thread. */
  longestMs: number;
}

/**
 * CPU ms of the longest task on the busiest renderer main thread (the page's) that started once
 * the page had built itself and painted its first frame: those are the page's own and the same
 * with or without us.
 */
function longestPageTask(events: readonly TraceEvent[]): number {
  const built = events.find((e) => e.name === 'page-painted')?.ts ?? Number.POSITIVE_INFINITY;
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, number[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.name !== 'RunTask' || e.ph !== 'X' || !mains.has(thread) || e.ts < built) continue;
    byThread.set(thread, [...(byThread.get(thread) ?? []), (e.tdur ?? e.dur ?? 0) / 1000]);
  }
  const busiest = [...byThread.values()].sort((a, b) => b.reduce((x, y) => x + y, 0) - a.reduce((x, y) => x + y, 0));
  return Math.max(0, ...(busiest[0] ?? []));
}

async function load(page: Page, url: string): Promise<Load> {
  const { events } = await readTrace(page, CATEGORIES, async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction('window.heartbeat.done', null, { timeout: 120_000, polling: 250 });
  });
  const ticks = await page.evaluate('window.heartbeat.ticks');
  return { ticks: Number(ticks), extensionMs: extensionTasks(events).longestMs, longestMs: longestPageTask(events) };
}

const bench: BenchModule = {
  title: 'Huge pages: the page’s own heartbeat and long tasks, with and without the extension (real Chromium)',
  prefixes: PAGES.flatMap((p) => FIGURES.map((f) => `heavy.${p}.${f}`)),
  async run(ctx) {
    const wanted = PAGES.filter((p) => FIGURES.some((f) => ctx.wants(`heavy.${p}.${f}`)));
    if (wanted.length === 0) return;
    const server = await startStaticServer('test/fixtures');
    for (const [name, html] of Object.entries(HEAVY_PAGES)) server.route(`/heavy/${name}.html`, { body: html });
    const withExtension = await launchWithExtension();
    const plain = await launchPlainChromium();
    try {
      await trackCompanies(withExtension, HEAVY_PAGE_NAMES);
      console.log(
        `  ${HEAVY_PAGE_NAMES.length} companies tracked; ${RUNS} loads of each page with and without the extension, alternately; heartbeat counted for ${HEARTBEAT_WINDOW_MS} ms from load`,
      );
      for (const name of wanted) {
        const url = server.url(`/heavy/${name}.html`);
        const runs: { with: Load; without: Load }[] = [];
        for (let i = 0; i < RUNS; i++) {
          const bare = await plain.newPage();
          const without = await load(bare, url);
          await bare.close();
          const tab = await withExtension.context.newPage();
          const loaded = await load(tab, url);
          await tab.close();
          runs.push({ with: loaded, without });
          console.log(
            `  ${name} load ${i + 1}: ${loaded.ticks} ticks with, ${without.ticks} without; longest extension task ${loaded.extensionMs.toFixed(1)} ms; longest task ${loaded.longestMs.toFixed(1)} ms with, ${without.longestMs.toFixed(1)} without`,
          );
        }
        const ticksWith = median(runs.map((r) => r.with.ticks));
        const ticksWithout = median(runs.map((r) => r.without.ticks));
        const prefix = `heavy.${name}`;
        ctx.record({
          name: `${prefix}.heartbeat_pct`,
          value: (100 * ticksWith) / ticksWithout,
          unit: '%',
          baseline: { name: 'target', value: 90 },
        });
        ctx.record({
          name: `${prefix}.heartbeat_ticks`,
          value: ticksWith,
          unit: 'ticks',
          baseline: { name: 'without the extension', value: ticksWithout },
        });
        ctx.record({
          name: `${prefix}.longest_extension_task_ms`,
          value: median(runs.map((r) => r.with.extensionMs)),
          unit: 'ms',
          baseline: { name: 'target', value: 50 },
        });
        ctx.record({
          name: `${prefix}.longest_task_ms`,
          value: median(runs.map((r) => r.with.longestMs)),
          unit: 'ms',
          baseline: { name: 'without the extension', value: median(runs.map((r) => r.without.longestMs)) },
        });
      }
    } finally {
      await withExtension.close();
      await plain.close();
      await server.close();
    }
  },
};

export default bench;
