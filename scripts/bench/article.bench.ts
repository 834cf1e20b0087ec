/**
 * Article detection and extraction cost in real Chromium, beside @mozilla/readability 0.6 on the
 * same page in the same browser and run:
 *
 *   detect.nonarticle.median_ms   the content script's start on a home page served at "/", as
 *                                 a user's browser runs it (one company tracked, added through
 *                                 the background as a user would, default settings): read the
 *                                 content state from storage.local, look at the page, find it is
 *                                 not an article, and leave it (utils/content/start.ts in the
 *                                 extension's isolated world); baseline: isProbablyReaderable
 *   detect.nonarticle.storage_read.median_ms, .detect_only.median_ms
 *                                 the two parts of that start timed apart
 *   extract.article.median_ms     extractStory + classifyBusiness on a news article;
 *                                 baseline: Readability's parse() (of a clone, as it rewrites)
 *
 * Browser timers are coarse (0.1 ms), so a start is timed in batches of 10 and the figure is the
 * median of 240 batch means (2,400 starts); an extraction takes long enough to time singly (200
 * runs). With ../shared/corpora present, the same figures are also measured on real saved pages
 * (`*.real.median_ms`: the median over pages of each page's median), their scripts removed and
 * every request off 127.0.0.1 refused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bundleForPage } from '../../test/support/bundle';
import { launchWithExtension } from '../../test/support/chromium';
import { type StaticServer, startStaticServer } from '../../test/support/static-server';
import type { BenchContext, BenchModule } from '../bench';
import { openInContentScriptWorld } from '../lib/content-world';
import { median } from '../lib/figures';
import { readHtmlFile } from '../lib/html-file';
import { trackCompany } from '../lib/track-company';

const SAMPLES = 240;
const BATCH = 10;
const RUNS = 200;
const CORPORA = path.resolve(process.env.NEWS_TRACKER_CORPORA ?? '../shared/corpora');
const REAL_HOME_PAGES = ['non-articles/pages/np__cnn_main_site.html', 'non-articles/pages/np4k__wired_main_site.html'];
/** The company the bench tracks: the user of the figures has set one up. */
const TRACKED = 'Xiaomi';
const REAL_ARTICLES = ['readability/nytimes-1', 'readability/guardian-1', 'readability/bbc-1', 'readability/wapo-1'];

interface Bundles {
  article: string;
  readability: string;
}

declare const NewsTrackerBench: typeof import('./article-page');
declare const ReadabilityBench: typeof import('./readability-page');

/** Saved pages keep their scripts; they must not run (nor fetch) while we time. */
function withoutScripts(html: string): string {
  return html.replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script>/giu, '');
}

async function timeNonArticle(page: Page, extensionId: string, url: string, bundles: Bundles) {
  const world = await openInContentScriptWorld(page, extensionId, url);
  // The world can appear before the page is parsed: time the start on the whole page.
  for (let waited = 0; (await world.evaluate<string>('document.readyState')) !== 'complete'; waited += 50) {
    if (waited > 15_000) throw new Error(`${url} never finished loading`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await world.evaluate(bundles.article);
  const tracked = await world.evaluate<string[]>('NewsTrackerBench.trackedNames()');
  if (tracked.join() !== TRACKED) throw new Error(`Expected ${TRACKED} tracked, the content script read ${tracked}`);
  const ours = await world.evaluate<{ ms: number[]; highlighted: boolean }>(
    `NewsTrackerBench.timeContentStart(${SAMPLES}, ${BATCH})`,
  );
  if (ours.highlighted) throw new Error(`${url} was treated as an article: the figure would not be a rejection`);
  const parts = await world.evaluate<{ storage: number[]; detect: number[] }>(
    `NewsTrackerBench.timeStartParts(${SAMPLES}, ${BATCH})`,
  );
  await page.addScriptTag({ content: bundles.readability });
  const baseline = await page.evaluate(([s, b]) => ReadabilityBench.timeReaderable(s, b), [SAMPLES, BATCH] as const);
  return {
    ours: median(ours.ms),
    baseline: median(baseline),
    storage: median(parts.storage),
    detect: median(parts.detect),
  };
}

async function timeArticle(page: Page, url: string, bundles: Bundles) {
  await page.goto(url);
  await page.addScriptTag({ content: bundles.article });
  await page.addScriptTag({ content: bundles.readability });
  const ours = await page.evaluate((runs) => NewsTrackerBench.timeExtraction(runs), RUNS);
  if (ours.textLength < 500 || !ours.title) throw new Error(`Extraction found no story on ${url}`);
  const baseline = await page.evaluate((runs) => ReadabilityBench.timeParse(runs), RUNS);
  return { ours: median(ours.ms), baseline: median(baseline) };
}

function record(ctx: BenchContext, name: string, value: number, baselineName: string, baseline: number): void {
  ctx.record({ name, value, unit: 'ms', baseline: { name: baselineName, value: baseline } });
}

async function measure(ctx: BenchContext, server: StaticServer, bundles: Bundles): Promise<void> {
  const browser = await launchWithExtension();
  try {
    // Nothing leaves 127.0.0.1: saved pages link fonts, images and trackers on the internet.
    await browser.context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    const page = await browser.context.newPage();
    await trackCompany(browser, TRACKED);
    if (ctx.wants('detect.nonarticle.median_ms')) {
      server.route('/', { body: readFileSync('test/fixtures/article/home-page.html', 'utf8') });
      const r = await timeNonArticle(page, browser.extensionId, server.url('/'), bundles);
      record(ctx, 'detect.nonarticle.median_ms', r.ours, 'readability.isProbablyReaderable', r.baseline);
      // Where the start's time goes: the storage read is the browser's; detection is ours.
      ctx.record({ name: 'detect.nonarticle.storage_read.median_ms', value: r.storage, unit: 'ms', baseline: null });
      record(ctx, 'detect.nonarticle.detect_only.median_ms', r.detect, 'readability.isProbablyReaderable', r.baseline);
    }
    if (ctx.wants('extract.article.median_ms')) {
      const url = server.url('/business/2025/03/18/harbour-freight-coastline-takeover');
      server.route(new URL(url).pathname, { body: readFileSync('test/fixtures/article/news-jsonld.html', 'utf8') });
      const r = await timeArticle(page, url, bundles);
      record(ctx, 'extract.article.median_ms', r.ours, 'readability.parse', r.baseline);
    }
    if (!existsSync(CORPORA)) {
      console.log(`(no corpora at ${CORPORA}: the *.real figures are skipped)`);
      return;
    }
    if (ctx.wants('detect.nonarticle.real.median_ms')) {
      const ours: number[] = [];
      const baseline: number[] = [];
      const detectOnly: number[] = [];
      for (const file of REAL_HOME_PAGES) {
        server.route('/', { body: withoutScripts(readHtmlFile(path.join(CORPORA, file))) });
        const fresh = await browser.context.newPage();
        const r = await timeNonArticle(fresh, browser.extensionId, server.url('/'), bundles);
        await fresh.close();
        ours.push(r.ours);
        baseline.push(r.baseline);
        detectOnly.push(r.detect);
      }
      record(
        ctx,
        'detect.nonarticle.real.median_ms',
        median(ours),
        'readability.isProbablyReaderable',
        median(baseline),
      );
      const detectName = 'detect.nonarticle.real.detect_only.median_ms';
      record(ctx, detectName, median(detectOnly), 'readability.isProbablyReaderable', median(baseline));
    }
    if (ctx.wants('extract.article.real.median_ms')) {
      const ours: number[] = [];
      const baseline: number[] = [];
      for (const dir of REAL_ARTICLES) {
        const pathname = `/real/${path.basename(dir)}/story.html`;
        server.route(pathname, { body: withoutScripts(readHtmlFile(path.join(CORPORA, dir, 'source.html'))) });
        const r = await timeArticle(page, server.url(pathname), bundles);
        ours.push(r.ours);
        baseline.push(r.baseline);
      }
      record(ctx, 'extract.article.real.median_ms', median(ours), 'readability.parse', median(baseline));
    }
  } finally {
    await browser.close();
  }
}

const articleBench: BenchModule = {
  title: 'Article detection and extraction in Chromium (News Tracker vs @mozilla/readability 0.6)',
  prefixes: ['detect.nonarticle', 'extract.article'],
  async run(ctx) {
    // The figures are of the code as it is now: build the extension first.
    const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
    if (build.status !== 0) throw new Error('`npx wxt build` failed');
    const bundles: Bundles = {
      article: await bundleForPage('scripts/bench/article-page.ts', 'NewsTrackerBench'),
      readability: await bundleForPage('scripts/bench/readability-page.ts', 'ReadabilityBench'),
    };
    const server = await startStaticServer('test/fixtures');
    try {
      await measure(ctx, server, bundles);
    } finally {
      await server.close();
    }
  },
};

export default articleBench;
