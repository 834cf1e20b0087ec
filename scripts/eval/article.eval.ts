/**
 * Article detection and story extraction on real pages, beside @mozilla/readability 0.6 run on
 * the same pages in the same run (title, byline, siteName and publishedTime from `parse()`,
 * article-or-not from `isProbablyReaderable`).
 *
 * The readability pages' expectations were produced by Readability itself, so on them the
 * fields are agreement, not accuracy. Detection precision and recall use page-types.csv
 * (synthetic fixtures left out) plus every page of non-articles/ as a non-article.
 * Each page is served at its real address, as a browser would show it to the content script:
 * the one non-articles/labels.csv gives, else the one the page declares (`link[rel=canonical]`,
 * then `og:url`), else Readability's test address or a neutral one (corpora.ts).
 * Set NEWS_TRACKER_EVAL_VERBOSE=1 to list every disagreement.
 */
import { performance } from 'node:perf_hooks';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { EvalModule } from '../eval';
import { analyzeDocument, type PageAnalysis } from '../lib/analyze-page';
import { median } from '../lib/figures';
import { readHtmlFile, withDocument } from '../lib/html-file';
import { type CorpusPage, type ExpectedMetadata, nonArticlePages, readabilityPages } from './corpora';
import { type Counts, emptyCounts, precisionRecallF1, sameByline, sameText, sameTime, tally } from './scoring';

interface BaselineResult {
  isArticle: boolean;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

interface PageRun {
  page: CorpusPage;
  ours: PageAnalysis;
  baseline: BaselineResult;
  oursMs: number;
  baselineMs: number;
  parseMs: number;
}

const FIELDS = ['title', 'byline', 'siteName', 'publishedTime'] as const;
type Field = (typeof FIELDS)[number];
const SCORERS: Record<Field, (e: string | null | undefined, a: string | null | undefined) => boolean> = {
  title: sameText,
  byline: sameByline,
  siteName: sameText,
  publishedTime: sameTime,
};

const verbose = process.env.NEWS_TRACKER_EVAL_VERBOSE === '1';

/** Readability on the same parsed page (after ours: `parse()` rewrites the document). */
function runBaseline(document: Document): BaselineResult {
  const isArticle = isProbablyReaderable(document);
  const parsed = new Readability(document).parse();
  return {
    isArticle,
    title: parsed?.title ?? null,
    byline: parsed?.byline ?? null,
    siteName: parsed?.siteName ?? null,
    publishedTime: parsed?.publishedTime ?? null,
  };
}

function runPage(page: CorpusPage): PageRun {
  const html = readHtmlFile(page.file);
  const started = performance.now();
  const run = withDocument(html, page.url, (document) => {
    const parsed = performance.now();
    const ours = analyzeDocument(document, page.url);
    const analysed = performance.now();
    const baseline = runBaseline(document);
    const done = performance.now();
    return {
      page,
      ours,
      baseline,
      parseMs: parsed - started,
      oursMs: analysed - parsed,
      baselineMs: done - analysed,
    };
  });
  process.stderr.write('.');
  return run;
}

function percent(right: number, total: number): string {
  return total === 0 ? '–' : `${((100 * right) / total).toFixed(1)}% (${right}/${total})`;
}

function fieldRows(label: string, runs: PageRun[]): string[] {
  const rows: string[] = [];
  for (const field of FIELDS) {
    const scored = runs.filter((r) => r.page.expected !== null);
    const expected = (r: PageRun) => (r.page.expected as ExpectedMetadata)[field] ?? null;
    const withValue = scored.filter((r) => expected(r) !== null);
    const score = (subset: PageRun[], pick: (r: PageRun) => string | null) =>
      subset.filter((r) => SCORERS[field](expected(r), pick(r))).length;
    rows.push(
      `| ${label} | ${field} | all ${scored.length} | ${percent(
        score(scored, (r) => r.ours[field]),
        scored.length,
      )} | ${percent(
        score(scored, (r) => r.baseline[field]),
        scored.length,
      )} |`,
    );
    rows.push(
      `| ${label} | ${field} | with a value ${withValue.length} | ${percent(
        score(withValue, (r) => r.ours[field]),
        withValue.length,
      )} | ${percent(
        score(withValue, (r) => r.baseline[field]),
        withValue.length,
      )} |`,
    );
    if (verbose) {
      for (const r of scored) {
        if (!SCORERS[field](expected(r), r.ours[field])) {
          console.log(
            `  ✗ ${r.page.id} ${field}: expected ${JSON.stringify(expected(r))}, got ${JSON.stringify(r.ours[field])}`,
          );
        }
      }
    }
  }
  return rows;
}

function detectionRow(label: string, runs: PageRun[]): string[] {
  const ours: Counts = emptyCounts();
  const baseline: Counts = emptyCounts();
  for (const r of runs) {
    if (r.page.isArticle === null) continue;
    tally(ours, r.page.isArticle, r.ours.isArticle);
    tally(baseline, r.page.isArticle, r.baseline.isArticle);
    if (verbose && r.page.isArticle !== r.ours.isArticle) {
      console.log(`  ✗ ${r.page.id} (${r.page.kind}): expected ${r.page.isArticle ? 'article' : 'not article'}`);
    }
  }
  const show = (c: Counts) => {
    const m = precisionRecallF1(c);
    return `P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} (tp ${c.tp} fp ${c.fp} fn ${c.fn} tn ${c.tn})`;
  };
  return [
    `| ${label} | article detection | ${ours.tp + ours.fn} articles, ${ours.fp + ours.tn} not | ${show(ours)} | ${show(baseline)} |`,
  ];
}

function timingRow(runs: PageRun[]): string {
  const ours = median(runs.map((r) => r.oursMs));
  const baseline = median(runs.map((r) => r.baselineMs));
  const parse = median(runs.map((r) => r.parseMs));
  return `| all pages | time per page (median, jsdom) | ${runs.length} | ${ours.toFixed(2)} ms (detect+extract+classify) | ${baseline.toFixed(2)} ms (isProbablyReaderable+parse); jsdom parse alone ${parse.toFixed(1)} ms |`;
}

const articleEval: EvalModule = {
  title: 'Articles: detection and extraction (News Tracker vs @mozilla/readability 0.6, same pages, same run)',
  async run(corporaDir) {
    const readability = readabilityPages(corporaDir);
    const nonArticles = nonArticlePages(corporaDir);
    const runs = new Map<string, PageRun[]>();
    for (const [name, pages] of [
      ['readability (real pages)', readability.filter((p) => p.isArticle !== null)],
      ['readability (synthetic)', readability.filter((p) => p.isArticle === null)],
      ['non-articles', nonArticles],
    ] as const) {
      runs.set(name, pages.map(runPage));
    }
    const lines = [
      '| corpus | field | pages | News Tracker | Readability 0.6 |',
      '| --- | --- | --- | --- | --- |',
      ...fieldRows('readability (real pages), agreement', runs.get('readability (real pages)') ?? []),
      ...fieldRows('readability (synthetic), agreement', runs.get('readability (synthetic)') ?? []),
      ...detectionRow('readability real + non-articles', [
        ...(runs.get('readability (real pages)') ?? []),
        ...(runs.get('non-articles') ?? []),
      ]),
      timingRow([...runs.values()].flat()),
    ];
    console.log(lines.join('\n'));
  },
};

export default articleEval;
