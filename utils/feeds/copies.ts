/**
 * Syndicated copies: the same report under several publishers' names (a wire story on five
 * sites), told apart from different reports of the same event. Two items are copies when
 *   - their titles are the same (five words or more), or
 *   - the word pairs of their title and lead overlap by `COPY_SIMILARITY` (Jaccard, estimated
 *     by MinHash) and their titles carry the same numbers ("sells 1500 shares" is not a copy
 *     of "sells 99342 shares", nor "calendar, Aug. 9-16" of "Aug. 16-23").
 *
 * The signature is small (32 numbers) and `copyBandKeys` gives 16 keys such that copies share
 * at least one key with high probability, so a store can find candidates through an index
 * instead of comparing every pair; `groupCopies` does exactly that for a batch.
 */

export const COPY_SIMILARITY = 0.4;
const HASHES = 32;
const ROWS_PER_BAND = 2;
/** Copies are judged on the opening: later paragraphs differ between a wire story's copies. */
const MAX_WORDS = 60;
/** Below this many word pairs there is too little text to call two items copies. */
const MIN_SHINGLES = 6;
const MIN_TITLE_WORDS = 5;
/**
 * A key shared by this many items comes from a phrase many texts use, not from a copy; such a
 * bucket is not searched (copies share several keys, so they still meet in another one).
 */
export const MAX_BUCKET = 64;

export interface CopySignature {
  /** MinHash of the word pairs; empty when the text is too short to judge. */
  minhash: number[];
  /** The title's words, normalised, when long enough to identify a story; else null. */
  titleKey: string | null;
  /** The tokens with digits in the title, sorted. */
  titleNumbers: string;
}

function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** FNV-1a, 32 bits. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One seed per hash function. */
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b9));

/**
 * Word pairs of two short words ("of the", "in a", "di la") are in most texts of a language:
 * they say nothing about the story and would put unrelated stories in the same buckets.
 */
function isFiller(a: string, b: string): boolean {
  return a.length <= 3 && b.length <= 3;
}

function minhashOf(tokens: string[]): number[] {
  const shingles = new Set<number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i] as string, tokens[i + 1] as string];
    if (!isFiller(a, b)) shingles.add(hashString(`${a} ${b}`));
  }
  if (shingles.size < MIN_SHINGLES) return [];
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  for (const h of shingles) {
    for (let i = 0; i < HASHES; i++) {
      // murmur3's finaliser over the shingle's hash and the function's seed.
      let x = h ^ (SEEDS[i] as number);
      x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
      x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
      x = (x ^ (x >>> 16)) >>> 0;
      if (x < (mins[i] as number)) mins[i] = x;
    }
  }
  return Array.from(mins);
}

export function copySignature(title: string, lead: string): CopySignature {
  const titleWords = words(title);
  return {
    minhash: minhashOf([...titleWords, ...words(lead)].slice(0, MAX_WORDS)),
    titleKey: titleWords.length >= MIN_TITLE_WORDS ? titleWords.join(' ') : null,
    titleNumbers: titleWords
      .filter((w) => /\p{N}/u.test(w))
      .sort()
      .join(' '),
  };
}

/** The estimated Jaccard similarity of two signatures' word pairs (0 when either is empty). */
export function copySimilarity(a: CopySignature, b: CopySignature): number {
  if (a.minhash.length === 0 || b.minhash.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a.minhash[i] === b.minhash[i]) same += 1;
  return same / HASHES;
}

export function areCopies(a: CopySignature, b: CopySignature): boolean {
  if (a.titleKey !== null && a.titleKey === b.titleKey) return true;
  return a.titleNumbers === b.titleNumbers && copySimilarity(a, b) >= COPY_SIMILARITY;
}

/** Room for one band's hash: keys are `band × 2^32 + hash`, exact in a double. */
const BAND_SPAN = 2 ** 32;
/** The title's key sits after the MinHash bands. */
const TITLE_BAND = HASHES / ROWS_PER_BAND;

/**
 * Index keys: copies share one with high probability; unrelated items almost never do. Numbers,
 * not strings: an IndexedDB index entry of a number is a fraction of one of a string.
 */
export function copyBandKeys(signature: CopySignature): number[] {
  const m = signature.minhash;
  const keys: number[] = [];
  if (signature.titleKey !== null) keys.push(TITLE_BAND * BAND_SPAN + hashString(signature.titleKey));
  for (let band = 0; band * ROWS_PER_BAND < m.length; band++) {
    let h = band;
    for (let r = band * ROWS_PER_BAND; r < (band + 1) * ROWS_PER_BAND; r++)
      h = Math.imul(h ^ (m[r] as number), 0x01000193);
    keys.push(band * BAND_SPAN + (h >>> 0));
  }
  return keys;
}

/** Groups of copies among `signatures`: the group number of each, in order (union-find over shared keys). */
export function groupCopies(signatures: readonly CopySignature[]): number[] {
  const parent = signatures.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const byKey = new Map<number, number[]>();
  signatures.forEach((signature, i) => {
    for (const key of copyBandKeys(signature)) {
      const bucket = byKey.get(key);
      if (bucket) bucket.push(i);
      else byKey.set(key, [i]);
    }
  });
  for (const bucket of byKey.values()) {
    if (bucket.length > MAX_BUCKET) continue;
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const [i, j] = [bucket[x] as number, bucket[y] as number];
        if (root(i) !== root(j) && areCopies(signatures[i] as CopySignature, signatures[j] as CopySignature)) {
          parent[root(i)] = root(j);
        }
      }
    }
  }
  return signatures.map((_, i) => root(i));
}
