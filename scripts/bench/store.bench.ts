/**
 * The story store in Chromium's real IndexedDB: the built extension is loaded, one of its pages
 * fills the extension's own database with 10,000 and then 50,000 generated stories (see
 * store-page.ts) and times the popup's queries with the store's code, each beside the naive way
 * on the same data. The cold figures stop the service worker first (DevTools Protocol) and read
 * from a fresh page, as the popup does when it opens.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bundleForPage } from '../../test/support/bundle';
import {
  EXTENSION_DIR,
  type ExtensionBrowser,
  launchWithExtension,
  stopServiceWorkers,
} from '../../test/support/chromium';
import type { BenchContext, BenchModule } from '../bench';
import { median } from '../lib/figures';
import type * as StorePage from './store-page';

declare global {
  var storeBenchPage: typeof StorePage;
  var benchDb: Awaited<ReturnType<typeof StorePage.open>>;
}

const SIZES = [10_000, 50_000];
const SEED = 20261129;
const RUNS = 9;
const COLD_RUNS = 5;

async function loadBench(browser: ExtensionBrowser, bundle: string, page = 'popup.html'): Promise<Page> {
  const tab = await browser.openExtensionPage(page);
  await tab.evaluate(bundle);
  return tab;
}

/** Cold first page, read directly as the popup reads it, with the service worker stopped. */
async function measureCold(browser: ExtensionBrowser, bundle: string) {
  const direct: number[] = [];
  let rows = 0;
  for (let r = 0; r < COLD_RUNS; r++) {
    // A page that opens no connection of its own, so nothing keeps the database warm.
    const tab = await browser.openExtensionPage('manifest.json');
    await tab.evaluate(bundle);
    await stopServiceWorkers(tab);
    await tab.waitForTimeout(2500);
    const result = await tab.evaluate(() => storeBenchPage.coldFirstPage());
    direct.push(result.ms);
    rows = Math.min(rows || result.rows, result.rows);
    await tab.close();
  }
  return { directMs: median(direct), rows };
}

/**
 * The extension's IndexedDB usage once the writes have settled: Chromium's figure (the size of
 * the database's LevelDB files: records, index entries, search lists, the log not yet compacted
 * and older versions of rewritten records not yet dropped), refreshed and read every second
 * (see indexedDbUsage) until three readings in a row are within 16 KB, at most 30 s.
 */
export async function settledUsage(page: Page): Promise<{ bytes: number; waitedMs: number; readings: number[] }> {
  const started = Date.now();
  const readings = [await page.evaluate(() => storeBenchPage.indexedDbUsage())];
  let unchanged = 0;
  while (unchanged < 3 && Date.now() - started < 30_000) {
    await page.waitForTimeout(1000);
    const now = await page.evaluate(() => storeBenchPage.indexedDbUsage());
    unchanged = Math.abs(now - (readings.at(-1) as number)) < 16_384 ? unchanged + 1 : 0;
    readings.push(now);
  }
  return { bytes: readings.at(-1) as number, waitedMs: Date.now() - started, readings };
}

async function run(ctx: BenchContext): Promise<void> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The store benchmark needs the built extension: run `npx wxt build` first.');
  }
  const bundle = await bundleForPage('scripts/bench/store-page.ts', 'storeBenchPage');
  const browser = await launchWithExtension();
  try {
    const page = await loadBench(browser, bundle, 'manifest.json');
    await page.evaluate(async () => {
      globalThis.benchDb = await storeBenchPage.open();
    });
    const emptyBytes = await page.evaluate(() => storeBenchPage.indexedDbUsage());
    let stored = 0;
    for (const size of SIZES) {
      const fillMs = await page.evaluate(
        ([from, count, total, seed]) => storeBenchPage.fill(benchDb, seed, from, count, total),
        [stored, size - stored, SIZES.at(-1) as number, SEED] as const,
      );
      stored = size;
      console.log(
        `  filled ${size} stories (${Math.round(fillMs)} ms for the last ${size - (SIZES[0] === size ? 0 : (SIZES[0] as number))})`,
      );
      const q = await page.evaluate((runs) => storeBenchPage.measureQueries(benchDb, runs), RUNS);
      if (q.counts.firstPage !== 50 || q.counts.entity !== 50 || q.counts.search !== Math.min(50, q.counts.scan)) {
        throw new Error(`The store answered wrongly at ${size} stories: ${JSON.stringify(q.counts)}`);
      }
      console.log(`  answers (rows): ${JSON.stringify(q.counts)}`);
      const prefix = `store.n${size}`;
      ctx.record({
        name: `${prefix}.first_page_ms`,
        value: q.firstPageMs,
        unit: 'ms',
        baseline: { name: 'getall_then_sort', value: q.naiveFirstPageMs },
      });
      ctx.record({
        name: `${prefix}.entity_filter_ms`,
        value: q.entityMs,
        unit: 'ms',
        baseline: { name: 'getall_filter_sort', value: q.naiveEntityMs },
      });
      ctx.record({
        name: `${prefix}.search_ms`,
        value: q.searchMs,
        unit: 'ms',
        baseline: { name: 'unindexed_text_scan', value: q.scanSearchMs },
      });
      if (ctx.wants(`${prefix}.cold_first_page_ms`)) {
        await page.evaluate(() => benchDb.close());
        const cold = await measureCold(browser, bundle);
        if (cold.rows !== 50) throw new Error(`A cold first page had ${cold.rows} rows instead of 50`);
        ctx.record({
          name: `${prefix}.cold_first_page_ms`,
          value: cold.directMs,
          unit: 'ms',
          baseline: null,
        });
        await page.evaluate(async () => {
          globalThis.benchDb = await storeBenchPage.open();
        });
      }
    }
    const open = await settledUsage(page);
    // At rest: every connection closed (this page's, the stopped worker's), so Chromium puts the
    // database away (LevelDB writes its log out and compacts), then opened again, as the popup
    // finds it after a while. The figure while it was still open is printed beside it.
    await page.evaluate(() => benchDb.close());
    await stopServiceWorkers(page);
    await page.waitForTimeout(5000);
    await page.evaluate(async () => {
      globalThis.benchDb = await storeBenchPage.open();
    });
    const settled = await settledUsage(page);
    console.log(
      `  IndexedDB usage ${open.bytes} B after the writes with the database open, ${settled.bytes} B once closed and opened again (${settled.waitedMs} ms, ${settled.readings.length} readings)`,
    );
    const usedBytes = settled.bytes - emptyBytes;
    ctx.record({
      name: 'store.bytes_per_story',
      value: usedBytes / stored,
      unit: 'B',
      baseline: {
        name: 'json_record',
        value: await page.evaluate((seed) => storeBenchPage.jsonBytesPerStory(seed, 2000), SEED),
      },
    });
    const save = await page.evaluate((seed) => storeBenchPage.measureSave(benchDb, seed, 60), SEED);
    ctx.record({
      name: 'store.save_ms',
      value: save.saveMs,
      unit: 'ms',
      baseline: { name: 'bare_put', value: save.putMs },
    });
  } finally {
    await browser.close();
  }
}

const storeBenchmark: BenchModule = { title: 'Story store in Chromium IndexedDB', prefixes: ['store.'], run };
export default storeBenchmark;
