/**
 * Thirty real saved pages from ../shared/corpora (news articles in several languages, and home
 * pages, section fronts, docs, shops, forums, login and video pages), loaded in Firefox with
 * News Tracker tracking a few companies and highlighting on every page: none may raise an error
 * from the extension. Read from the corpora at test time, never copied into the repository.
 *
 * The pages are served from 127.0.0.1 under a policy that lets them load nothing from elsewhere
 * and run none of their own scripts (their publishers' scripts would reach for the internet and
 * navigate away), so what runs on them is the saved page and News Tracker.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPORA, HAVE_CORPORA } from '../support/corpora';
import { type FirefoxHarness, startFirefoxHarness } from './harness';

const KEEP_TO_ITSELF = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** `count` items spread evenly over `items` (the same ones every run). */
function spread<T>(items: T[], count: number): T[] {
  return Array.from(
    { length: Math.min(count, items.length) },
    (_, i) => items[Math.floor((i * items.length) / count)] as T,
  );
}

/** Corpus-relative paths of the sample: 15 pages from news-dev, 6 from readability, 9 from non-articles. */
function samplePages(): string[] {
  const newsDev = readFileSync(path.join(CORPORA, 'news-dev/labels.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { file: string; isArticle: boolean });
  const readability = readFileSync(path.join(CORPORA, 'readability/page-types.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter(([page, label]) => page && label !== 'synthetic');
  const nonArticles = readFileSync(path.join(CORPORA, 'non-articles/labels.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0] ?? '')
    .filter((file) => file.endsWith('.html'));
  return [
    ...spread(
      newsDev.filter((p) => p.isArticle),
      10,
    ).map((p) => `news-dev/${p.file}`),
    ...spread(
      newsDev.filter((p) => !p.isArticle),
      5,
    ).map((p) => `news-dev/${p.file}`),
    ...spread(
      readability.filter(([, label]) => label === 'article'),
      4,
    ).map(([page]) => `readability/${page}/source.html`),
    ...spread(
      readability.filter(([, label]) => label !== 'article'),
      2,
    ).map(([page]) => `readability/${page}/source.html`),
    ...spread(nonArticles, 9).map((file) => `non-articles/${file}`),
  ];
}

describe.skipIf(!HAVE_CORPORA)('real pages in Firefox', () => {
  let harness: FirefoxHarness;

  beforeAll(async () => {
    harness = await startFirefoxHarness();
    const options = await harness.openOptions();
    await options.pasteCompanies(['Google', 'Apple', 'Microsoft', 'Amazon', 'Facebook', 'Reuters']);
    await options.chooseHighlights('On every page');
    await options.page.close();
  });
  afterAll(async () => harness?.close());

  it('loads thirty of them with no error from the extension', async () => {
    const sample = samplePages();
    expect(sample).toHaveLength(30);
    const page = await harness.firefox.browser.newPage();
    const highlighted: string[] = [];
    for (const [i, file] of sample.entries()) {
      harness.server.route(`/real/${i}.html`, {
        body: readFileSync(path.join(CORPORA, file), 'utf8'),
        headers: { 'content-security-policy': KEEP_TO_ITSELF },
      });
      await page.goto(harness.server.url(`/real/${i}.html`));
      // Time for the content script to read the page and paint (it starts once the page is idle).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if ((await page.evaluate(() => CSS.highlights.size)) > 0) highlighted.push(file);
    }
    // The pages run no script of their own, so an error here is News Tracker's.
    expect(harness.errors.errors()).toEqual([]);
    // The content script ran through to its end on these pages (the check above is not vacuous).
    expect(highlighted.length, `pages with highlights: ${highlighted.join(', ')}`).toBeGreaterThanOrEqual(5);
  });
});
