/**
 * Article detection and story extraction on the readability and non-articles collections,
 * beside @mozilla/readability 0.6 run on the same pages in the same run (title, byline, siteName
 * and publishedTime from `parse()`, article-or-not from `isProbablyReaderable`).
 *
 * The readability pages' expectations were produced by Readability itself, so on them the
 * fields are agreement, not accuracy. Detection uses page-types.csv (synthetic fixtures left
 * out) plus every page of non-articles/ as a non-article; the shipped detector was trained on
 * these pages, so its figures here are not a test (detector.eval.ts cross-validates it).
 * Each page is served at its real address, as a browser would show it to the content script:
 * the one non-articles/labels.csv gives, else the one the page declares (`link[rel=canonical]`,
 * then `og:url`), else Readability's test address or a neutral one (corpora.ts).
 */
import type { EvalModule } from '../eval';
import { median } from '../lib/figures';
import { nonArticlePages, readabilityPages } from './corpora';
import { type PageRun, runPages } from './page-run';
import { detectionRow, fieldRows } from './tables';

function timingRow(runs: PageRun[]): string {
  const ours = median(runs.map((r) => r.oursMs));
  const baseline = median(runs.map((r) => r.baselineMs));
  const parse = median(runs.map((r) => r.parseMs));
  return `| all pages | time per page (median, jsdom) | ${runs.length} | ${ours.toFixed(2)} ms (detect+extract+classify) | ${baseline.toFixed(2)} ms (isProbablyReaderable+parse); jsdom parse alone ${parse.toFixed(1)} ms |`;
}

const articleEval: EvalModule = {
  title: 'Articles: readability and non-articles (News Tracker vs @mozilla/readability 0.6, same pages, same run)',
  async run(corporaDir) {
    const readability = readabilityPages(corporaDir);
    const real = runPages(readability.filter((p) => p.isArticle !== null));
    const synthetic = runPages(readability.filter((p) => p.isArticle === null));
    const nonArticles = runPages(nonArticlePages(corporaDir));
    process.stderr.write('\n');
    console.log(
      [
        '| corpus | field | pages | News Tracker | Readability 0.6 |',
        '| --- | --- | --- | --- | --- |',
        ...fieldRows('readability (real pages), agreement', real),
        ...fieldRows('readability (synthetic), agreement', synthetic),
        timingRow([...real, ...synthetic, ...nonArticles]),
        '',
        '| pages | counted | News Tracker (trained on these pages) | Readability 0.6 |',
        '| --- | --- | --- | --- |',
        detectionRow('readability real pages', real),
        detectionRow('non-articles', nonArticles),
        detectionRow('readability real + non-articles', [...real, ...nonArticles]),
      ].join('\n'),
    );
  },
};

export default articleEval;
