/**
 * Company suggestions (issue 8) in real Chromium:
 *   - suggest.article.ms: reading a typical news article (bbc-1 of the readability corpus, as the
 *     highlight benchmark uses) and finding its companies, the tab's and the popup's work
 *     together, median of the warm runs (the last half: JavaScript needs a few runs to be
 *     compiled optimally), beside the capitalised-sequence baseline on the same page; `.cold_ms`
 *     is the first run (model inflated, nothing optimised yet), the median over five fresh
 *     browser contexts; suggest.articles.*: the same over several saved news pages;
 *   - suggest.inject.first_ms is what a person waits for the first time: the popup is opened
 *     over a settled tab in a fresh browser and its own request is timed from
 *     its first call to scripting.executeScript until the suggestions are on screen (the tab
 *     read, the finder loaded and run in the popup, nothing compiled or optimised yet;
 *     popup-timing.ts), the median over five fresh browsers, with nothing tracked;
 *     `.first_kept_ms` the same with a company tracked, so the content script has read the
 *     article and kept it (utils/content/kept-article.ts); each
 *     `_cpu_ms` beside them is the tab's main-thread CPU time in that first request;
 *     suggest.inject.ms: the popup opened again over the article in new tabs of the same
 *     browser, each on a site of its own (nothing compiled in its renderer), nothing tracked,
 *     beside executeScript of a function returning the title into the same tab;
 *   - suggest.bytes: the built extension with suggestions minus the same tree built without them.
 * Saved pages are served from 127.0.0.1 with a Content-Security-Policy that stops their scripts
 * and any request leaving the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { bundleForPage } from '../../test/support/bundle';
import { findChromium, launchWithExtension } from '../../test/support/chromium';
import { startStaticServer } from '../../test/support/static-server';
import { probeTabReader } from '../../test/support/tab-reader-probe';
import { MAX_TEXT_LENGTH } from '../../utils/suggest/page';
import type { BenchContext, BenchModule } from '../bench';
import { median } from '../lib/figures';
import { trackCompany } from '../lib/track-company';
import { timePopupOver } from './popup-timing';
import type { Timed } from './suggest-page';

const CORPORA = path.resolve(process.env.NEWS_TRACKER_CORPORA ?? '../shared/corpora');
const TYPICAL = 'bbc-1';
const NEWS_PAGES = ['bbc-1', 'nytimes-1', 'nytimes-2', 'wapo-1', 'cnn', 'seattletimes-1', 'ars-1'];
const FIXTURE = 'test/fixtures/suggest/xiaomi-results.html';
/** How long a fresh browser is left to finish starting before an injection is timed. */
const SETTLE_MS = 2000;
/** Runs per page: the first is cold (fresh script, as when the popup injects it), the last half warm. */
const RUNS = 12;
/** First runs timed, each in a fresh browser or context: their median says more than one alone. */
const FIRST_RUNS = 5;
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

interface SavedPage {
  name: string;
  html: string;
}

function savedPages(): SavedPage[] {
  const dir = path.join(CORPORA, 'readability');
  if (!existsSync(dir)) {
    console.log(`No ${dir}: timing the test fixture ${FIXTURE} instead of saved news pages.`);
    return [{ name: 'fixture', html: readFileSync(FIXTURE, 'utf8') }];
  }
  return NEWS_PAGES.filter((p) => existsSync(path.join(dir, p, 'source.html'))).map((name) => ({
    name,
    html: readFileSync(path.join(dir, name, 'source.html'), 'utf8'),
  }));
}

/**
 * The longest text the injected script reads (MAX_TEXT_LENGTH characters), made of CoNLL-2003
 * eng.testa's news stories one after another: how the finder copes with a very long page.
 */
function longText(): string | null {
  const file = path.join(CORPORA, 'conll2003', 'eng.testa.docs.jsonl');
  if (!existsSync(file)) return null;
  const texts = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  return texts.join('\n').slice(0, MAX_TEXT_LENGTH);
}

async function timeOnPages(ctx: BenchContext): Promise<void> {
  const pages = savedPages();
  const server = await startStaticServer('test/fixtures');
  const script = await bundleForPage('scripts/bench/suggest-page.ts', 'suggestBench');
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const results: { name: string; ours: Timed; baseline: Timed }[] = [];
    for (const saved of pages) {
      server.route(`/bench/${saved.name}.html`, { body: saved.html, headers: { 'Content-Security-Policy': PAGE_CSP } });
      const page: Page = await browser.newPage();
      await page.goto(server.url(`/bench/${saved.name}.html`), { waitUntil: 'load' });
      // Through DevTools: the page's CSP (no scripts) does not apply to it.
      await page.evaluate(script);
      const ours = await page.evaluate((runs) => {
        const api = (globalThis as unknown as { suggestBench: typeof import('./suggest-page') }).suggestBench;
        return api.timeSuggestions(runs);
      }, RUNS);
      const baseline = await page.evaluate((runs) => {
        const api = (globalThis as unknown as { suggestBench: typeof import('./suggest-page') }).suggestBench;
        return api.timeCapitalisedSequences(runs);
      }, RUNS);
      console.log(`  ${saved.name}: ${ours.names.slice(0, 5).join(', ') || '(nothing)'}`);
      results.push({ name: saved.name, ours, baseline });
      await page.close();
    }
    const long = longText();
    if (long) {
      server.route('/bench/long.html', {
        body: '<!doctype html><title>Long text</title>',
        headers: { 'Content-Security-Policy': PAGE_CSP },
      });
      const page: Page = await browser.newPage();
      await page.goto(server.url('/bench/long.html'));
      await page.evaluate(script);
      const timed = await page.evaluate(
        ([text, runs]) => {
          const api = (globalThis as unknown as { suggestBench: typeof import('./suggest-page') }).suggestBench;
          return api.timeLongText(text, runs);
        },
        [long, RUNS] as const,
      );
      ctx.record({
        name: 'suggest.long_text.ms',
        value: median(timed.ours.ms.slice(RUNS / 2)),
        unit: 'ms',
        baseline: { name: 'capitalised-sequence scan', value: median(timed.baseline.ms.slice(RUNS / 2)) },
      });
      await page.close();
    }
    const typical = results.find((r) => r.name === TYPICAL) ?? results[0];
    if (!typical) return;
    const warm = (t: Timed) => median(t.ms.slice(RUNS / 2));
    const baselineName = 'capitalised-sequence scan';
    ctx.record({
      name: 'suggest.article.ms',
      value: warm(typical.ours),
      unit: 'ms',
      baseline: { name: baselineName, value: warm(typical.baseline) },
    });
    // More first runs, each in a fresh browser context (a renderer of its own, nothing compiled yet).
    const firstRuns = [typical.ours.ms[0] ?? Number.NaN];
    const saved = pages.find((p) => p.name === typical.name);
    for (let i = 1; i < FIRST_RUNS && saved; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url(`/bench/${saved.name}.html`), { waitUntil: 'load' });
      await page.evaluate(script);
      const first = await page.evaluate(() => {
        const api = (globalThis as unknown as { suggestBench: typeof import('./suggest-page') }).suggestBench;
        return api.timeSuggestions(1);
      });
      firstRuns.push(first.ms[0] ?? Number.NaN);
      await context.close();
    }
    console.log(`  first runs on ${typical.name}: ${firstRuns.map((ms) => ms.toFixed(1)).join(', ')} ms`);
    ctx.record({
      name: 'suggest.article.cold_ms',
      value: median(firstRuns),
      unit: 'ms',
      baseline: { name: baselineName, value: typical.baseline.ms[0] ?? Number.NaN },
    });
    ctx.record({
      name: 'suggest.articles.median_ms',
      value: median(results.map((r) => warm(r.ours))),
      unit: 'ms',
      baseline: { name: baselineName, value: median(results.map((r) => warm(r.baseline))) },
    });
    ctx.record({
      name: 'suggest.articles.max_ms',
      value: Math.max(...results.map((r) => warm(r.ours))),
      unit: 'ms',
      baseline: { name: baselineName, value: Math.max(...results.map((r) => warm(r.baseline))) },
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Each tab on a site of its own, so a renderer in which nothing is compiled yet (a page's renderer keeps what it compiled). */
const SITES = '--host-resolver-rules=MAP *.test 127.0.0.1';
/** How long a tab opened after the first is left to load and settle. */
const LATER_SETTLE_MS = 1000;

interface InjectionTimes {
  /** Milliseconds of the popup's first request in this browser (popup-timing.ts). */
  first: number;
  /** The same for the popup opened again over each later tab, each on a site of its own. */
  later: number[];
  /** executeScript of a function returning the title into each later tab. */
  title: number[];
  /** The first tab's main-thread CPU time over the first request (DevTools' ThreadTime). */
  tabCpuMs: number;
}

/**
 * A fresh browser with the built extension and the article open, left to settle; then the popup
 * is opened over it and asks for suggestions as a person's would, timed from outside it (popup-timing.ts: the tab read, the finder loaded and run in the popup,
 * until the suggestions are on screen), with the tab's CPU time over it. Then, `later` times, the
 * article is opened in a new tab on another site, the popup is opened over it and timed the
 * same way, beside executeScript of a function returning the title. With `tracked`, a company
 * is tracked first, so the content script reads the article and keeps it for the suggestions.
 */
async function timeInFreshBrowser(
  server: Awaited<ReturnType<typeof startStaticServer>>,
  later: number,
  tracked: boolean,
): Promise<InjectionTimes> {
  const browser = await launchWithExtension({ args: [SITES] });
  const port = new URL(server.url('/')).port;
  let site = 0;
  const openArticle = async (settleMs: number) => {
    const tab = await browser.context.newPage();
    await tab.goto(`http://site${site++}.test:${port}/suggest/xiaomi-results.html`);
    await tab.waitForTimeout(settleMs);
    return tab;
  };
  try {
    if (tracked) await trackCompany(browser, 'Xiaomi');
    // A person opens the popup in a browser that has finished starting: the launch, the worker's
    // start and the page's load (and its content script) settle first.
    const article = await openArticle(SETTLE_MS);
    const tab = await browser.context.newCDPSession(article);
    await tab.send('Performance.enable');
    const threadTime = async () =>
      (await tab.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
    const cpuBefore = await threadTime();
    const first = await timePopupOver(browser, article);
    const tabCpuMs = ((await threadTime()) - cpuBefore) * 1000;

    // An extension page that asks for nothing by itself, calling the API the popup calls.
    const page = await browser.openExtensionPage('manifest.json');
    const inTab = <T>(url: string, func: string) =>
      page.evaluate(`(async () => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === ${JSON.stringify(url)});
        const began = performance.now();
        const [{ result }] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: ${func} });
        return { result, ms: performance.now() - began };
      })()`) as Promise<{ result: T; ms: number }>;
    if (tracked && !(await page.evaluate<boolean>(probeTabReader(article.url(), 'kept')))) {
      throw new Error('The content script kept no article.');
    }
    const times: InjectionTimes = { first, later: [], title: [], tabCpuMs };
    for (let i = 0; i < later; i++) {
      const next = await openArticle(LATER_SETTLE_MS);
      await next.bringToFront();
      times.later.push(await timePopupOver(browser, next));
      times.title.push((await inTab<string>(next.url(), '() => document.title')).ms);
      await next.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function timeInjection(ctx: BenchContext): Promise<void> {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const server = await startStaticServer('test/fixtures');
  try {
    const baseline = 'executeScript returning the title';
    if (ctx.wants('suggest.inject.ms')) {
      const timings = await timeInFreshBrowser(server, RUNS, false);
      console.log(
        `  the popup opened over ${RUNS} more tabs: ${timings.later.map((ms) => ms.toFixed(1)).join(', ')} ms`,
      );
      ctx.record({
        name: 'suggest.inject.ms',
        value: median(timings.later),
        unit: 'ms',
        baseline: { name: baseline, value: median(timings.title) },
      });
    }
    const firsts = async (tracked: boolean) => {
      const runs: InjectionTimes[] = [];
      for (let i = 0; i < FIRST_RUNS; i++) runs.push(await timeInFreshBrowser(server, 1, tracked));
      const script = runs.map((r) => r.first);
      const cpu = runs.map((r) => r.tabCpuMs);
      const list = (values: number[]) => values.map((ms) => ms.toFixed(1)).join(', ');
      console.log(`  first requests${tracked ? ', article kept by the content script' : ''}: ${list(script)} ms`);
      console.log(`    the tab's CPU time in them: ${list(cpu)} ms`);
      return {
        script: median(script),
        cpu: median(cpu),
        title: median(runs.map((r) => r.title[0] ?? Number.NaN)),
      };
    };
    const recordFirsts = (name: string, first: Awaited<ReturnType<typeof firsts>>) => {
      ctx.record({ name, value: first.script, unit: 'ms', baseline: { name: baseline, value: first.title } });
      ctx.record({
        name: name.replace('_ms', '_cpu_ms'),
        value: first.cpu,
        unit: 'ms',
        baseline: { name: 'its wall time', value: first.script },
      });
    };
    // Nothing tracked yet (a new user): the content script has read nothing, its reader reads the page then.
    if (ctx.wants('suggest.inject.first_ms')) recordFirsts('suggest.inject.first_ms', await firsts(false));
    if (ctx.wants('suggest.inject.first_kept_ms')) recordFirsts('suggest.inject.first_kept_ms', await firsts(true));
  } finally {
    await server.close();
  }
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    const stat = statSync(file);
    total += stat.isDirectory() ? directoryBytes(file) : stat.size;
  }
  return total;
}

/** Stand-ins that leave the popup and the content script as they were before suggestions existed. */
const WITHOUT_SUGGESTIONS: Record<string, string> = {
  'components/SuggestedCompanies.tsx': 'export function SuggestedCompanies(_props: unknown) {\n  return null;\n}\n',
  'utils/suggest/suggestion.ts':
    'export interface CompanySuggestion { name: string; aliases: string[]; mentions: number; score: number }\n',
  'utils/suggest/suggester.ts': 'export const loadSuggester = async () => (_input: unknown) => [];\n',
  'utils/suggest/page.ts':
    'export const MAX_TEXT_LENGTH = 0;\n' +
    'export const readPageForSuggestions = (_document: unknown, url: string) => ({ text: "", url });\n',
  'utils/suggest/tab-reading.ts':
    'export const offerTabReader = (_read: unknown) => undefined;\n' +
    'export const readTabArticle = async (_tabId: number) => null;\n',
  'utils/content/kept-article.ts':
    'export const createKeptArticle = (_env: unknown) => ({\n' +
    '  judged: (_url: string, _isArticle: boolean) => undefined,\n' +
    '  keep: (_url: string, _story: unknown) => undefined,\n' +
    '  readWhenIdle: (_url: string) => undefined,\n' +
    '  reading: () => null,\n' +
    '});\n',
};

/** Builds a copy of the working tree, with or without the suggestion feature, and sizes its output. */
function builtBytes(withSuggestions: boolean): number {
  const copy = mkdtempSync(path.join(tmpdir(), 'news-tracker-size-'));
  try {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.length > 0 && existsSync(f));
    for (const file of files) {
      mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      cpSync(file, path.join(copy, file));
    }
    symlinkSync(path.resolve('node_modules'), path.join(copy, 'node_modules'));
    if (!withSuggestions) {
      rmSync(path.join(copy, 'entrypoints/suggest-read.ts'));
      for (const [file, text] of Object.entries(WITHOUT_SUGGESTIONS)) writeFileSync(path.join(copy, file), text);
    }
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: copy, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`wxt build failed in ${copy}:\n${build.stdout}${build.stderr}`);
    return directoryBytes(path.join(copy, '.output/chrome-mv3'));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

const suggestBench: BenchModule = {
  title: 'Company suggestions: time in the tab, injection, size',
  // Whole figure names, so that `--only suggest.bytes` (a pattern longer than a bare prefix) selects this module.
  prefixes: [
    'suggest.article.ms',
    'suggest.article.cold_ms',
    'suggest.articles.',
    'suggest.long_text.ms',
    'suggest.inject.',
    'suggest.bytes',
  ],
  async run(ctx) {
    const onPages = [
      'suggest.article.ms',
      'suggest.article.cold_ms',
      'suggest.articles.median_ms',
      'suggest.articles.max_ms',
      'suggest.long_text.ms',
    ];
    if (onPages.some((n) => ctx.wants(n))) await timeOnPages(ctx);
    if (['suggest.inject.ms', 'suggest.inject.first_ms', 'suggest.inject.first_kept_ms'].some((n) => ctx.wants(n))) {
      await timeInjection(ctx);
    }
    if (ctx.wants('suggest.bytes')) {
      const without = builtBytes(false);
      const withSuggestions = builtBytes(true);
      ctx.record({
        name: 'suggest.bytes',
        value: withSuggestions - without,
        unit: 'bytes',
        baseline: { name: 'whole extension without suggestions', value: without },
      });
    }
  },
};

export default suggestBench;
