/**
 * Company suggestions (issue 8) in real Chromium:
 *   - suggest.article.ms: the injected script's work on a typical news article (bbc-1 of the
 *     readability corpus, as the highlight benchmark uses), median of the warm runs (the last
 *     half: JavaScript needs a few runs to be compiled optimally), beside the capitalised-sequence
 *     baseline on the same page; `.cold_ms` is the first run (model inflated, nothing optimised
 *     yet), which is what a person waits for each time the popup opens;
 *     suggest.articles.*: the same over several saved news pages;
 *   - suggest.inject.ms: what the popup waits for, executeScript of suggest.js into a tab of the
 *     built extension, beside executeScript of a function returning the title;
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
import { MAX_TEXT_LENGTH } from '../../utils/suggest/page';
import type { BenchContext, BenchModule } from '../bench';
import { bundleForPage } from '../lib/bundle';
import { findChromium, launchWithExtension } from '../lib/chromium';
import { median } from '../lib/figures';
import { startStaticServer } from '../lib/static-server';
import { pressToolbarButton, TOOLBAR_SWITCH } from '../lib/toolbar';
import type { Timed } from './suggest-page';

const CORPORA = path.resolve(process.env.NEWS_TRACKER_CORPORA ?? '../shared/corpora');
const TYPICAL = 'bbc-1';
const NEWS_PAGES = ['bbc-1', 'nytimes-1', 'nytimes-2', 'wapo-1', 'cnn', 'seattletimes-1', 'ars-1'];
const FIXTURE = 'test/fixtures/suggest/xiaomi-results.html';
/** Runs per page: the first is cold (fresh script, as when the popup injects it), the last half warm. */
const RUNS = 12;
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
    ctx.record({
      name: 'suggest.article.cold_ms',
      value: typical.ours.ms[0] ?? Number.NaN,
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

async function timeInjection(ctx: BenchContext): Promise<void> {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const server = await startStaticServer('test/fixtures');
  const browser = await launchWithExtension({ args: [TOOLBAR_SWITCH] });
  try {
    const article = await browser.context.newPage();
    await article.goto(server.url('/suggest/xiaomi-results.html'));
    await pressToolbarButton(browser, article);
    const popup = await browser.openExtensionPage('popup.html');
    await article.bringToFront();
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    const timings = (await popup.evaluate(`(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      const target = { tabId: tab.id };
      const script = [];
      const title = [];
      for (let i = 0; i < ${RUNS}; i++) {
        let began = performance.now();
        await chrome.scripting.executeScript({ target, files: ['/suggest.js'] });
        script.push(performance.now() - began);
        began = performance.now();
        await chrome.scripting.executeScript({ target, func: () => document.title });
        title.push(performance.now() - began);
      }
      return { script, title };
    })()`)) as { script: number[]; title: number[] };
    ctx.record({
      name: 'suggest.inject.ms',
      value: median(timings.script),
      unit: 'ms',
      baseline: { name: 'executeScript returning the title', value: median(timings.title) },
    });
    ctx.record({
      name: 'suggest.inject.first_ms',
      value: timings.script[0] ?? Number.NaN,
      unit: 'ms',
      baseline: { name: 'executeScript returning the title', value: timings.title[0] ?? Number.NaN },
    });
  } finally {
    await browser.close();
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

/** Stand-ins that leave the popup as it was before suggestions existed. */
const WITHOUT_SUGGESTIONS: Record<string, string> = {
  'components/SuggestedCompanies.tsx': 'export function SuggestedCompanies(_props: unknown) {\n  return null;\n}\n',
  'utils/suggest/suggestion.ts':
    'export interface CompanySuggestion { name: string; aliases: string[]; mentions: number; score: number }\n' +
    'export const validateSuggestions = (_raw: unknown): CompanySuggestion[] => [];\n',
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
      rmSync(path.join(copy, 'entrypoints/suggest.ts'));
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
    if (['suggest.inject.ms', 'suggest.inject.first_ms'].some((n) => ctx.wants(n))) await timeInjection(ctx);
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
