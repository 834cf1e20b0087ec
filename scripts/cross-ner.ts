/**
 * `npx tsx scripts/cross-ner.ts [--folds N] [--seeds N] [train:ner options]`: the held-out
 * figure of the company suggestions on CoNLL-2003 `eng.train`, where settings are tuned
 * (`npm run eval` keeps eng.testa unseen). Each document is read by a tagger trained on the other
 * `--folds` (10) parts of eng.train, with a ranker fitted on those parts' candidates (each part's
 * candidates found by its own tagger, so the ranker learns from names no tagger saw in training).
 *
 * Prints top-five precision as `npm run eval` counts it, then where the lost slots went: a wrong
 * name shown, an organisation left under the bar, or no candidate for it at all (the tagger and
 * the rules never offered it), and the tagger's own organisation F1 (exact spans, before the
 * rules). The taggers read the shipped word groups (`--no-clusters`: none). `--seeds N` (1) repeats it with N document orders for the taggers
 * (`--seed` of train:ner, one apart): one order's figure moves by about half a point with the
 * order alone, so a change that moves it less needs several.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  addSpanScore,
  addTopFive,
  CONLL_DIR,
  emptyScore,
  exactPRF,
  type GoldDocument,
  goldOrganisations,
  noTopFive,
  readConll,
  type SpanScore,
  type TopFive,
  topFive,
} from '../test/support/conll';
import { type LinearModel, tagNames } from '../utils/suggest/model';
import { findCandidates, suggestCompanies } from '../utils/suggest/suggest';
import { tokenize } from '../utils/suggest/tokens';
import { nameKey } from '../utils/suggest/variants';
import {
  type Options,
  parseOptions,
  quantise,
  type RankSample,
  rankSamples,
  trainingDocument,
  trainMixed,
  trainRanker,
} from './train-ner';

interface Losses {
  wrong: number;
  underBar: number;
  noCandidate: number;
}

/** How one document's suggestions fare, and where its lost slots went. */
function judge(doc: GoldDocument, model: LinearModel, ranker: readonly number[]): { top: TopFive; losses: Losses } {
  const gold = goldOrganisations(doc.entities.filter((e) => e.type === 'ORG').map((e) => e.text));
  const { suggestions } = suggestCompanies({ text: doc.text }, model, { ranker });
  const top = topFive(
    suggestions.map((s) => [s.name, ...s.aliases]),
    gold,
  );
  const claimed = (names: readonly string[]) => gold.filter((g) => names.some((n) => g.has(nameKey(n))));
  const found = new Set(suggestions.slice(0, top.shown).flatMap((s) => claimed([s.name, ...s.aliases])));
  const offered = new Set(
    findCandidates({ text: doc.text }, model).candidates.flatMap(({ group }) =>
      claimed([group.key, ...group.spellings.keys(), ...group.extraAliases]),
    ),
  );
  const empty = top.slots - top.shown;
  const underBar = Math.min(empty, gold.filter((g) => offered.has(g) && !found.has(g)).length);
  return { top, losses: { wrong: top.shown - top.right, underBar, noCandidate: empty - underBar } };
}

/** The tagger's own organisations (before any rule) scored against the gold ones, exact spans. */
function addTaggerScore(score: SpanScore, doc: GoldDocument, model: LinearModel): void {
  const tokens = tokenize(doc.text);
  const found = tagNames(model, tokens)
    .filter((s) => s.kind === 'ORG')
    .map((s) => ({
      start: (tokens[s.start] as { start: number }).start,
      end: (tokens[s.end - 1] as { end: number }).end,
    }));
  addSpanScore(
    score,
    found,
    doc.entities.filter((e) => e.type === 'ORG'),
  );
}

/** One part's taggers (one per document order) and the candidates they find in it. */
interface Part {
  models: LinearModel[];
  samples: RankSample[][];
}

/**
 * Trains part `k`'s taggers on the other parts. The word groups are the shipped ones: they come
 * from vectors learnt without CoNLL-2003, so they say nothing of part `k`'s names.
 */
function fitPart(docs: readonly GoldDocument[], k: number, options: Options, seeds: readonly number[]): Part {
  const inPart = (i: number) => i % options.folds === k;
  const { clusters } = options;
  const prepared = docs.filter((_, i) => !inPart(i)).map((doc) => trainingDocument(doc, options.buckets, clusters));
  const heldOut = docs.filter((_, i) => inPart(i));
  const models = seeds.map((seed) => {
    const weights = trainMixed(prepared, { ...options, seed }, true);
    return { buckets: options.buckets, weights: quantise(weights, options.prune), clusters };
  });
  return { models, samples: models.map((model) => rankSamples(heldOut, model)) };
}

/** Each document judged with its part's tagger of document order `s`, and a ranker fitted on the other parts. */
function crossValidate(docs: readonly GoldDocument[], parts: readonly Part[], s: number, options: Options): void {
  const total = noTopFive();
  const losses: Losses = { wrong: 0, underBar: 0, noCandidate: 0 };
  const tagger = emptyScore();
  parts.forEach((part, k) => {
    const ranker = trainRanker(parts.flatMap((other, j) => (j === k ? [] : (other.samples[s] as RankSample[]))));
    const model = part.models[s] as LinearModel;
    docs.forEach((doc, i) => {
      if (i % options.folds !== k) return;
      const one = judge(doc, model, ranker);
      addTopFive(total, one.top);
      losses.wrong += one.losses.wrong;
      losses.underBar += one.losses.underBar;
      losses.noCandidate += one.losses.noCandidate;
      addTaggerScore(tagger, doc, model);
    });
  });
  console.log(
    `seed ${options.seed + s}: top-five precision ${(total.right / total.slots).toFixed(4)} (${total.right} of ${total.slots} slots, ${total.shown} shown); ` +
      `lost: ${losses.wrong} wrong names, ${losses.underBar} organisations under the bar, ${losses.noCandidate} never candidates; ` +
      `tagger ORG F1 ${exactPRF(tagger).f1.toFixed(4)}`,
  );
}

function main(): void {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  const at = argv.indexOf('--seeds');
  const count = at >= 0 ? Number(argv[at + 1]) : 1;
  if (!Number.isInteger(count) || count <= 0) throw new Error('--seeds needs a positive whole number.');
  const file = path.join(CONLL_DIR, 'eng.train');
  if (!existsSync(file)) {
    console.log(`No CoNLL-2003 training file at ${file}: nothing to measure.`);
    return;
  }
  const docs = readConll(file);
  console.log(`${docs.length} documents of eng.train in ${options.folds} parts`);
  const seeds = Array.from({ length: count }, (_, s) => options.seed + s);
  const parts = Array.from({ length: options.folds }, (_, k) => fitPart(docs, k, options, seeds));
  for (let s = 0; s < count; s++) crossValidate(docs, parts, s, options);
}

main();
