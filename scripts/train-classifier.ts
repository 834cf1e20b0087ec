/**
 * `npm run train:classifier`: trains the business text models from BBC News
 * (../shared/corpora/bbc-news/train.jsonl: 1,794 articles from 2004-05 in five sections; D. Greene
 * and P. Cunningham, ICML 2006) and from the news-feed items labelled by hand in
 * test/fixtures/feeds/business-labels.json (texts read from ../shared/corpora/feeds), and writes
 * utils/article/business-model.ts (pages) and utils/article/business-short-model.ts (feed items).
 *
 * Logistic regression over the words of utils/article/text-features.ts (the code the extension
 * scores with), trained by AdaGrad on every BBC story twice, in full and as headline plus first
 * paragraph, and on every feed item as it is (a headline and a sentence or two from many
 * publishers, today's news, world news included, which the BBC's five sections lack). The
 * words that matter least are then dropped until the model fits in a few tens of kilobytes,
 * and it is trained again on those alone. Seeded, so a rebuild gives the same file.
 *
 * The short-text model, which the background uses for feed items, learns from short texts alone
 * (BBC stories as headline plus first paragraph, weighing a tenth of a feed item: the feed items
 * are the kind of text it will read) and also reads pairs of neighbouring words. Full stories
 * teach a model long-text habits that cost it on a headline and a sentence; the page model needs
 * them, so there are two models. This one runs outside the content script, so it may be larger.
 *
 * `trainBusinessModel` (with `SHORT_MODEL_OPTIONS` for the short-text model) is also what the
 * evaluation's cross-validation calls for each fold.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type LabelledFeedItem, readLabelledFeedItems } from '../test/support/feed-business';
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
  /** Weight of a business example against another's (business is a quarter of BBC, a sixth of feeds). */
  positiveWeight?: number;
  /** Headline-and-lead texts (feed items), learnt as they are, beside the stories. */
  leads?: LabelledText[];
  /** Weight of a lead against one view of a story: the stories are longer and more surely labelled. */
  leadWeight?: number;
  /** Learn each BBC story in full too, not only as headline and first paragraph (default true). */
  fullStories?: boolean;
  /** Weight of one view of a BBC story (1 by default). */
  storyWeight?: number;
  /** Read pairs of neighbouring words too (see `featureVector`). */
  pairs?: boolean;
  /** The most one word may lower the log-odds when the model scores (see `SHORT_MODEL_OPTIONS`). */
  floor?: number;
}

/**
 * The short-text model's training: see the header. Its `floor` keeps any one word from lowering
 * the log-odds by more than 0.5 when it scores. The other side of business is everything else
 * (sport, war, culture, products), so many words learn a strong "not business" from a few items
 * of the publishers seen in training; in a headline and a sentence, one of them ("final",
 * "reject", "security") would outvote the takeover or the tariff the item is about. The limit
 * applies to scoring only: learnt with it, the model moves the same weight onto other words.
 */
export const SHORT_MODEL_OPTIONS: TrainOptions = {
  maxTerms: 4000,
  positiveWeight: 2.5,
  fullStories: false,
  storyWeight: 0.1,
  pairs: true,
  floor: 0.5,
};

const BUSINESS = 'business';
const SCALE = 100;
const MIN_DOCUMENT_FREQUENCY = 3;
const L2 = 1e-4;
const LEARNING_RATE = 0.5;

const BBC_SOURCE =
  'BBC News 2004-05, business vs entertainment, politics, sport and tech (D. Greene and P. Cunningham, ICML 2006; content (c) BBC, research use)';
const FEEDS_SOURCE = 'news-feed items (title and lead) of ../shared/corpora/feeds, labelled business or not by hand';

/** The headline and first paragraph: what a teaser, a search result or a feed item shows. */
export function shortText(item: Pick<LabelledText, 'title' | 'text'>): { title: string; text: string } {
  const lead = item.text.split(/\n\s*\n/u).find((p) => p.trim().length > 0) ?? '';
  return { title: item.title, text: lead };
}

/** A labelled feed item as training text: its headline and lead, learnt as they are. */
export function feedItemText(item: LabelledFeedItem): LabelledText {
  return { id: item.key, category: item.business ? BUSINESS : 'other', title: item.title, text: item.text };
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
  weight: number;
}

function toExamples(
  vectors: Array<{ vector: Map<string, number>; label: number; weight: number }>,
  vocabulary: Map<string, number>,
) {
  return vectors.map(({ vector, label, weight }): Example => {
    const indices: number[] = [];
    const values: number[] = [];
    for (const [token, value] of vector) {
      const index = vocabulary.get(token);
      if (index === undefined) continue;
      indices.push(index);
      values.push(value);
    }
    return { indices, values, label, weight };
  });
}

interface FitSettings {
  epochs: number;
  next: () => number;
  positiveWeight: number;
}

function fitLogistic(
  examples: Example[],
  size: number,
  { epochs, next, positiveWeight }: FitSettings,
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
      const error = (1 / (1 + Math.exp(-logit)) - ex.label) * (ex.label === 1 ? positiveWeight : 1) * ex.weight;
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
  const settings: FitSettings = {
    epochs: options.epochs ?? 12,
    next: seededRandom(options.seed ?? 20061),
    positiveWeight: options.positiveWeight ?? 2,
  };
  const pairs = options.pairs ?? false;
  const storyWeight = options.storyWeight ?? 1;
  const vectors = items.flatMap((item) => {
    const label = item.category === BUSINESS ? 1 : 0;
    const short = shortText(item);
    const lead = { vector: featureVector(short.title, short.text, pairs), label, weight: storyWeight };
    if (!(options.fullStories ?? true)) return [lead];
    return [{ vector: featureVector(item.title, item.text, pairs), label, weight: storyWeight }, lead];
  });
  const leadWeight = options.leadWeight ?? 0.5;
  for (const lead of options.leads ?? []) {
    const label = lead.category === BUSINESS ? 1 : 0;
    vectors.push({ vector: featureVector(lead.title, lead.text, pairs), label, weight: leadWeight });
  }
  const documentFrequency = new Map<string, number>();
  for (const { vector } of vectors)
    for (const token of vector.keys()) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  const allTerms = [...documentFrequency]
    .filter(([, df]) => df >= MIN_DOCUMENT_FREQUENCY)
    .map(([t]) => t)
    .sort();
  const full = fitLogistic(toExamples(vectors, new Map(allTerms.map((t, i) => [t, i]))), allTerms.length, settings);

  const kept = allTerms
    .map((term, i) => ({ term, weight: full.weights[i] as number }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.term.localeCompare(b.term))
    .slice(0, maxTerms)
    .map((t) => t.term)
    .sort();
  const pruned = fitLogistic(toExamples(vectors, new Map(kept.map((t, i) => [t, i]))), kept.length, settings);
  const terms = kept
    .map((term, i) => [term, Math.round((pruned.weights[i] as number) * SCALE)] as const)
    .filter(([, w]) => w !== 0)
    .map(([term, w]) => `${term} ${w}`)
    .join(' ');
  const source = options.leads?.length ? `${BBC_SOURCE}; ${FEEDS_SOURCE}` : BBC_SOURCE;
  const model: TextModelData = { source, bias: Math.round(pruned.bias * 1000) / 1000, terms, scale: SCALE };
  return { ...model, ...(pairs ? { pairs } : {}), ...(options.floor === undefined ? {} : { floor: options.floor }) };
}

const MODEL_FILES = {
  page: { file: path.resolve('utils/article/business-model.ts'), name: 'BUSINESS_MODEL' },
  short: { file: path.resolve('utils/article/business-short-model.ts'), name: 'BUSINESS_SHORT_MODEL' },
};

/** A single-quoted literal on a line of its own, as the formatter lays out a long string. */
function longString(text: string): string {
  return `\n    '${text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'")}'`;
}

function modelModule(model: TextModelData, name: string): string {
  return [
    '// Written by `npm run train:classifier` (scripts/train-classifier.ts); do not edit by hand.',
    "import type { TextModelData } from './text-model';",
    '',
    `export const ${name}: TextModelData = {`,
    `  source:${longString(model.source)},`,
    `  bias: ${model.bias},`,
    `  scale: ${model.scale},`,
    `  terms:${longString(model.terms)},`,
    ...(model.pairs ? ['  pairs: true,'] : []),
    ...(model.floor === undefined ? [] : [`  floor: ${model.floor},`]),
    '};',
    '',
  ].join('\n');
}

function main(): void {
  const corpora = path.resolve(process.env.NEWS_TRACKER_CORPORA ?? '../shared/corpora');
  const file = path.join(corpora, 'bbc-news', 'train.jsonl');
  if (!existsSync(file)) {
    console.log(`No training data at ${file}: the shipped models are left as they are.`);
    return;
  }
  const feeds = readLabelledFeedItems(corpora);
  if (!feeds) {
    console.log(`No feeds at ${path.join(corpora, 'feeds')}: the shipped models are left as they are.`);
    return;
  }
  const items = readLabelledTexts(file);
  const leads = feeds.items.map(feedItemText);
  console.log(
    `Training on ${items.length} BBC stories and ${feeds.items.length} feed items` +
      `${feeds.missing > 0 ? ` (${feeds.missing} labelled items no longer in the feeds)` : ''}`,
  );
  const models = {
    page: trainBusinessModel(items, { leads }),
    short: trainBusinessModel(items, { ...SHORT_MODEL_OPTIONS, leads }),
  };
  for (const kind of ['page', 'short'] as const) {
    const { file: out, name } = MODEL_FILES[kind];
    const source = modelModule(models[kind], name);
    writeFileSync(out, source);
    const terms = models[kind].terms.split(' ').length / 2;
    console.log(`${kind} model: ${terms} words, ${(source.length / 1024).toFixed(1)} KB → ${out}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
