/**
 * What the model sees of one candidate span: its words, its shape, the words around it, the
 * word lists (legal suffixes, name heads, context cues), the word groups of its words and their
 * neighbours (clusters.ts) and a little about the whole document (is the word also written in
 * lower case elsewhere, does the name come back). Training
 * (scripts/train-ner.ts) and the extension call this same code, so they cannot drift apart.
 *
 * Each feature is a number: its kind (`F`) hashed together with the hashes of the words it
 * looks at, which are computed once per token. The model maps those numbers into a fixed
 * number of buckets (the "hashing trick"), so the shipped model is a flat table of small
 * integers with no vocabulary to store, and no feature string is ever built.
 */
import type { Run, Span } from './candidates';
import { clusterOf, clusterPrefix, type WordClusters } from './clusters';
import { cueAfter, cueBefore, WEAK_CUE_WORDS_AFTER } from './cues';
import { EXCHANGES, LEGAL_SUFFIXES, ORGANISATION_HEADS } from './lexicon';
import { lowerCaseWords, type Token } from './tokens';

/** FNV-1a, 32 bits: stable across runtimes and fast on short strings. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Hashes two numbers into one, with a final mix so nearby inputs land far apart. */
export function pair(a: number, b: number): number {
  let h = (Math.imul(a, 0x9e3779b1) ^ b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Feature kinds. Changing a number changes every hash: retrain (npm run train:ner) after. */
const F = {
  bias: 1,
  length: 2,
  firstWord: 3,
  lastWord: 4,
  allWords: 5,
  shapes: 6,
  context: 7,
  before1: 8,
  before2: 9,
  after1: 10,
  after2: 11,
  lastSuffix: 12,
  firstPrefix: 13,
  firstWordInContext: 14,
  innerWord: 15,
  wordSuffix: 16,
  cut: 17,
  shapeBefore: 18,
  shapeAfter: 19,
  single: 20,
  singleShape: 21,
  lowerToo: 22,
  word: 23,
  startsCompany: 24,
  endsName: 25,
  again: 26,
  legal: 27,
  head: 28,
  exchange: 29,
  cueBefore: 30,
  cueAfter: 31,
  weakCueAfter: 32,
  acronymNext: 33,
  seenAs: 34,
  wordSeenAs: 35,
  topic: 36,
  topicShape: 37,
  cluster: 38,
  clusterBefore: 39,
  clusterAfter: 40,
  singleCluster: 41,
} as const;

/** The lengths of a word group's path the features look at: coarse groups generalise, fine ones tell apart. */
const CLUSTER_BITS = [4, 8, 12, 16];

const OUTSIDE = 0x5eed;

/** What the features need to know about the whole document, computed once. */
export interface DocumentFacts {
  tokens: readonly Token[];
  /** Per token: hash of its text as written, of its lower-case form, of its shape, of its first and last three letters. */
  exact: Uint32Array;
  word: Uint32Array;
  shape: Uint32Array;
  prefix: Uint32Array;
  suffix: Uint32Array;
  /** Per token: its word group (clusters.ts), 0 for none. */
  cluster: Uint32Array;
  /** Per token: is the lower-case form also written in lower case somewhere in the document. */
  lowerToo: Uint8Array;
  /** How often each exact name (hash) appears not at the start of a sentence. */
  midSentence: ReadonlyMap<number, number>;
  /** Leading words (hash) of names that end in a legal form or a name head ("Sierra" of "Sierra Semiconductor Corp"). */
  companyStarts: ReadonlySet<number>;
  /** Last words (hash) of two- or three-word runs ("Randall" of "Scott Randall"): likely surnames. */
  runEnds: ReadonlySet<number>;
  /** The section a wire story names before its headline ("SOCCER - ..."), hashed; 0 for none. */
  topic: number;
}

/** Words of a section tag at most: "RUGBY UNION - ..." but not a headline with a dash in it. */
const MAX_TOPIC_WORDS = 3;

/** "SOCCER" of a first line "SOCCER - ROTOR FANS LOCKED OUT": in sport, a city's name is often its club's. */
function topicOf(tokens: readonly Token[], word: Uint32Array): number {
  if (!tokens[0]?.capsLine) return 0;
  for (let i = 1; i <= MAX_TOPIC_WORDS && i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.sentenceStart) return 0;
    if (t.text === '-') return sequenceHash(word, 0, i);
  }
  return 0;
}

function sequenceHash(values: Uint32Array, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = pair(h, values[i] as number);
  return h;
}

export function documentFacts(
  tokens: readonly Token[],
  runs: readonly Run[],
  spans: readonly Span[],
  clusters?: WordClusters,
): DocumentFacts {
  const n = tokens.length;
  const exact = new Uint32Array(n);
  const word = new Uint32Array(n);
  const shape = new Uint32Array(n);
  const prefix = new Uint32Array(n);
  const suffix = new Uint32Array(n);
  const cluster = new Uint32Array(n);
  const lowerToo = new Uint8Array(n);
  const lowerWords = lowerCaseWords(tokens);
  // Features look at a span's words and two words either side; spans lie inside runs, so the
  // words far from any run (most of a text) are never hashed.
  let hashedTo = 0;
  for (const run of runs) {
    for (let i = Math.max(run.start - 2, hashedTo); i < Math.min(run.end + 2, n); i++) {
      const t = tokens[i] as Token;
      exact[i] = hashText(t.text);
      word[i] = hashText(t.lower);
      shape[i] = hashText(t.shape);
      prefix[i] = hashText(t.lower.slice(0, 3));
      suffix[i] = hashText(t.lower.slice(-3));
      if (clusters) cluster[i] = clusterOf(clusters, t);
      lowerToo[i] = lowerWords.has(t.lower) ? 1 : 0;
      hashedTo = i + 1;
    }
  }
  const midSentence = new Map<number, number>();
  for (const span of spans) {
    const first = tokens[span.start] as Token;
    if (first.sentenceStart || first.capsLine) continue;
    const key = sequenceHash(exact, span.start, span.end);
    midSentence.set(key, (midSentence.get(key) ?? 0) + 1);
  }
  const companyStarts = new Set<number>();
  const runEnds = new Set<number>();
  for (const run of runs) {
    const last = tokens[run.end - 1] as Token;
    const length = run.end - run.start;
    if (length >= 2 && (LEGAL_SUFFIXES.has(last.lower) || ORGANISATION_HEADS.has(last.lower))) {
      for (let i = run.start + 1; i < run.end; i++) companyStarts.add(sequenceHash(exact, run.start, i));
    }
    if (length >= 2 && length <= 3) runEnds.add(sequenceHash(exact, run.end - 1, run.end));
  }
  for (let i = 0; i <= MAX_TOPIC_WORDS && i < n; i++) word[i] = hashText((tokens[i] as Token).lower);
  const topic = topicOf(tokens, word);
  return { tokens, exact, word, shape, prefix, suffix, cluster, lowerToo, midSentence, companyStarts, runEnds, topic };
}

/** The feature hashes of a span (without the kind: the model pairs each with every kind). */
export function spanFeatures(facts: DocumentFacts, run: Run, span: Span): number[] {
  const { tokens, word, shape } = facts;
  const { start, end } = span;
  const first = tokens[start] as Token;
  const last = tokens[end - 1] as Token;
  const length = end - start;
  const at = (values: Uint32Array, i: number) => (i >= 0 && i < tokens.length ? (values[i] as number) : OUTSIDE);
  const context = (first.capsLine ? 2 : 0) + (first.sentenceStart ? 1 : 0);
  const f = [
    pair(F.bias, 0),
    pair(F.length, Math.min(length, 4)),
    pair(F.firstWord, word[start] as number),
    pair(F.lastWord, word[end - 1] as number),
    pair(F.allWords, sequenceHash(word, start, end)),
    pair(F.shapes, sequenceHash(shape, start, end)),
    pair(F.context, context),
    pair(F.before1, at(word, start - 1)),
    pair(F.before2, pair(at(word, start - 2), at(word, start - 1))),
    pair(F.after1, at(word, end)),
    pair(F.after2, pair(at(word, end), at(word, end + 1))),
    pair(F.lastSuffix, facts.suffix[end - 1] as number),
    pair(F.firstPrefix, facts.prefix[start] as number),
    pair(pair(F.firstWordInContext, context), word[start] as number),
    // A span cut out of a longer capitalised run is often a fragment ("Semiconductor Corp").
    pair(F.cut, pair(start > run.start ? at(shape, start - 1) : 0, end < run.end ? at(shape, end) : 0)),
    pair(F.shapeBefore, at(shape, start - 1)),
    pair(F.shapeAfter, at(shape, end)),
  ];
  for (let i = start; i < end; i++) {
    f.push(pair(F.word, word[i] as number), pair(F.wordSuffix, facts.suffix[i] as number));
    if (i > start && i < end - 1) f.push(pair(F.innerWord, word[i] as number));
  }
  addClusterFeatures(f, facts, start, end);
  if (length === 1) {
    f.push(pair(F.single, word[start] as number), pair(pair(F.singleShape, context), shape[start] as number));
    if (facts.lowerToo[start]) f.push(pair(F.lowerToo, context));
  }
  if (facts.topic !== 0) {
    f.push(pair(F.topic, facts.topic), pair(F.topicShape, pair(facts.topic, sequenceHash(shape, start, end))));
  }
  const exact = sequenceHash(facts.exact, start, end);
  if (facts.companyStarts.has(exact)) f.push(pair(F.startsCompany, 0));
  if (length === 1 && end === run.end && facts.runEnds.has(exact)) f.push(pair(F.endsName, 0));
  f.push(pair(F.again, Math.min(facts.midSentence.get(exact) ?? 0, 3) * 2 + (first.sentenceStart ? 1 : 0)));
  if (LEGAL_SUFFIXES.has(last.lower)) f.push(pair(F.legal, 0));
  if (ORGANISATION_HEADS.has(last.lower)) f.push(pair(F.head, 0));
  if (length === 1 && EXCHANGES.has(first.lower)) f.push(pair(F.exchange, 0));
  if (cueBefore(tokens, start)) f.push(pair(F.cueBefore, 0));
  if (cueAfter(tokens, end)) f.push(pair(F.cueAfter, 0));
  if (cueAfter(tokens, end, WEAK_CUE_WORDS_AFTER)) f.push(pair(F.weakCueAfter, 0));
  if (tokens[end]?.text === '(' && /^\p{Lu}{2,6}$/u.test(tokens[end + 1]?.text ?? '')) f.push(pair(F.acronymNext, 0));
  return f;
}

/** The word groups of a span's words and of the words either side of it, at each length of CLUSTER_BITS. */
function addClusterFeatures(f: number[], facts: DocumentFacts, start: number, end: number): void {
  const { cluster } = facts;
  const add = (kind: number, path: number) => {
    if (path === 0) return;
    for (const bits of CLUSTER_BITS) f.push(pair(pair(kind, bits), clusterPrefix(path, bits)));
  };
  for (let i = start; i < end; i++) add(F.cluster, cluster[i] as number);
  if (start > 0) add(F.clusterBefore, cluster[start - 1] as number);
  if (end < cluster.length) add(F.clusterAfter, cluster[end] as number);
  if (end - start === 1 && cluster[start] !== 0) f.push(pair(F.singleCluster, cluster[start] as number));
}

/**
 * What the tagger has already said earlier in the same document: a name it read as a person
 * is likely a person again, and a word of a name it read as an organisation ("Gencor" after
 * "Gencor Ltd") likely names that organisation. Kept per document as bit sets of kinds.
 */
const NOTHING: readonly number[] = [];

export class NameHistory {
  private readonly names = new Map<number, number>();
  private readonly words = new Map<number, number>();

  constructor(private readonly facts: DocumentFacts) {}

  /** The hash of a span's words, lower-cased: "Gore" and "GORE" are the same name. */
  nameOf(span: Span): number {
    return sequenceHash(this.facts.word, span.start, span.end);
  }

  /** Forgets everything (training decodes each document once per epoch). */
  clear(): void {
    this.names.clear();
    this.words.clear();
  }

  record(span: Span, kind: number): void {
    const bit = 1 << kind;
    const name = this.nameOf(span);
    this.names.set(name, (this.names.get(name) ?? 0) | bit);
    for (let i = span.start; i < span.end; i++) {
      const word = this.facts.word[i] as number;
      this.words.set(word, (this.words.get(word) ?? 0) | bit);
    }
  }

  /** Feature hashes of what was said before about this span and its words. */
  features(span: Span, kinds: number): readonly number[] {
    let worded = 0;
    for (let i = span.start; i < span.end; i++) worded |= this.words.get(this.facts.word[i] as number) ?? 0;
    // A name none of whose words was read before was never read before either: most spans.
    if (worded === 0) return NOTHING;
    const named = this.names.get(this.nameOf(span)) ?? 0;
    const f: number[] = [];
    for (let k = 0; k < kinds; k++) {
      if (named & (1 << k)) f.push(pair(F.seenAs, k));
      if (worded & (1 << k)) f.push(pair(F.wordSeenAs, k));
    }
    return f;
  }
}
