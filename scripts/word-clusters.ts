/**
 * `npx tsx scripts/word-clusters.ts`: groups the words of unlabelled news text by the words
 * that stand beside them, and writes the groups as utils/suggest/word-clusters.ts, which the
 * name tagger reads as features (features.ts). A company named in no training document still
 * shares its group with companies that were ("Caltex" beside "Texaco"), and so do the words
 * around names ("shares", "stake").
 *
 * Text: CoNLL-2003 eng.train (its words only, never its labels), BBC News and the saved feeds
 * of ../shared/corpora; never eng.testa, which judges the tagger. Each of the MAX_WORDS most
 * frequent words (seen MIN_COUNT times or more) is a vector of its left and right neighbours
 * (common lower-case words, other words by shape), weighted by positive pointwise mutual
 * information; the words are split in two by spherical 2-means, each half again, down to
 * MAX_DEPTH halvings. A word's group is its path of halvings, so a prefix of it is a coarser
 * group, as with Brown clusters. Everything is deterministic: rerunning rewrites the file byte
 * for byte.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { CONLL_DIR, readConll } from '../test/support/conll';
import { CORPORA } from '../test/support/corpora';
import { parseFeedBytes } from '../utils/feeds/parse';
import { type Token, tokenize } from '../utils/suggest/tokens';

const OUTPUT = path.resolve('utils/suggest/word-clusters.ts');
const MAX_WORDS = 5_000;
const MIN_COUNT = 4;
/** Neighbours kept as words; rarer ones count by their shape. */
const CONTEXT_WORDS = 2_000;
const MAX_DEPTH = 14;
/** A group this small is not split again. */
const MIN_GROUP = 4;
const ITERATIONS = 12;

/** The unlabelled texts, with eng.train's documents only where `useTrain(i)` says so (cross-ner.ts leaves its held-out part out). */
export function clusterTexts(useTrain: (index: number) => boolean = () => true): string[] {
  const out = readConll(path.join(CONLL_DIR, 'eng.train'))
    .filter((_, i) => useTrain(i))
    .map((d) => d.text);
  const bbc = readFileSync(path.join(CORPORA, 'bbc-news', 'train.jsonl'), 'utf8');
  for (const line of bbc.split('\n')) {
    if (line.trim() === '') continue;
    const story = JSON.parse(line) as { title: string; text: string };
    out.push(`${story.title}\n${story.text}`);
  }
  const feeds = path.join(CORPORA, 'feeds', 'files');
  for (const file of readdirSync(feeds).sort()) {
    try {
      const feed = parseFeedBytes(readFileSync(path.join(feeds, file)), `https://example.com/${file}`);
      for (const item of feed.items) out.push([item.title, item.summary, item.content].join('\n'));
    } catch {
      // Some saved feeds are broken on purpose (edge cases of the feed reader): no text to learn from.
    }
  }
  return out;
}

/** The key a token is looked up by: its text, except on a line in capitals, where case says nothing. */
function clusterKey(token: Token): string {
  return token.capsLine ? '' : token.text;
}

interface Counts {
  words: Map<string, number>;
  context: Map<string, number>;
}

function countWords(docs: readonly Token[][]): Counts {
  const words = new Map<string, number>();
  const context = new Map<string, number>();
  for (const tokens of docs) {
    for (const t of tokens) {
      const key = clusterKey(t);
      if (key) words.set(key, (words.get(key) ?? 0) + 1);
      context.set(t.lower, (context.get(t.lower) ?? 0) + 1);
    }
  }
  return { words, context };
}

const byCount = (counts: Map<string, number>) =>
  [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w]) => w);

type Vector = Map<number, number>;

/** Each vocabulary word's neighbours, left ones at even indices and right ones at odd. */
function neighbourVectors(docs: readonly Token[][], vocabulary: Map<string, number>, contextIds: Map<string, number>) {
  const shapeIds = new Map<string, number>();
  const idOf = (t: Token | undefined, boundary: boolean): number => {
    if (!t || boundary) return 0;
    const word = contextIds.get(t.lower);
    if (word !== undefined) return word + 1;
    const shape = `#${t.shape}`;
    if (!shapeIds.has(shape)) shapeIds.set(shape, CONTEXT_WORDS + 1 + shapeIds.size);
    return shapeIds.get(shape) as number;
  };
  const vectors: Vector[] = Array.from({ length: vocabulary.size }, () => new Map());
  for (const tokens of docs) {
    tokens.forEach((t, i) => {
      const w = vocabulary.get(clusterKey(t));
      if (w === undefined) return;
      const v = vectors[w] as Vector;
      const left = idOf(tokens[i - 1], t.sentenceStart) * 2;
      const right = idOf(tokens[i + 1], tokens[i + 1]?.sentenceStart ?? true) * 2 + 1;
      v.set(left, (v.get(left) ?? 0) + 1);
      v.set(right, (v.get(right) ?? 0) + 1);
    });
  }
  return vectors;
}

/** Positive pointwise mutual information (context counts smoothed to the power 0.75), then unit length. */
function weigh(vectors: Vector[]): Vector[] {
  const contextTotals = new Map<number, number>();
  for (const v of vectors) {
    for (const [c, n] of v) {
      contextTotals.set(c, (contextTotals.get(c) ?? 0) + n);
    }
  }
  let smoothed = 0;
  for (const n of contextTotals.values()) smoothed += n ** 0.75;
  return vectors.map((v) => {
    let wordTotal = 0;
    for (const n of v.values()) wordTotal += n;
    const out: Vector = new Map();
    let norm = 0;
    for (const [c, n] of [...v].sort((a, b) => a[0] - b[0])) {
      const pmi = Math.log(n / wordTotal / ((contextTotals.get(c) as number) ** 0.75 / smoothed));
      if (pmi <= 0) continue;
      out.set(c, pmi);
      norm += pmi * pmi;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [c, x] of out) out.set(c, x * scale);
    return out;
  });
}

function dot(v: Vector, centre: Float64Array): number {
  let s = 0;
  for (const [c, x] of v) s += x * (centre[c] as number);
  return s;
}

function centreOf(vectors: readonly Vector[], members: readonly number[], size: number): Float64Array {
  const centre = new Float64Array(size);
  for (const m of members) for (const [c, x] of vectors[m] as Vector) centre[c] = (centre[c] as number) + x;
  let norm = 0;
  for (const x of centre) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < size; i++) centre[i] = (centre[i] as number) * scale;
  return centre;
}

/**
 * Splits `members` (vocabulary indices, most frequent first) in two by spherical 2-means, started
 * from the most frequent word and the other word least like the group's centre.
 */
function bisect(vectors: readonly Vector[], members: readonly number[], size: number): [number[], number[]] {
  const whole = centreOf(vectors, members, size);
  let far = members[1] as number;
  let farthest = Infinity;
  for (const m of members) {
    if (m === members[0] || (vectors[m] as Vector).size === 0) continue;
    const similarity = dot(vectors[m] as Vector, whole);
    if (similarity < farthest) [far, farthest] = [m, similarity];
  }
  let a = centreOf(vectors, [members[0] as number], size);
  let b = centreOf(vectors, [far], size);
  let halves: [number[], number[]] = [[], []];
  for (let round = 0; round < ITERATIONS; round++) {
    const next: [number[], number[]] = [[], []];
    for (const m of members) next[dot(vectors[m] as Vector, a) >= dot(vectors[m] as Vector, b) ? 0 : 1].push(m);
    // A round that empties a side keeps the last split that had two.
    if (next[0].length === 0 || next[1].length === 0) break;
    halves = next;
    a = centreOf(vectors, halves[0], size);
    b = centreOf(vectors, halves[1], size);
  }
  return halves;
}

function cluster(vectors: readonly Vector[], size: number): string[] {
  const paths = new Array<string>(vectors.length).fill('');
  const split = (members: number[], prefix: string) => {
    for (const m of members) paths[m] = prefix;
    if (prefix.length >= MAX_DEPTH || members.length < MIN_GROUP) return;
    const [left, right] = bisect(vectors, members, size);
    if (left.length === 0 || right.length === 0) return;
    split(left, `${prefix}0`);
    split(right, `${prefix}1`);
  };
  split(
    vectors.map((_, i) => i),
    '',
  );
  return paths;
}

/** The groups of the words of `texts`, as the shipped table: a line per group, its path, then its words. */
export function clusterTable(texts: readonly string[]): { table: string; words: number; groups: number } {
  const docs = texts.map((text) => tokenize(text));
  const counts = countWords(docs);
  const words = byCount(counts.words)
    .filter((w) => (counts.words.get(w) as number) >= MIN_COUNT)
    .slice(0, MAX_WORDS);
  const vocabulary = new Map(words.map((w, i) => [w, i]));
  const contextIds = new Map(
    byCount(counts.context)
      .slice(0, CONTEXT_WORDS)
      .map((w, i) => [w, i]),
  );
  const vectors = weigh(neighbourVectors(docs, vocabulary, contextIds));
  let size = 0;
  for (const v of vectors) for (const c of v.keys()) size = Math.max(size, c + 1);
  const paths = cluster(vectors, size);
  const groups = new Map<string, string[]>();
  words.forEach((w, i) => {
    const p = paths[i] as string;
    groups.set(p, [...(groups.get(p) ?? []), w]);
  });
  const table = [...groups]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([p, ws]) => `${p} ${ws.join(' ')}`)
    .join('\n');
  return { table, words: words.length, groups: groups.size };
}

function main(): void {
  const texts = clusterTexts();
  const { table, words, groups } = clusterTable(texts);
  const packed = deflateRawSync(Buffer.from(table, 'utf8'), { level: 9 }).toString('base64');
  writeFileSync(
    OUTPUT,
    `// Generated by scripts/word-clusters.ts from CoNLL-2003 eng.train (words only), BBC News 2004-05 and\n` +
      `// saved news feeds (../shared/corpora; research use). ${words} words in ${groups} groups, each line\n` +
      `// a group's path of halvings and its words, deflated. Do not edit by hand.\n` +
      `export const WORD_CLUSTERS =\n  '${packed}';\n`,
  );
  console.log(`${texts.length} texts; ${words} words in ${groups} groups; ${packed.length} characters.`);
  if (process.argv.includes('--show')) console.log(table);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
