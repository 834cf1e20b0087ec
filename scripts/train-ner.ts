/**
 * `npm run train:ner [-- --holdout] [-- --buckets N] [-- --epochs N]`: trains the organisation
 * finder's name tagger on CoNLL-2003 `eng.train` (and nothing else) and writes the shipped
 * model, utils/suggest/model-weights.ts.
 *
 * The model is an averaged structured perceptron over the hashed span features of
 * utils/suggest/features.ts, decoded exactly as the extension decodes (utils/suggest/model.ts),
 * then quantised to 4-bit weights. `--holdout` trains on nine in ten of eng.train's
 * documents and scores the tenth instead of writing the model: that is where settings are
 * tuned, so eng.testa (used by `npm run eval`) stays unseen.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  decodeRun,
  KINDS,
  type LinearModel,
  type NameKind,
  type PreparedRun,
  packWeights,
  prepareDocument,
  WEIGHT_LEVELS,
} from '../utils/suggest/model';
import { tokenize } from '../utils/suggest/tokens';
import { addSpanScore, CONLL_DIR, emptyScore, exactPRF, type GoldDocument, partialPRF, readConll } from './lib/conll';

const OUTPUT = path.resolve('utils/suggest/model-weights.ts');

interface Options {
  holdout: boolean;
  /** Where to write the model; a held-out run writes one only when asked. */
  output: string | null;
  buckets: number;
  epochs: number;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number.`);
    return n;
  };
  const buckets = value('--buckets', 1 << 14);
  if ((buckets & (buckets - 1)) !== 0) throw new Error('--buckets must be a power of two.');
  const holdout = argv.includes('--holdout');
  const out = argv.indexOf('--out');
  const output = out >= 0 ? path.resolve(argv[out + 1] ?? '') : holdout ? null : OUTPUT;
  return { holdout, output, buckets, epochs: value('--epochs', 8) };
}

interface TrainingRun {
  run: PreparedRun;
  /** Gold names inside the run, keyed "start:end" (token indices) -> kind. */
  gold: Map<string, NameKind>;
}

/** Tokenises a gold document and maps its entities onto token spans the model can produce. */
function trainingRuns(doc: GoldDocument, buckets: number): { runs: TrainingRun[]; unreachable: number } {
  const tokens = tokenize(doc.text);
  const byStart = new Map(tokens.map((t, i) => [t.start, i]));
  const byEnd = new Map(tokens.map((t, i) => [t.end, i + 1]));
  const gold = new Map<string, NameKind>();
  for (const e of doc.entities) {
    const s = byStart.get(e.start);
    const end = byEnd.get(e.end);
    if (s !== undefined && end !== undefined) gold.set(`${s}:${end}`, e.type as NameKind);
  }
  const runs = prepareDocument(tokens, buckets).map((run) => {
    const inRun = new Map<string, NameKind>();
    for (const span of run.spans) {
      const key = `${span.start}:${span.end}`;
      const kind = gold.get(key);
      if (kind) inRun.set(key, kind);
    }
    return { run, gold: inRun };
  });
  const reachable = runs.reduce((n, r) => n + r.gold.size, 0);
  return { runs, unreachable: doc.entities.length - reachable };
}

/** Averaged perceptron (Collins 2002) with the usual lazy-averaging trick. */
function train(runs: TrainingRun[], buckets: number, epochs: number): Float64Array {
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
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const order = runs.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let mistakes = 0;
    for (const index of order) {
      const { run, gold } = runs[index] as TrainingRun;
      const predicted = new Map(decodeRun(model, run).map((s) => [`${s.start}:${s.end}`, s.kind]));
      const spans = new Map(run.spans.map((s) => [`${s.start}:${s.end}`, s]));
      for (const [key, kind] of gold) {
        if (predicted.get(key) === kind) continue;
        mistakes += 1;
        update((spans.get(key) as { buckets: Int32Array }).buckets, kind, +1);
      }
      for (const [key, kind] of predicted) {
        if (gold.get(key) !== kind) update((spans.get(key) as { buckets: Int32Array }).buckets, kind, -1);
      }
      step += 1;
    }
    console.log(`epoch ${epoch + 1}: ${mistakes} missed names`);
  }
  const averaged = new Float64Array(size);
  for (let i = 0; i < size; i++) averaged[i] = (weights[i] as number) - (totals[i] as number) / step;
  return averaged;
}

/** Rounds weights to WEIGHT_LEVELS signed steps; the largest 0.1% are clipped, not allowed to stretch the scale. */
function quantise(weights: Float64Array): Int8Array {
  const magnitudes = Array.from(weights, Math.abs)
    .filter((x) => x > 0)
    .sort((a, b) => a - b);
  const top = magnitudes[Math.floor(magnitudes.length * 0.999)] ?? 1;
  const half = (WEIGHT_LEVELS - 1) / 2;
  const out = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    out[i] = Math.max(-half, Math.min(half, Math.round(((weights[i] as number) / top) * half)));
  }
  return out;
}

function score(model: LinearModel, docs: GoldDocument[], buckets: number): void {
  const org = emptyScore();
  const all = emptyScore();
  for (const doc of docs) {
    const tokens = tokenize(doc.text);
    const found = prepareDocument(tokens, buckets).flatMap((run) => decodeRun(model, run));
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

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const file = path.join(CONLL_DIR, 'eng.train');
  if (!existsSync(file)) {
    console.log(`No CoNLL-2003 training file at ${file}: nothing to train (the shipped model stays as it is).`);
    return;
  }
  const docs = readConll(file);
  // Every tenth document is held out, so the held-out part has the corpus's mix of topics.
  const heldOut = options.holdout ? docs.filter((_, i) => i % 10 === 9) : [];
  const trainDocs = options.holdout ? docs.filter((_, i) => i % 10 !== 9) : docs;
  let unreachable = 0;
  let total = 0;
  const runs = trainDocs.flatMap((doc) => {
    const prepared = trainingRuns(doc, options.buckets);
    unreachable += prepared.unreachable;
    total += doc.entities.length;
    return prepared.runs;
  });
  console.log(
    `${trainDocs.length} documents, ${total} names, ${unreachable} the candidates cannot produce, ${options.buckets} buckets`,
  );
  const averaged = train(runs, options.buckets, options.epochs);
  const quantised = quantise(averaged);
  if (options.holdout) {
    console.log('\nfull precision:');
    score({ buckets: options.buckets, weights: averaged }, heldOut, options.buckets);
    console.log(`\n${WEIGHT_LEVELS}-level weights (as shipped):`);
    score({ buckets: options.buckets, weights: quantised }, heldOut, options.buckets);
  }
  if (!options.output) return;
  const packed = packWeights(quantised);
  writeFileSync(
    options.output,
    `// Generated by scripts/train-ner.ts (npm run train:ner) from CoNLL-2003 eng.train (Reuters, research use).\n` +
      `// ${docs.length} documents, ${options.epochs} epochs, ${options.buckets} feature buckets x ${KINDS.length} kinds, ` +
      `${WEIGHT_LEVELS}-level weights. Do not edit by hand.\n` +
      `export const MODEL_BUCKETS = ${options.buckets};\n` +
      `export const MODEL_WEIGHTS =\n  '${packed}';\n`,
  );
  console.log(`Wrote ${path.relative(process.cwd(), options.output)} (${packed.length} characters of weights).`);
}

main();
