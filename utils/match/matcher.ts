/**
 * Finds tracked companies in text. All enabled aliases (and exclusion phrases) are compiled once
 * into one Aho-Corasick automaton over the loose form of the text (see normalize.ts); each text
 * is folded into a scratch buffer with, for every folded unit, the index in the original text it
 * came from, so a match maps back to exact original offsets. Candidates then pass the same
 * checks as the reference matcher (patterns.ts): word boundaries, case and accents where an alias
 * asks for them, exclusions, longest match wins.
 */
import type { TrackedEntity } from '../entities';
import { buildAutomaton } from './automaton';
import { foldCodePoint } from './normalize';
import {
  type Candidate,
  compilePatterns,
  extendOverMarks,
  hasWordBoundaries,
  type Mention,
  type Pattern,
  passesStrictCheck,
  selectMentions,
} from './patterns';

export type { Mention } from './patterns';

export interface Matcher {
  /** Mentions in `text`, in order, never overlapping. */
  findMentions(text: string): Mention[];
  readonly isEmpty: boolean;
}

const SPACE = 0x20;

/** ASCII folds by table: the common case never touches the Unicode machinery. */
const ASCII_FOLD = Uint16Array.from({ length: 128 }, (_, c) => {
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if ((c >= 0x09 && c <= 0x0d) || c === SPACE) return SPACE;
  return c;
});

/** Scratch buffers reused across texts; grown when a text needs more room. */
class FoldBuffer {
  units = new Uint16Array(1024);
  origin = new Int32Array(1024);
  length = 0;

  fold(text: string): void {
    if (this.units.length < text.length * 2 + 8) this.grow(text.length * 2 + 8);
    let units = this.units;
    let origin = this.origin;
    let n = 0;
    let lastWasSpace = true;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code < 128) {
        code = ASCII_FOLD[code] as number;
        if (code === SPACE) {
          if (lastWasSpace) continue;
          lastWasSpace = true;
        } else lastWasSpace = false;
        units[n] = code;
        origin[n++] = i;
        continue;
      }
      const start = i;
      const codePoint = text.codePointAt(i) as number;
      if (codePoint > 0xffff) i++;
      const folded = foldCodePoint(codePoint);
      if (folded.length === 0) continue;
      if (folded === ' ') {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else lastWasSpace = false;
      if (n + folded.length >= units.length) {
        this.grow(units.length * 2);
        units = this.units;
        origin = this.origin;
      }
      for (let k = 0; k < folded.length; k++) {
        units[n] = folded.charCodeAt(k);
        origin[n++] = start;
      }
    }
    this.length = n;
  }

  private grow(size: number): void {
    const units = new Uint16Array(size);
    const origin = new Int32Array(size);
    units.set(this.units);
    origin.set(this.origin);
    this.units = units;
    this.origin = origin;
  }
}

export function compileMatcher(entities: readonly TrackedEntity[]): Matcher {
  const patterns = compilePatterns(entities);
  const byKey = new Map<string, Pattern[]>();
  for (const p of patterns) byKey.set(p.loose, [...(byKey.get(p.loose) ?? []), p]);
  const keys = [...byKey.keys()];
  const patternsOfKey = keys.map((k) => byKey.get(k) as Pattern[]);
  const automaton = buildAutomaton(keys);
  const buffer = new FoldBuffer();

  return {
    isEmpty: patterns.every((p) => p.isExclusion),
    findMentions(text) {
      if (keys.length === 0 || text.length === 0) return [];
      buffer.fold(text);
      const { origin, length } = buffer;
      let candidates: Candidate[] | null = null;
      automaton.scan(buffer.units, length, (keyIndex, foldedEnd) => {
        const foldedStart = foldedEnd - (automaton.keyLengths[keyIndex] as number);
        const start = origin[foldedStart] as number;
        const lastSource = origin[foldedEnd - 1] as number;
        // A key that starts or ends inside one character's folding (e.g. one jamo of a Hangul
        // syllable) does not match whole characters of the original.
        if (foldedStart > 0 && origin[foldedStart - 1] === start) return;
        if (foldedEnd < length && origin[foldedEnd] === lastSource) return;
        const end = extendOverMarks(text, lastSource + ((text.codePointAt(lastSource) as number) > 0xffff ? 2 : 1));
        for (const pattern of patternsOfKey[keyIndex] as Pattern[]) {
          if (!hasWordBoundaries(text, start, end, pattern) || !passesStrictCheck(text, start, end, pattern)) continue;
          candidates ??= [];
          candidates.push({ pattern, start, end });
        }
      });
      return candidates === null ? [] : selectMentions(candidates);
    },
  };
}
