/**
 * The compact name tagger: a linear model over hashed span features (features.ts), trained as
 * an averaged structured perceptron on CoNLL-2003 (scripts/train-ner.ts) and shipped as a table
 * of 4-bit weights (model-weights.ts, generated).
 *
 * How it reads a document: tokens -> runs of capitalised words -> every candidate span of each
 * run scored for each kind of name -> per run, the set of non-overlapping spans with the best
 * total score (a small dynamic programme; a span scoring <= 0 is "not a name").
 */
import { findRuns, type Run, type Span, spansOf } from './candidates';
import type { WordClusters } from './clusters';
import { documentFacts, NameHistory, spanFeatures } from './features';
import type { Token } from './tokens';

export const KINDS = ['ORG', 'PER', 'LOC', 'MISC'] as const;
export type NameKind = (typeof KINDS)[number];
const K = KINDS.length;

/**
 * A model's weight for bucket b and kind k sits at index b * KINDS.length + k, either in a plain
 * array (training) or packed two to a byte as shipped (packWeights). The shipped model is read in
 * place: unpacking its 262,144 weights costs more than the few thousand a page looks up.
 */
export type LinearModel = (
  | { buckets: number; weights: ArrayLike<number> }
  | { buckets: number; packed: Uint8Array }
) & {
  /** The word groups its features were trained with (clusters.ts). */
  clusters?: WordClusters;
};

export interface TaggedSpan extends Span {
  kind: NameKind;
  /** The model's score for that kind: higher is surer. */
  score: number;
  /** Its score as an organisation (the same as `score` when kind is ORG). */
  orgScore: number;
  /** Its best score as any other kind of name: how far it is from being read as a person, place or thing. */
  otherScore: number;
}

/** A span with its hashed feature buckets, computed once per document. */
export interface PreparedSpan extends Span {
  buckets: Int32Array;
}

export interface PreparedRun extends Run {
  spans: PreparedSpan[];
}

/** A document's runs in order, and what the tagger has said so far (decoding fills it in). */
export interface PreparedDocument {
  runs: PreparedRun[];
  history: NameHistory;
}

export function prepareDocument(tokens: readonly Token[], buckets: number, clusters?: WordClusters): PreparedDocument {
  const runs = findRuns(tokens).map((run) => ({ run, spans: spansOf(tokens, run) }));
  const facts = documentFacts(
    tokens,
    runs.map((r) => r.run),
    runs.flatMap((r) => r.spans),
    clusters,
  );
  return {
    runs: runs.map(({ run, spans }) => ({
      ...run,
      spans: spans.map((span) => ({ ...span, buckets: bucketsOf(spanFeatures(facts, run, span), buckets) })),
    })),
    history: new NameHistory(facts),
  };
}

function bucketsOf(features: readonly number[], buckets: number): Int32Array {
  const mask = buckets - 1;
  const ids = new Int32Array(features.length);
  for (let i = 0; i < features.length; i++) ids[i] = ((features[i] as number) & mask) * K;
  return ids;
}

function addScores(model: LinearModel, ids: Int32Array, out: number[]): void {
  if ('packed' in model) {
    const bytes = model.packed;
    for (const base of ids) {
      for (let k = 0; k < K; k++) out[k] = (out[k] as number) + packedWeight(bytes, base + k);
    }
    return;
  }
  const w = model.weights;
  for (const base of ids) {
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + (w[base + k] as number);
  }
}

/** The features of a span that depend on what was decoded before it. */
export function historyBuckets(doc: PreparedDocument, span: Span, buckets: number): Int32Array {
  return bucketsOf(doc.history.features(span, K), buckets);
}

/** The best set of non-overlapping names in one run of `doc`, recorded in its history. */
export function decodeRun(model: LinearModel, doc: PreparedDocument, run: PreparedRun): TaggedSpan[] {
  const chosen = chooseSpans(model, doc, run);
  for (const span of chosen) doc.history.record(span, KINDS.indexOf(span.kind));
  return chosen;
}

/** The best set of non-overlapping names in one run, given the history so far (which it leaves as it is). */
export function chooseSpans(model: LinearModel, doc: PreparedDocument, run: PreparedRun): TaggedSpan[] {
  const n = run.end - run.start;
  const best = new Float64Array(n + 1);
  const choice: (TaggedSpan | null)[] = new Array(n + 1).fill(null);
  const byEnd: TaggedSpan[][] = Array.from({ length: n + 1 }, () => []);
  for (const span of run.spans) {
    const s = [0, 0, 0, 0];
    addScores(model, span.buckets, s);
    const history = doc.history.features(span, K);
    if (history.length > 0) addScores(model, bucketsOf(history, model.buckets), s);
    let kind = 0;
    for (let k = 1; k < K; k++) if ((s[k] as number) > (s[kind] as number)) kind = k;
    const score = s[kind] as number;
    if (score > 0) {
      byEnd[span.end - run.start]?.push({
        start: span.start,
        end: span.end,
        kind: KINDS[kind] as NameKind,
        score,
        orgScore: s[0] as number,
        otherScore: Math.max(s[1] as number, s[2] as number, s[3] as number),
      });
    }
  }
  for (let i = 1; i <= n; i++) {
    best[i] = best[i - 1] as number;
    choice[i] = null;
    for (const span of byEnd[i] as TaggedSpan[]) {
      const total = (best[span.start - run.start] as number) + span.score;
      if (total > (best[i] as number)) {
        best[i] = total;
        choice[i] = span;
      }
    }
  }
  const chosen: TaggedSpan[] = [];
  for (let i = n; i > 0; ) {
    const span = choice[i];
    if (span) {
      chosen.push(span);
      i = span.start - run.start;
    } else i -= 1;
  }
  return chosen.reverse();
}

export function tagNames(model: LinearModel, tokens: readonly Token[]): TaggedSpan[] {
  return tagDocument(model, prepareDocument(tokens, model.buckets, model.clusters));
}

export function tagDocument(model: LinearModel, doc: PreparedDocument): TaggedSpan[] {
  return doc.runs.flatMap((run) => decodeRun(model, doc, run));
}

/**
 * The model's score for each kind (in KINDS order) of any candidate span of the document, with
 * all the document as history: asked about names the decoding left out (headline.ts).
 */
export function kindScores(model: LinearModel, doc: PreparedDocument, span: Span): number[] | null {
  const run = doc.runs.find((r) => r.start <= span.start && span.end <= r.end);
  const prepared = run?.spans.find((s) => s.start === span.start && s.end === span.end);
  if (!prepared) return null;
  const out = [0, 0, 0, 0];
  addScores(model, prepared.buckets, out);
  addScores(model, historyBuckets(doc, prepared, model.buckets), out);
  return out;
}

/** Weights are stored as integers from -7 to 7: four bits each, two to a byte, then deflated. */
export const WEIGHT_LEVELS = 15;

/** Two weights a byte (training writes this, then deflates it). */
export function packWeights(weights: Int8Array): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(weights.length / 2));
  for (let i = 0; i < weights.length; i += 2) {
    bytes[i >> 1] = (((weights[i] as number) + 8) << 4) | ((weights[i + 1] ?? 0) + 8);
  }
  return bytes;
}

/** The weight at `index` of weights packed by packWeights. */
export function packedWeight(bytes: Uint8Array, index: number): number {
  const byte = bytes[index >> 1] as number;
  return ((index & 1) === 0 ? byte >> 4 : byte & 15) - 8;
}

/** A packed model, refused when it holds fewer weights than its buckets need. */
export function packedModel(bytes: Uint8Array, buckets: number): LinearModel {
  const count = buckets * K;
  if (bytes.length * 2 < count) throw new Error(`The model has ${bytes.length * 2} weights, expected ${count}.`);
  return { buckets, packed: bytes };
}

/** Decodes base64 natively where the platform can (Uint8Array.fromBase64: Chrome 140, Firefox 133), else through atob. */
function bytesOfBase64(base64: string): Uint8Array {
  const native = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
  if (native) return native(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Base64 of deflated bytes back to bytes, with the platform's own DecompressionStream (browsers, Node 18+). */
export async function inflateBase64(base64: string): Promise<Uint8Array> {
  const inflate = new DecompressionStream('deflate-raw');
  const writer = inflate.writable.getWriter();
  // Not awaited before reading: the write settles only once the reading below has taken it.
  const writing = writer.write(bytesOfBase64(base64) as Uint8Array<ArrayBuffer>).then(() => writer.close());
  // Bad data fails the read below too, which reports it; this copy of the failure is not news.
  writing.catch(() => undefined);
  return new Uint8Array(await new Response(inflate.readable).arrayBuffer());
}
