/**
 * Business classification on BBC News (../shared/corpora/bbc-news/train.jsonl), business vs the
 * four other sections, by 5-fold cross-validation: each fold's model is trained only on the
 * other four folds by the repository's training script (`trainBusinessModel`), then scored
 * through `classifyBusiness`, the function the extension calls. Reported on the full stories,
 * on headline plus first paragraph (what a teaser, a lead or a feed item gives) and on the
 * headline alone (what some feeds give), beside a baseline that calls a story business when it
 * names a business word (the skeleton's rule).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { classifyBusiness } from '../../utils/article/classify';
import { createTextModel } from '../../utils/article/text-model';
import type { EvalModule } from '../eval';
import { type LabelledText, readLabelledTexts, shortText, trainBusinessModel } from '../train-classifier';
import { type Counts, emptyCounts, precisionRecallF1, tally } from './scoring';

const FOLDS = 5;
const KEYWORD_BASELINE = /\b(business|markets?|economy|companies|money|finance|shares|profits?)\b/iu;

/** Stratified folds: each section dealt round-robin in id order, so every fold has all five. */
function assignFolds(items: LabelledText[]): number[] {
  const next = new Map<string, number>();
  const order = items.map((item, i) => ({ item, i })).sort((a, b) => a.item.id.localeCompare(b.item.id));
  const folds = new Array<number>(items.length).fill(0);
  for (const { item, i } of order) {
    const n = next.get(item.category) ?? 0;
    folds[i] = n % FOLDS;
    next.set(item.category, n + 1);
  }
  return folds;
}

function row(name: string, c: Counts): string {
  const m = precisionRecallF1(c);
  return `| ${name} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | **${m.f1.toFixed(3)}** | ${c.tp + c.fn} business, ${c.fp + c.tn} other |`;
}

const businessEval: EvalModule = {
  title:
    'Business classification: BBC News, 5-fold cross-validation (each fold trained by scripts/train-classifier.ts)',
  async run(corporaDir) {
    const file = path.join(corporaDir, 'bbc-news', 'train.jsonl');
    if (!existsSync(file)) {
      console.log(`No BBC texts at ${file}: skipped.`);
      return;
    }
    const items = readLabelledTexts(file);
    const folds = assignFolds(items);
    const full = emptyCounts();
    const short = emptyCounts();
    const headline = emptyCounts();
    const baselineFull = emptyCounts();
    const baselineShort = emptyCounts();
    let sizeKb = 0;
    const started = performance.now();
    for (let fold = 0; fold < FOLDS; fold++) {
      const training = items.filter((_, i) => folds[i] !== fold);
      const data = trainBusinessModel(training);
      sizeKb = Math.max(sizeKb, data.terms.length / 1024);
      const model = createTextModel(data);
      items.forEach((item, i) => {
        if (folds[i] !== fold) return;
        const expected = item.category === 'business';
        const lead = shortText(item);
        tally(full, expected, classifyBusiness({ title: item.title, text: item.text }, model).isBusiness);
        tally(short, expected, classifyBusiness(lead, model).isBusiness);
        tally(headline, expected, classifyBusiness({ title: item.title, text: '' }, model).isBusiness);
        tally(baselineFull, expected, KEYWORD_BASELINE.test(`${item.title} ${item.text}`));
        tally(baselineShort, expected, KEYWORD_BASELINE.test(`${lead.title} ${lead.text}`));
      });
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      [
        `${items.length} stories; each fold's model ≤ ${sizeKb.toFixed(1)} KB of weights; ${seconds.toFixed(1)} s for five trainings`,
        '',
        '| texts | precision | recall | F1 | stories |',
        '| --- | --- | --- | --- | --- |',
        row('full story (News Tracker)', full),
        row('headline + first paragraph (News Tracker)', short),
        row('headline alone, as some feeds give (News Tracker)', headline),
        row('full story (baseline: names a business word)', baselineFull),
        row('headline + first paragraph (baseline: names a business word)', baselineShort),
      ].join('\n'),
    );
  },
};

export default businessEval;
