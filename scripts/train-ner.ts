/**
 * `npm run train:ner [-- --holdout [--folds N --fold K]] [-- --buckets N] [-- --epochs N] [-- --mix N] [-- --prune S] [-- --seed N] [-- --no-clusters]`:
 * trains the organisation finder's name tagger on CoNLL-2003 `eng.train` (its only labels) and
 * writes the shipped model, utils/suggest/model-weights.ts. Its features read the word groups of
 * utils/suggest/word-clusters.ts (scripts/word-clusters.ts; none with `--no-clusters`): run that
 * first when the groups change, then this.
 *
 * The model is an averaged structured perceptron over the hashed span features of
 * utils/suggest/features.ts, decoded exactly as the extension decodes (utils/suggest/model.ts),
 * the mean of `--mix` (5) such taggers trained in different document orders, then quantised to
 * 4-bit weights, those under `--prune` (0.75) steps dropped. `--holdout` trains on nine in ten of eng.train's
 * documents and scores the tenth (`--folds N --fold K`: the K-th of N parts, K from 1) instead
 * of writing the model: that is where settings are tuned, so eng.testa (used by `npm run
 * eval`) stays unseen.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  addSpanScore,
  addTopFive,
  CONLL_DIR,
  emptyScore,
  exactPRF,
  type GoldDocument,
  goldOrganisations,
  noTopFive,
  partialPRF,
  readConll,
  type TopFive,
  topFive,
} from '../test/support/conll';
import { parseClusters, type WordClusters } from '../utils/suggest/clusters';
import {
  chooseSpans,
  decodeRun,
  historyBuckets,
  KINDS,
  type LinearModel,
  type NameKind,
  type PreparedDocument,
  type PreparedRun,
  type PreparedSpan,
  packWeights,
  prepareDocument,
  WEIGHT_LEVELS,
} from '../utils/suggest/model';
import { logistic, MIN_STANDING, RANK_FEATURES, RANKER_SIZE, rankFeatures, rankInputs } from '../utils/suggest/rank';
import { findCandidates, suggestCompanies } from '../utils/suggest/suggest';
import { tokenize } from '../utils/suggest/tokens';
import { nameKey } from '../utils/suggest/variants';
import { WORD_CLUSTERS } from '../utils/suggest/word-clusters';

const OUTPUT = path.resolve('utils/suggest/model-weights.ts');

/**
 * Weights under this many steps are dropped (set to zero). Most nonzero weights are that small
 * and change few decisions, and a table mostly of zeros deflates to far fewer bytes: the model
 * can have more buckets (fewer features sharing one) for a little more than the bytes of fewer.
 */
const PRUNE = 0.75;

export interface Options {
  holdout: boolean;
  /** With --holdout: document i is held out when i % folds === fold (by default every tenth). */
  folds: number;
  fold: number;
  /** Where to write the model; a held-out run writes one only when asked. */
  output: string | null;
  buckets: number;
  epochs: number;
  /** How many taggers, each seeing the documents in its own order, the shipped one is the mean of. */
  mix: number;
  /** Weights under this many steps are dropped (set to zero). */
  prune: number;
  /** The first tagger's shuffle seed; the others' follow from it. */
  seed: number;
  /** The word groups the features read (utils/suggest/word-clusters.ts), or none with --no-clusters. */
  clusters: WordClusters | undefined;
}

export function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number.`);
    return n;
  };
  const buckets = value('--buckets', 1 << 16);
  if ((buckets & (buckets - 1)) !== 0) throw new Error('--buckets must be a power of two.');
  const holdout = argv.includes('--holdout');
  const out = argv.indexOf('--out');
  const output = out >= 0 ? path.resolve(argv[out + 1] ?? '') : holdout ? null : OUTPUT;
  const folds = value('--folds', 10);
  const fold = value('--fold', folds) - 1;
  const prune = argv.includes('--prune') ? Number(argv[argv.indexOf('--prune') + 1]) : PRUNE;
  if (!(prune >= 0 && prune < WEIGHT_LEVELS)) throw new Error('--prune needs a number of steps, 0 or more.');
  const epochs = value('--epochs', 8);
  const clusters = argv.includes('--no-clusters')
    ? undefined
    : parseClusters(inflateRawSync(Buffer.from(WORD_CLUSTERS, 'base64')).toString('utf8'));
  const seed = value('--seed', 12345);
  return { holdout, folds, fold, output, buckets, epochs, mix: value('--mix', 5), prune, seed, clusters };
}

export interface TrainingRun {
  run: PreparedRun;
  /** Gold names inside the run, keyed "start:end" (token indices) -> kind. */
  gold: Map<string, NameKind>;
}

/** A document's runs in order: what the tagger read earlier in it is a feature later on. */
export interface TrainingDocument {
  prepared: PreparedDocument;
  runs: TrainingRun[];
}

/** Tokenises a gold document and maps its entities onto token spans the model can produce. */
export function trainingDocument(
  doc: GoldDocument,
  buckets: number,
  clusters?: WordClusters,
): TrainingDocument & { unreachable: number } {
  const tokens = tokenize(doc.text);
  const byStart = new Map(tokens.map((t, i) => [t.start, i]));
  const byEnd = new Map(tokens.map((t, i) => [t.end, i + 1]));
  const gold = new Map<string, NameKind>();
  for (const e of doc.entities) {
    const s = byStart.get(e.start);
    const end = byEnd.get(e.end);
    if (s !== undefined && end !== undefined) gold.set(`${s}:${end}`, e.type as NameKind);
  }
  const prepared = prepareDocument(tokens, buckets, clusters);
  const runs = prepared.runs.map((run) => {
    const inRun = new Map<string, NameKind>();
    for (const span of run.spans) {
      const key = `${span.start}:${span.end}`;
      const kind = gold.get(key);
      if (kind) inRun.set(key, kind);
    }
    return { run, gold: inRun };
  });
  const reachable = runs.reduce((n, r) => n + r.gold.size, 0);
  return { prepared, runs, unreachable: doc.entities.length - reachable };
}

/** Averaged perceptron (Collins 2002) with the usual lazy-averaging trick. */
export function train(
  docs: readonly TrainingDocument[],
  buckets: number,
  epochs: number,
  quiet = false,
  firstSeed = 12345,
): Float64Array {
  const size = buckets * KINDS.length;
  const weights = new Float64Array(size);
  const totals = new Float64Array(size);
  const model: LinearModel = { buckets, weights };
  let step = 1;
  const update = (buckets: Int32Array, kind: NameKind, sign: number) => {
    const k = KINDS.indexOf(kind);
    for (const base of buckets) {
      weights[base + k] = (weights[base + k] as number) + sign;
      totals[base + k] = (totals[base + k] as number) + sign * step;
    }
  };
  // A fixed shuffle: the same corpus always gives the same model.
  let seed = firstSeed;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const order = docs.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let mistakes = 0;
    for (const index of order) {
      const { prepared, runs } = docs[index] as TrainingDocument;
      prepared.history.clear();
      for (const { run, gold } of runs) {
        const chosen = chooseSpans(model, prepared, run);
        const predicted = new Map(chosen.map((s) => [`${s.start}:${s.end}`, s.kind]));
        const spans = new Map(run.spans.map((s) => [`${s.start}:${s.end}`, s]));
        const change = (key: string, kind: NameKind, sign: number) => {
          const span = spans.get(key) as PreparedSpan;
          update(span.buckets, kind, sign);
          update(historyBuckets(prepared, span, buckets), kind, sign);
        };
        for (const [key, kind] of gold) {
          if (predicted.get(key) === kind) continue;
          mistakes += 1;
          change(key, kind, +1);
        }
        for (const [key, kind] of predicted) if (gold.get(key) !== kind) change(key, kind, -1);
        // The document goes on with what the tagger said, as it will when it reads a page.
        for (const span of chosen) prepared.history.record(span, KINDS.indexOf(span.kind));
        step += 1;
      }
    }
    if (!quiet) console.log(`epoch ${epoch + 1}: ${mistakes} missed names`);
  }
  const averaged = new Float64Array(size);
  for (let i = 0; i < size; i++) averaged[i] = (weights[i] as number) - (totals[i] as number) / step;
  return averaged;
}

/**
 * The mean of taggers trained on the same documents in different orders: one perceptron's
 * weights depend on the order it saw the documents in, and their mean varies less (parameter mixing).
 */
export function trainMixed(docs: readonly TrainingDocument[], options: Options, quiet = false): Float64Array {
  const { buckets, epochs } = options;
  const seeds = Array.from({ length: options.mix }, (_, i) => options.seed + i * 7919);
  const mean = new Float64Array(buckets * KINDS.length);
  seeds.forEach((seed, i) => {
    const weights = train(docs, buckets, epochs, quiet || i > 0, seed);
    for (let k = 0; k < mean.length; k++) mean[k] = (mean[k] as number) + (weights[k] as number) / seeds.length;
  });
  return mean;
}

/**
 * Rounds weights to WEIGHT_LEVELS signed steps, the largest 0.1% clipped rather than allowed to
 * stretch the scale, and those under `prune` steps set to zero.
 */
export function quantise(weights: Float64Array, prune = PRUNE): Int8Array {
  const magnitudes = Array.from(weights, Math.abs)
    .filter((x) => x > 0)
    .sort((a, b) => a - b);
  const top = magnitudes[Math.floor(magnitudes.length * 0.999)] ?? 1;
  const half = (WEIGHT_LEVELS - 1) / 2;
  const out = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const steps = ((weights[i] as number) / top) * half;
    out[i] = Math.abs(steps) < prune ? 0 : Math.max(-half, Math.min(half, Math.round(steps)));
  }
  return out;
}

function score(model: LinearModel, docs: GoldDocument[], buckets: number): void {
  const org = emptyScore();
  const all = emptyScore();
  for (const doc of docs) {
    const tokens = tokenize(doc.text);
    const prepared = prepareDocument(tokens, buckets, model.clusters);
    const found = prepared.runs.flatMap((run) => decodeRun(model, prepared, run));
    const offsets = found.map((s) => ({
      start: (tokens[s.start] as { start: number }).start,
      end: (tokens[s.end - 1] as { end: number }).end,
      kind: s.kind,
    }));
    addSpanScore(
      org,
      offsets.filter((o) => o.kind === 'ORG'),
      doc.entities.filter((e) => e.type === 'ORG'),
    );
    addSpanScore(all, offsets, doc.entities);
  }
  const show = (name: string, s: ReturnType<typeof emptyScore>) => {
    const e = exactPRF(s);
    const p = partialPRF(s);
    console.log(
      `${name}: exact P ${e.precision.toFixed(3)} R ${e.recall.toFixed(3)} F1 ${e.f1.toFixed(3)}; ` +
        `partial P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} F1 ${p.f1.toFixed(3)}`,
    );
  };
  show('ORG (held out)', org);
  show('any name, untyped spans (held out)', all);
}

/** The candidates of held-out documents, with features and whether each is one of the gold organisations. */
export interface RankSample {
  features: number[];
  right: boolean;
}

export function rankSamples(docs: readonly GoldDocument[], model: LinearModel): RankSample[] {
  return docs.flatMap((doc) => {
    const gold = goldOrganisations(doc.entities.filter((e) => e.type === 'ORG').map((e) => e.text));
    const goldKeys = new Set(gold.flatMap((g) => [...g]));
    const { candidates } = findCandidates({ text: doc.text }, model);
    const features = rankFeatures(candidates);
    return candidates.map(({ group }, i) => {
      const keys = [group.key, ...group.spellings.keys(), ...group.extraAliases].map(nameKey);
      return { features: rankInputs(features[i] as number[]), right: keys.some((k) => goldKeys.has(k)) };
    });
  });
}

/**
 * Logistic regression by full-batch gradient descent with Adam's step sizes (Kingma and Ba 2015):
 * the pairwise products of rankInputs range from thousandths to tens, and one step size for all
 * would crawl on some and overshoot on others. A little L2 keeps rare features and products small,
 * so the ranker leans little on combinations few training names have.
 */
export function trainRanker(samples: readonly RankSample[]): number[] {
  const weights = new Array<number>(RANKER_SIZE).fill(0);
  const mean = new Array<number>(RANKER_SIZE).fill(0);
  const square = new Array<number>(RANKER_SIZE).fill(0);
  const rate = 0.05;
  const l2 = 1e-3;
  for (let step = 1; step <= 1500; step++) {
    const gradient = new Array<number>(weights.length).fill(0);
    for (const { features, right } of samples) {
      const error = logistic(weights, features) - (right ? 1 : 0);
      for (let i = 0; i < weights.length; i++) gradient[i] = (gradient[i] as number) + error * (features[i] as number);
    }
    for (let i = 0; i < weights.length; i++) {
      const g = (gradient[i] as number) / samples.length + l2 * (weights[i] as number);
      mean[i] = 0.9 * (mean[i] as number) + 0.1 * g;
      square[i] = 0.999 * (square[i] as number) + 0.001 * g * g;
      const m = (mean[i] as number) / (1 - 0.9 ** step);
      const v = (square[i] as number) / (1 - 0.999 ** step);
      weights[i] = (weights[i] as number) - (rate * m) / (Math.sqrt(v) + 1e-8);
    }
  }
  return weights.map((w) => Number(w.toFixed(4)));
}

/**
 * The ranker learns from the tagger's output on documents that tagger never saw: the training
 * documents are split in RANKER_FOLDS parts, and each part is tagged by a tagger trained on the others.
 */
const RANKER_FOLDS = 4;

export function crossFittedRanker(
  docs: readonly GoldDocument[],
  prepared: readonly TrainingDocument[],
  options: Options,
  quiet = false,
): number[] {
  const samples: RankSample[] = [];
  for (let fold = 0; fold < RANKER_FOLDS; fold++) {
    const rest = prepared.filter((_, i) => i % RANKER_FOLDS !== fold);
    const model = {
      buckets: options.buckets,
      weights: quantise(trainMixed(rest, options, true), options.prune),
      clusters: options.clusters,
    };
    samples.push(
      ...rankSamples(
        docs.filter((_, i) => i % RANKER_FOLDS === fold),
        model,
      ),
    );
  }
  if (!quiet) console.log(`ranker: ${samples.length} candidates, ${samples.filter((s) => s.right).length} right`);
  return trainRanker(samples);
}

/** Minimum standings tried on the held-out documents (the shipped one is MIN_STANDING in rank.ts). */
const MIN_STANDINGS = [0, 0.3, MIN_STANDING, 0.5, 0.6, 0.7];

function scoreSuggestions(model: LinearModel, ranker: readonly number[], docs: readonly GoldDocument[]): void {
  const spans = emptyScore();
  const tops = MIN_STANDINGS.map(() => noTopFive());
  for (const doc of docs) {
    const golds = doc.entities.filter((e) => e.type === 'ORG');
    const gold = goldOrganisations(golds.map((e) => e.text));
    addSpanScore(spans, suggestCompanies({ text: doc.text }, model, { ranker }).organizations, golds);
    MIN_STANDINGS.forEach((minStanding, i) => {
      const { suggestions } = suggestCompanies({ text: doc.text }, model, { ranker, minStanding });
      addTopFive(
        tops[i] as TopFive,
        topFive(
          suggestions.map((s) => [s.name, ...s.aliases]),
          gold,
        ),
      );
    });
  }
  const e = exactPRF(spans);
  console.log(
    `organisations with the rules (held out): exact P ${e.precision.toFixed(3)} R ${e.recall.toFixed(3)} F1 ${e.f1.toFixed(3)}`,
  );
  MIN_STANDINGS.forEach((min, i) => {
    const t = tops[i] as TopFive;
    console.log(
      `top-five precision (held out), minimum standing ${min}: ${(t.right / t.slots).toFixed(3)} (${t.right} of ${t.slots} slots); ` +
        `old definition ${(t.firstRight / t.firstSlots).toFixed(3)} (${t.firstRight} of ${t.firstSlots})`,
    );
  });
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const file = path.join(CONLL_DIR, 'eng.train');
  if (!existsSync(file)) {
    console.log(`No CoNLL-2003 training file at ${file}: nothing to train (the shipped model stays as it is).`);
    return;
  }
  const docs = readConll(file);
  const isHeldOut = (i: number) => options.holdout && i % options.folds === options.fold;
  const heldOut = docs.filter((_, i) => isHeldOut(i));
  const trainDocs = docs.filter((_, i) => !isHeldOut(i));
  let unreachable = 0;
  let total = 0;
  const prepared = trainDocs.map((doc) => {
    const training = trainingDocument(doc, options.buckets, options.clusters);
    unreachable += training.unreachable;
    total += doc.entities.length;
    return training;
  });
  console.log(
    `${trainDocs.length} documents, ${total} names, ${unreachable} the candidates cannot produce, ${options.buckets} buckets`,
  );
  const averaged = trainMixed(prepared, options);
  const quantised = quantise(averaged, options.prune);
  const model = { buckets: options.buckets, weights: quantised, clusters: options.clusters };
  const ranker = crossFittedRanker(trainDocs, prepared, options);
  console.log(`ranker weights of the features alone: ${RANK_FEATURES.map((f, i) => `${f} ${ranker[i]}`).join(', ')}`);
  if (options.holdout) {
    console.log('\nfull precision:');
    score({ buckets: options.buckets, weights: averaged, clusters: options.clusters }, heldOut, options.buckets);
    console.log(`\n${WEIGHT_LEVELS}-level weights (as shipped):`);
    score(model, heldOut, options.buckets);
    scoreSuggestions(model, ranker, heldOut);
  }
  if (!options.output) return;
  const packed = deflateRawSync(packWeights(quantised), { level: 9 }).toString('base64');
  writeFileSync(
    options.output,
    `// Generated by scripts/train-ner.ts (npm run train:ner) from CoNLL-2003 eng.train (Reuters, research use).\n` +
      `// ${trainDocs.length} documents, ${options.clusters ? 'the word groups of word-clusters.ts, ' : ''}${options.epochs} epochs, the mean of ${options.mix} taggers, ${options.buckets} feature buckets x ${KINDS.length} kinds, ` +
      `${WEIGHT_LEVELS}-level weights (under ${options.prune} steps dropped), two to a byte, deflated. Do not edit by hand.\n` +
      `export const MODEL_BUCKETS = ${options.buckets};\n` +
      `export const MODEL_WEIGHTS =\n  '${packed}';\n` +
      `/** Logistic ranker over utils/suggest/rank.ts rankInputs: RANK_FEATURES in that order, then their pairwise products. */\n` +
      `export const RANKER_WEIGHTS = ${JSON.stringify(ranker)};\n`,
  );
  // Laid out as the repository's formatter lays it out, so a retrained model passes `biome check` as written.
  spawnSync('npx', ['biome', 'format', '--write', options.output], { stdio: 'ignore' });
  console.log(`Wrote ${path.relative(process.cwd(), options.output)} (${packed.length} characters of weights).`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
