/**
 * The article detector, cross-validated on every page of readability, non-articles and
 * news-dev: each page judged by a model trained (test/support/detector-training.ts, the code
 * `npm run train:detector` ships) without any page of its site, with a threshold chosen
 * without it too. Pages the cheap checks stop count as not articles, as in the extension.
 * With a few hundred pages, one split of the sites into folds can be lucky or unlucky by a
 * handful of pages: the figures are also given over several splits, and at thresholds moved
 * either way over all of them (the trade between stories missed and other pages taken for
 * stories). The per-collection table is the first split's. NEWS_TRACKER_DETECTOR_SPLITS=60 adds
 * that many more splits (seeds 0 to 59), their first half and second half apart, so a change
 * tuned on one half can be confirmed on the other, and the pages called wrongly most often.
 */

import {
  crossValidate,
  DEFAULT_OPTIONS,
  type DetectorExample,
  type Prediction,
} from '../../test/support/detector-training';
import type { EvalModule } from '../eval';
import { detectionTable } from '../lib/detector-report';
import { detectorPages } from '../train-detector';
import { runPages } from './page-run';

const SPLIT_SEEDS = [DEFAULT_OPTIONS.seed, 1, 2, 3, 4];
const MANY_SPLITS = Number(process.env.NEWS_TRACKER_DETECTOR_SPLITS ?? 0);
/** A page is listed when called wrongly in at least this share of the many splits. */
const OFTEN_WRONG = 0.1;
const SHIFTS = [-1, -0.5, 0, 0.5, 1, 2];

/** Stories found and other pages taken for stories, with the threshold moved by `shift` log-odds. */
function counts(predictions: readonly Prediction[], shift = 0) {
  const firm = predictions.filter((p) => !p.example.borderline);
  const called = (p: Prediction) => p.example.declaredNews || (!Number.isNaN(p.margin) && p.margin >= shift);
  const articles = firm.filter((p) => p.example.isArticle);
  const others = firm.filter((p) => !p.example.isArticle);
  return {
    found: articles.filter(called).length,
    articles: articles.length,
    wrong: others.filter(called).length,
    others: others.length,
  };
}

type Counts = ReturnType<typeof counts>;

function summed(list: readonly Counts[]): Counts {
  const total = { found: 0, articles: 0, wrong: 0, others: 0 };
  for (const c of list) for (const key of Object.keys(total) as Array<keyof Counts>) total[key] += c[key];
  return total;
}

function share(part: number, whole: number): string {
  return `${(part / whole).toFixed(3)} (${part}/${whole})`;
}

/** The many-split figures: each half of the seeds, all of them, and the pages most often wrong. */
function manySplits(examples: readonly DetectorExample[], count: number): void {
  const seeds = Array.from({ length: count }, (_, i) => i);
  const splits = seeds.map((seed) => crossValidate(examples, { ...DEFAULT_OPTIONS, seed }));
  const half = Math.ceil(count / 2);
  console.log(`\n| ${count} more splits (seeds) | recall | false-article rate |\n| --- | --- | --- |`);
  for (const [label, part] of [
    [`0-${half - 1}`, splits.slice(0, half)],
    [`${half}-${count - 1}`, splits.slice(half)],
    ['all', splits],
  ] as const) {
    const c = summed(part.map((predictions) => counts(predictions)));
    console.log(`| ${label} | ${share(c.found, c.articles)} | ${share(c.wrong, c.others)} |`);
  }
  const wrong = new Map<string, number>();
  for (const p of splits.flat()) {
    if (p.example.borderline || p.isArticle === p.example.isArticle) continue;
    const key = `${p.example.isArticle ? 'missed article' : 'false article'}: ${p.example.corpus}/${p.example.id}`;
    wrong.set(key, (wrong.get(key) ?? 0) + 1);
  }
  console.log(`\nCalled wrongly in at least ${OFTEN_WRONG * 100}% of the ${count} splits:`);
  for (const [key, times] of [...wrong].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if (times >= OFTEN_WRONG * count) console.log(`  ✗ ${key} (${times}/${count})`);
  }
}

const detectorEval: EvalModule = {
  title: `Article detection, cross-validated: ${DEFAULT_OPTIONS.folds} folds grouped by site, readability + non-articles + news-dev`,
  async run(corporaDir) {
    const examples = runPages(detectorPages(corporaDir)).map((r) => r.example);
    process.stderr.write('\n');
    const splits = SPLIT_SEEDS.map((seed) => crossValidate(examples, { ...DEFAULT_OPTIONS, seed }));
    console.log(detectionTable(splits[0] ?? []));
    console.log(
      `\n| threshold moved by (log-odds), all ${SPLIT_SEEDS.length} splits | recall | false-article rate |\n| --- | --- | --- |`,
    );
    for (const shift of SHIFTS) {
      const c = summed(splits.map((predictions) => counts(predictions, shift)));
      console.log(`| ${shift > 0 ? '+' : ''}${shift} | ${share(c.found, c.articles)} | ${share(c.wrong, c.others)} |`);
    }
    console.log('\n| split of the sites (seed) | recall | false-article rate |\n| --- | --- | --- |');
    splits.forEach((predictions, i) => {
      const c = counts(predictions);
      console.log(`| ${SPLIT_SEEDS[i]} | ${share(c.found, c.articles)} | ${share(c.wrong, c.others)} |`);
    });
    const total = summed(splits.map((predictions) => counts(predictions)));
    console.log(
      `| **all ${SPLIT_SEEDS.length}** | ${share(total.found, total.articles)} | ${share(total.wrong, total.others)} |`,
    );
    if (MANY_SPLITS > 0) manySplits(examples, MANY_SPLITS);
  },
};

export default detectorEval;
