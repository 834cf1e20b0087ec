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
import { documentFacts, spanFeatures } from './features';
import type { Token } from './tokens';

export const KINDS = ['ORG', 'PER', 'LOC', 'MISC'] as const;
export type NameKind = (typeof KINDS)[number];
const K = KINDS.length;

/**
 * A model's weight for bucket b and kind k sits at index b * KINDS.length + k, either in a plain
 * array (training) or packed two to a byte as shipped (packWeights). The shipped model is read in
 * place: unpacking its 131,072 weights costs more than the few thousand a page looks up.
 */
export type LinearModel = { buckets: number; weights: ArrayLike<number> } | { buckets: number; packed: Uint8Array };

export interface TaggedSpan extends Span {
  kind: NameKind;
  /** The model's score for that kind: higher is surer. */
  score: number;
  /** Its score as an organisation (the same as `score` when kind is ORG). */
  orgScore: number;
}

/** A span with its hashed feature buckets, computed once per document. */
export interface PreparedSpan extends Span {
  buckets: Int32Array;
}

export interface PreparedRun extends Run {
  spans: PreparedSpan[];
}

export function prepareDocument(tokens: readonly Token[], buckets: number): PreparedRun[] {
  const runs = findRuns(tokens).map((run) => ({ run, spans: spansOf(tokens, run) }));
  const facts = documentFacts(
    tokens,
    runs.map((r) => r.run),
    runs.flatMap((r) => r.spans),
  );
  const mask = buckets - 1;
  return runs.map(({ run, spans }) => ({
    ...run,
    spans: spans.map((span) => {
      const features = spanFeatures(facts, run, span);
      const ids = new Int32Array(features.length);
      for (let i = 0; i < features.length; i++) ids[i] = ((features[i] as number) & mask) * K;
      return { ...span, buckets: ids };
    }),
  }));
}

function scores(model: LinearModel, span: PreparedSpan): number[] {
  const out = [0, 0, 0, 0];
  if ('packed' in model) {
    const bytes = model.packed;
    for (const base of span.buckets) {
      for (let k = 0; k < K; k++) out[k] = (out[k] as number) + packedWeight(bytes, base + k);
    }
    return out;
  }
  const w = model.weights;
  for (const base of span.buckets) {
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + (w[base + k] as number);
  }
  return out;
}

/** The best set of non-overlapping names in one run. */
export function decodeRun(model: LinearModel, run: PreparedRun): TaggedSpan[] {
  const n = run.end - run.start;
  const best = new Float64Array(n + 1);
  const choice: (TaggedSpan | null)[] = new Array(n + 1).fill(null);
  const byEnd: TaggedSpan[][] = Array.from({ length: n + 1 }, () => []);
  for (const span of run.spans) {
    const s = scores(model, span);
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
  return prepareDocument(tokens, model.buckets).flatMap((run) => decodeRun(model, run));
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
