/**
 * What a tab's JavaScript heap costs with News Tracker (issue 17): the same saved pages loaded in
 * a Chromium with the built extension (20 companies tracked) and in one without it, and the
 * difference in the tab's heap after a forced garbage collection.
 *
 * The heap is the renderer's V8 heap, the page's world and the extension's isolated worlds (one
 * per frame the content script runs in) together, plus the typed arrays they own (their memory
 * lies outside V8's heap, but it is the tab's all the same): `Runtime.getHeapUsage`'s usedSize
 * plus backingStorageSize. The pages are saved pages of ../shared/corpora with their scripts
 * removed (their JSON-LD kept) and every request off 127.0.0.1 refused, so the page's own heap
 * is the same in both browsers. Each page is loaded LOADS times in each browser, alternately;
 * a figure is the median.
 *
 *   memory.article.heap_mb      median over the article pages of what the extension adds (target <= 1 MB)
 *   memory.nonarticle.heap_mb   the same over pages that are not articles (target <= 0.3 MB)
 *   memory.<kind>.<page>.heap_mb
 *                               each page; baseline: the page's heap without the extension
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../../test/support/chromium';
import { type StaticServer, startStaticServer } from '../../test/support/static-server';
import type { BenchContext, BenchModule } from '../bench';
import { median } from '../lib/figures';
import { readHtmlFile } from '../lib/html-file';
import { launchPlainChromium } from '../lib/plain-chromium';
import { trackCompanies } from '../lib/track-company';

const CORPORA = path.resolve(process.env.NEWS_TRACKER_CORPORA ?? '../shared/corpora');
const LOADS = 3;
/** Time for the content script to finish on a page (scan, panel, report) before the heap is read. */
const SETTLE_MS = 3000;
const MB = 2 ** 20;
/** Twenty companies a reader of business news might follow. */
const COMPANIES = [
  'Apple',
  'Google',
  'Microsoft',
  'Amazon',
  'Facebook',
  'Twitter',
  'Samsung',
  'Intel',
  'Tesla',
  'Netflix',
  'IBM',
  'Sony',
  'Uber',
  'Nvidia',
  'Oracle',
  'Verizon',
  'Disney',
  'Boeing',
  'Walmart',
  'Toyota',
];
/** Four news articles, a long technology-news page, and two home pages (not articles). */
const PAGES = {
  article: {
    nytimes: 'readability/nytimes-1/source.html',
    guardian: 'readability/guardian-1/source.html',
    bbc: 'readability/bbc-1/source.html',
    wapo: 'readability/wapo-1/source.html',
    theverge: 'readability/theverge/source.html',
  },
  nonarticle: {
    cnn: 'non-articles/pages/np__cnn_main_site.html',
    wired: 'non-articles/pages/np4k__wired_main_site.html',
  },
} as const;
type Kind = keyof typeof PAGES;

/** Saved pages keep their scripts; they must not run (nor fetch) while we measure. */
function withoutScripts(html: string): string {
  return html.replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script>/giu, '');
}

/** The tab's heap in MB after a forced garbage collection, once the page has settled. */
async function heapAfterLoad(context: BrowserContext, url: string): Promise<number> {
  const page: Page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const cdp = await context.newCDPSession(page);
    // Several collections: objects freed by one (weak references, finalizers) go in the next.
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    await cdp.detach();
    return (usage.usedSize + (usage.backingStorageSize ?? 0)) / MB;
  } finally {
    await page.close();
  }
}

async function measure(ctx: BenchContext, server: StaticServer): Promise<void> {
  const extension = await launchWithExtension();
  const plain = await launchPlainChromium();
  const bare = await plain.newContext();
  try {
    for (const context of [extension.context, bare]) {
      await context.route(
        (url) => url.hostname !== '127.0.0.1',
        (route) => route.abort(),
      );
    }
    await trackCompanies(extension, COMPANIES);
    for (const kind of Object.keys(PAGES) as Kind[]) {
      const added: number[] = [];
      for (const [name, file] of Object.entries(PAGES[kind])) {
        const route = `/memory/${name}.html`;
        server.route(route, { body: withoutScripts(readHtmlFile(path.join(CORPORA, file))) });
        const withIt: number[] = [];
        const without: number[] = [];
        for (let i = 0; i < LOADS; i++) {
          without.push(await heapAfterLoad(bare, server.url(route)));
          withIt.push(await heapAfterLoad(extension.context, server.url(route)));
        }
        const cost = median(withIt) - median(without);
        added.push(cost);
        ctx.record({
          name: `memory.${kind}.${name}.heap_mb`,
          value: cost,
          unit: 'MB',
          baseline: { name: 'the page without the extension', value: median(without) },
        });
      }
      ctx.record({
        name: `memory.${kind}.heap_mb`,
        value: median(added),
        unit: 'MB',
        baseline: { name: 'target', value: kind === 'article' ? 1 : 0.3 },
      });
    }
  } finally {
    await extension.close();
    await plain.close();
  }
}

const bench: BenchModule = {
  title: 'Memory: the heap a tab costs with the extension, against the same saved page without it (real Chromium)',
  prefixes: (Object.keys(PAGES) as Kind[]).flatMap((kind) => [
    `memory.${kind}.heap_mb`,
    ...Object.keys(PAGES[kind]).map((name) => `memory.${kind}.${name}.heap_mb`),
  ]),
  async run(ctx) {
    if (!existsSync(CORPORA)) {
      console.log(`  skipped: no corpora at ${CORPORA} (the saved pages come from ../shared/corpora)`);
      return;
    }
    console.log(
      `  ${COMPANIES.length} companies tracked; each page loaded ${LOADS} times with and without the extension`,
    );
    const server = await startStaticServer('test/fixtures');
    try {
      await measure(ctx, server);
    } finally {
      await server.close();
    }
  },
};

export default bench;
