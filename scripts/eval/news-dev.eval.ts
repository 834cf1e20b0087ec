/**
 * news-dev: 198 news articles from 176 publishers in 24 languages and 92 pages of news sites
 * that are not articles, beside @mozilla/readability 0.6 on the same pages in the same run.
 * Scored as the collection's README says: a field only where the page's `labelled` lists it
 * (bylines that name an agency or desk are kept as the source expects them), borderline pages
 * (debatable article-or-not calls) apart from the detection totals, and results per source,
 * since label quality differs by source. The shipped detector was trained on these pages:
 * detector.eval.ts gives its cross-validated figures.
 */
import type { EvalModule } from '../eval';
import { newsDevPages } from './corpora';
import { type PageRun, runPages } from './page-run';
import { detectionRow, fieldRow, groupedDetectionRows } from './tables';

const FIELDS = ['title', 'byline', 'publishedTime'] as const;

/** Field rows for each value of `key`, biggest groups first. */
function groupedFieldRows(prefix: string, runs: readonly PageRun[], key: (r: PageRun) => string): string[] {
  const groups = new Map<string, PageRun[]>();
  for (const r of runs) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .flatMap(([name, list]) => FIELDS.map((field) => fieldRow(`${prefix} ${name}`, field, list)));
}

const newsDevEval: EvalModule = {
  title: 'Articles: news-dev (News Tracker vs @mozilla/readability 0.6, same pages, same run)',
  async run(corporaDir) {
    const runs = runPages(newsDevPages(corporaDir));
    process.stderr.write('\n');
    const articles = runs.filter((r) => r.page.isArticle);
    const firm = runs.filter((r) => !r.page.borderline);
    const language = (r: PageRun) => r.page.lang ?? 'unknown';
    console.log(
      [
        '| pages | field | labelled | News Tracker | Readability 0.6 |',
        '| --- | --- | --- | --- | --- |',
        ...FIELDS.map((field) => fieldRow('all articles', field, articles)),
        ...FIELDS.map((field) =>
          fieldRow(
            'all articles, with a value',
            field,
            articles.filter((r) => r.page.expected?.[field] !== null),
          ),
        ),
        ...groupedFieldRows('source', articles, (r) => r.page.source ?? 'unknown'),
        ...FIELDS.map((field) =>
          fieldRow(
            'English',
            field,
            articles.filter((r) => r.page.lang === 'en'),
          ),
        ),
        ...FIELDS.map((field) =>
          fieldRow(
            'other languages',
            field,
            articles.filter((r) => r.page.lang !== 'en'),
          ),
        ),
        ...groupedFieldRows(
          'language',
          articles.filter((r) => r.page.lang !== 'en'),
          language,
        ),
        '',
        '| pages | counted | News Tracker (trained on these pages) | Readability 0.6 |',
        '| --- | --- | --- | --- |',
        detectionRow('**all** (borderline left out)', firm),
        ...groupedDetectionRows('type', firm, (r) => r.page.kind),
        ...groupedDetectionRows('language', firm, language),
        ...groupedDetectionRows('source', firm, (r) => r.page.source ?? 'unknown'),
        detectionRow(
          'borderline pages (apart)',
          runs.filter((r) => r.page.borderline),
        ),
      ].join('\n'),
    );
  },
};

export default newsDevEval;
