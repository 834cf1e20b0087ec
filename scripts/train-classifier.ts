/**
 * `npm run train:classifier`: trains the business text model from BBC News
 * (../shared/corpora/bbc-news/train.jsonl: 1,780 articles from 2004-05 in five sections; D. Greene
 * and P. Cunningham, ICML 2006) and writes utils/article/business-model.ts.
 *
 * Logistic regression over the words of utils/article/text-features.ts (the code the extension
 * scores with), trained by AdaGrad on every story twice: in full and as headline plus first
 * paragraph, so the model also works on the short texts a teaser or a lead gives. The words
 * that matter least are then dropped until the model fits in a few tens of kilobytes, and it
 * is trained again on those alone. Seeded, so a rebuild gives the same file.
 *
 * `trainBusinessModel` is also what the evaluation's cross-validation calls for each fold.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../test/support/seeded-random';
import { featureVector } from '../utils/article/text-features';
import type { TextModelData } from '../utils/article/text-model';

export interface LabelledText {
  id: string;
  category: string;
  title: string;
  text: string;
}

export interface TrainOptions {
  /** Words kept in the shipped model. */
  maxTerms?: number;
  epochs?: number;
  seed?: number;
  /** Weight of a business example against another section's (business is about a quarter). */
  positiveWeight?: number;
}

const BUSINESS = 'business';
const SCALE = 100;
const MIN_DOCUMENT_FREQUENCY = 3;
const L2 = 1e-5;
const LEARNING_RATE = 0.5;

export const BBC_SOURCE =
  'BBC News 2004-05, business vs entertainment, politics, sport and tech (D. Greene and P. Cunningham, ICML 2006; content (c) BBC, research use)';

/** The headline and first paragraph: what a teaser, a search result or a feed item shows. */
export function shortText(item: Pick<LabelledText, 'title' | 'text'>): { title: string; text: string } {
  const lead = item.text.split(/\n\s*\n/u).find((p) => p.trim().length > 0) ?? '';
  return { title: item.title, text: lead };
}

export function readLabelledTexts(file: string): LabelledText[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as LabelledText);
}

interface Example {
  indices: number[];
  values: number[];
  label: number;
}

function toExamples(vectors: Array<{ vector: Map<string, number>; label: number }>, vocabulary: Map<string, number>) {
  return vectors.map(({ vector, label }): Example => {
    const indices: number[] = [];
    const values: number[] = [];
    for (const [token, value] of vector) {
      const index = vocabulary.get(token);
      if (index === undefined) continue;
      indices.push(index);
      values.push(value);
    }
    return { indices, values, label };
  });
}

function fitLogistic(
  examples: Example[],
  size: number,
  epochs: number,
  next: () => number,
  positiveWeight: number,
): { weights: Float64Array; bias: number } {
  const weights = new Float64Array(size);
  const squares = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const ex = examples[index] as Example;
      let logit = bias;
      for (let k = 0; k < ex.indices.length; k++)
        logit += (weights[ex.indices[k] as number] as number) * (ex.values[k] as number);
      const error = (1 / (1 + Math.exp(-logit)) - ex.label) * (ex.label === 1 ? positiveWeight : 1);
      for (let k = 0; k < ex.indices.length; k++) {
        const f = ex.indices[k] as number;
        const gradient = error * (ex.values[k] as number) + L2 * (weights[f] as number);
        squares[f] = (squares[f] as number) + gradient * gradient;
        weights[f] = (weights[f] as number) - (LEARNING_RATE * gradient) / Math.sqrt(squares[f] as number);
      }
      biasSquares += error * error;
      bias -= (LEARNING_RATE * error) / Math.sqrt(biasSquares);
    }
  }
  return { weights, bias };
}

export function trainBusinessModel(items: LabelledText[], options: TrainOptions = {}): TextModelData {
  const maxTerms = options.maxTerms ?? 2000;
  const epochs = options.epochs ?? 12;
  const next = seededRandom(options.seed ?? 20061);
  const positiveWeight = options.positiveWeight ?? 1.5;
  const vectors = items.flatMap((item) => {
    const label = item.category === BUSINESS ? 1 : 0;
    const short = shortText(item);
    return [
      { vector: featureVector(item.title, item.text), label },
      { vector: featureVector(short.title, short.text), label },
    ];
  });
  const documentFrequency = new Map<string, number>();
  for (const { vector } of vectors)
    for (const token of vector.keys()) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  const allTerms = [...documentFrequency]
    .filter(([, df]) => df >= MIN_DOCUMENT_FREQUENCY)
    .map(([t]) => t)
    .sort();
  const full = fitLogistic(
    toExamples(vectors, new Map(allTerms.map((t, i) => [t, i]))),
    allTerms.length,
    epochs,
    next,
    positiveWeight,
  );

  const kept = allTerms
    .map((term, i) => ({ term, weight: full.weights[i] as number }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.term.localeCompare(b.term))
    .slice(0, maxTerms)
    .map((t) => t.term)
    .sort();
  const pruned = fitLogistic(
    toExamples(vectors, new Map(kept.map((t, i) => [t, i]))),
    kept.length,
    epochs,
    next,
    positiveWeight,
  );
  const terms = kept
    .map((term, i) => [term, Math.round((pruned.weights[i] as number) * SCALE)] as const)
    .filter(([, w]) => w !== 0)
    .map(([term, w]) => `${term} ${w}`)
    .join(' ');
  return { source: BBC_SOURCE, bias: Math.round(pruned.bias * 1000) / 1000, terms, scale: SCALE };
}

export const MODEL_FILE = path.resolve('utils/article/business-model.ts');

function modelModule(model: TextModelData): string {
  return [
    '// Written by `npm run train:classifier` (scripts/train-classifier.ts); do not edit by hand.',
    "import type { TextModelData } from './text-model';",
    '',
    'export const BUSINESS_MODEL: TextModelData = {',
    `  source: ${JSON.stringify(model.source)},`,
    `  bias: ${model.bias},`,
    `  scale: ${model.scale},`,
    `  terms: ${JSON.stringify(model.terms)},`,
    '};',
    '',
  ].join('\n');
}

function main(): void {
  const corpora = path.resolve(process.env.NEWS_TRACKER_CORPORA ?? '../shared/corpora');
  const file = path.join(corpora, 'bbc-news', 'train.jsonl');
  if (!existsSync(file)) {
    console.log(`No training data at ${file}: the shipped model is left as it is.`);
    return;
  }
  const items = readLabelledTexts(file);
  const model = trainBusinessModel(items);
  const source = modelModule(model);
  writeFileSync(MODEL_FILE, source);
  const terms = model.terms.split(' ').length / 2;
  console.log(
    `Trained on ${items.length} BBC stories: ${terms} words, ${(source.length / 1024).toFixed(1)} KB → ${MODEL_FILE}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
