/**
 * One evaluation run of a saved page: News Tracker's analysis (the extension's own code), the
 * detector's features (for cross-validation) and @mozilla/readability 0.6 on the same parsed
 * page, with timings. Runs are kept for the rest of the process, so the evaluation modules that
 * share a collection parse each page once.
 */
import { performance } from 'node:perf_hooks';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { DetectorExample } from '../../test/support/detector-training';
import { analyzeDocument, type PageAnalysis } from '../lib/analyze-page';
import { readHtmlFile, withDocument } from '../lib/html-file';
import { exampleOf } from '../train-detector';
import type { CorpusPage } from './corpora';

export interface BaselineResult {
  isArticle: boolean;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

export interface PageRun {
  page: CorpusPage;
  ours: PageAnalysis;
  baseline: BaselineResult;
  example: DetectorExample;
  oursMs: number;
  baselineMs: number;
  parseMs: number;
}

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
    const example = exampleOf(page, document);
    const featured = performance.now();
    const baseline = runBaseline(document);
    const done = performance.now();
    return {
      page,
      ours,
      baseline,
      example,
      parseMs: parsed - started,
      oursMs: analysed - parsed,
      baselineMs: done - featured,
    };
  });
  process.stderr.write('.');
  return run;
}

const runs = new Map<string, PageRun>();

/** The runs of `pages`, each page parsed once per process. */
export function runPages(pages: readonly CorpusPage[]): PageRun[] {
  return pages.map((page) => {
    const key = `${page.file} ${page.url}`;
    let run = runs.get(key);
    if (!run) {
      run = runPage(page);
      runs.set(key, run);
    }
    return run;
  });
}
