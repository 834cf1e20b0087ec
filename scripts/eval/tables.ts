/**
 * Rows of the article evaluation's tables, News Tracker beside Readability on the same runs:
 * field agreement (title, byline, site name, published time) and article detection. A field is
 * scored only on pages whose collection labels it (news-dev says which fields per page).
 * Set NEWS_TRACKER_EVAL_VERBOSE=1 to list every disagreement.
 */
import type { ExpectedMetadata } from './corpora';
import type { PageRun } from './page-run';
import { type Counts, emptyCounts, precisionRecallF1, sameByline, sameText, sameTime, tally } from './scoring';

export const FIELDS = ['title', 'byline', 'siteName', 'publishedTime'] as const;
export type Field = (typeof FIELDS)[number];

const SCORERS: Record<Field, (e: string | null | undefined, a: string | null | undefined) => boolean> = {
  title: sameText,
  byline: sameByline,
  siteName: sameText,
  publishedTime: sameTime,
};

const verbose = process.env.NEWS_TRACKER_EVAL_VERBOSE === '1';

export function percent(right: number, total: number): string {
  return total === 0 ? '–' : `${((100 * right) / total).toFixed(1)}% (${right}/${total})`;
}

function expectedOf(run: PageRun, field: Field): string | null {
  return (run.page.expected as ExpectedMetadata)[field] ?? null;
}

/** Whether the page has ground truth for the field. */
export function isLabelled(run: PageRun, field: Field): boolean {
  if (run.page.expected === null) return false;
  return run.page.labelled ? run.page.labelled.includes(field) : true;
}

export function isRight(run: PageRun, field: Field, side: 'ours' | 'baseline'): boolean {
  return SCORERS[field](expectedOf(run, field), run[side][field]);
}

/** One row: how often each side gets `field` right on the labelled pages of `runs`. */
export function fieldRow(label: string, field: Field, runs: readonly PageRun[]): string {
  const scored = runs.filter((r) => isLabelled(r, field));
  const right = (side: 'ours' | 'baseline') => scored.filter((r) => isRight(r, field, side)).length;
  if (verbose) {
    for (const r of scored) {
      if (isRight(r, field, 'ours')) continue;
      console.log(
        `  ✗ ${r.page.id} ${field}: expected ${JSON.stringify(expectedOf(r, field))}, got ${JSON.stringify(r.ours[field])}`,
      );
    }
  }
  return `| ${label} | ${field} | ${scored.length} | ${percent(right('ours'), scored.length)} | ${percent(right('baseline'), scored.length)} |`;
}

/** Rows for every field, on all labelled pages and on those whose expectation is not empty. */
export function fieldRows(label: string, runs: readonly PageRun[], fields: readonly Field[] = FIELDS): string[] {
  return fields.flatMap((field) => [
    fieldRow(`${label}, all`, field, runs),
    fieldRow(
      `${label}, with a value`,
      field,
      runs.filter((r) => expectedOf(r, field) !== null),
    ),
  ]);
}

function show(c: Counts): string {
  const m = precisionRecallF1(c);
  const falseRate = c.fp + c.tn === 0 ? 0 : c.fp / (c.fp + c.tn);
  return `R ${m.recall.toFixed(3)}, others taken ${(100 * falseRate).toFixed(1)}% (tp ${c.tp} fn ${c.fn} fp ${c.fp} tn ${c.tn})`;
}

/** Detection: recall on articles and the share of other pages taken for articles, both sides. */
export function detectionRow(label: string, runs: readonly PageRun[]): string {
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
  return `| ${label} | ${ours.tp + ours.fn} articles, ${ours.fp + ours.tn} not | ${show(ours)} | ${show(baseline)} |`;
}

/** `detectionRow` for each value of `key`, biggest groups first. */
export function groupedDetectionRows(prefix: string, runs: readonly PageRun[], key: (r: PageRun) => string): string[] {
  const groups = new Map<string, PageRun[]>();
  for (const r of runs) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([name, list]) => detectionRow(`${prefix} ${name}`, list));
}
