/**
 * Word groups from pretrained word vectors (scripts/word-clusters.ts): words used alike share a
 * group, so the tagger can read a company no training document named ("Caltex") like the ones
 * that were ("Texaco"). A group is a path of halvings, kept as a number with a leading 1 bit
 * ("0110" -> 0b10110); its first bits are a coarser group. Words are kept in lower case, as the
 * vectors were learnt, so a name's group does not hang on how a line capitalises it.
 */
import type { Token } from './tokens';

/** Lower-case word -> its group's path; words not in the table have no group. */
export type WordClusters = ReadonlyMap<string, number>;

/** Reads the table: a line per group, its path of halvings (0s and 1s), a space, then its words. */
export function parseClusters(table: string): WordClusters {
  const clusters = new Map<string, number>();
  for (const line of table.split('\n')) {
    const words = line.split(' ');
    const bits = words[0] ?? '';
    if (!/^[01]{1,30}$/u.test(bits)) throw new Error(`A word group's path must be 0s and 1s, not "${bits}".`);
    const path = Number.parseInt(`1${bits}`, 2);
    for (let i = 1; i < words.length; i++) clusters.set(words[i] as string, path);
  }
  return clusters;
}

/** A token's group, 0 for none. */
export function clusterOf(clusters: WordClusters, token: Token): number {
  return clusters.get(token.lower) ?? 0;
}

/** The first `bits` halvings of a group's path (the whole path when it is shorter). */
export function clusterPrefix(path: number, bits: number): number {
  const depth = 31 - Math.clz32(path);
  return depth > bits ? path >>> (depth - bits) : path;
}
