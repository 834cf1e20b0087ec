/**
 * Finds tracked companies in text. All enabled aliases (and exclusion phrases) are compiled once
 * into one Aho-Corasick automaton over the loose form of the text (see normalize.ts). A text is
 * folded one code unit at a time, each folded unit fed straight to the automaton, and a small
 * ring remembers which original index the last folded units came from, so a key found maps back
 * to exact original offsets. Candidates then pass the same checks as the reference matcher
 * (patterns.ts): word boundaries, case and accents where an alias asks for them, exclusions,
 * longest match wins.
 */
import type { TrackedEntity } from '../entities';
import { type Automaton, automatonSteps } from './automaton';
import { foldCodePoint } from './normalize';
import {
  type Candidate,
  extendOverMarks,
  hasWordBoundaries,
  type Mention,
  type Pattern,
  passesStrictCheck,
  patternSteps,
  selectMentions,
} from './patterns';
import type { Steps } from './steps';

export type { Mention } from './patterns';

export interface Matcher {
  /** Mentions in `text`, in order, never overlapping. */
  findMentions(text: string): Mention[];
  /**
   * The same search, done a piece at a time: a page may hold one text run of megabytes, and
   * matching it in one go would block the page for longer than a task should.
   */
  search(text: string): MentionSearch;
  readonly isEmpty: boolean;
}

export interface MentionSearch {
  /** Matches about `maxUnits` more characters of the text; true once the whole text is done. */
  advance(maxUnits: number): boolean;
  /** The mentions, once `advance` has returned true (what `findMentions` returns). */
  mentions(): Mention[];
}

const SPACE = 0x20;
/** Entries of the code-unit folding table (other values are the one unit a unit folds to). */
const UNKNOWN = -1;
const DROPPED = -2;
/** Folds to several units, or is half of a surrogate pair: folded by code point instead. */
const COMPLEX = -3;

/**
 * Loose form of each UTF-16 code unit, learned the first time a unit is met and shared by all
 * matchers: the common case (a unit that folds to one unit) costs two table reads. Kept in pages
 * of 256 units, each made when a unit of it is first met: a page of text uses a handful, and a
 * whole table would cost every frame the script runs in 256 KB.
 */
const UNIT_FOLD_PAGES: Int32Array[] = [];

function foldPage(unit: number): Int32Array {
  const page = new Int32Array(256).fill(UNKNOWN);
  UNIT_FOLD_PAGES[unit >> 8] = page;
  return page;
}

function learnUnitFold(unit: number, page: Int32Array): number {
  let fold = COMPLEX;
  if (unit < 0xd800 || unit > 0xdfff) {
    const folded = foldCodePoint(unit);
    if (folded.length === 0) fold = DROPPED;
    else if (folded.length === 1) fold = folded.charCodeAt(0);
  }
  page[unit & 255] = fold;
  return fold;
}

/**
 * Compiles the tracked list in steps, giving the page a turn whenever `slicer` says so:
 * thousands of names take longer to compile than one task should block a page.
 */
export async function compileMatcherSliced(
  entities: readonly TrackedEntity[],
  slicer: { due(): boolean; pause(): Promise<void> },
): Promise<Matcher> {
  const steps = matcherSteps(entities);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slicer.due()) await slicer.pause();
  }
}

/** A compiled tracked list: the automaton over the loose forms, the patterns of each key, the ring's mask. */
interface Compiled {
  automaton: Automaton;
  patternsOfKey: Pattern[][];
  ringMask: number;
}

/**
 * Folds the text one unit at a time and feeds each folded unit straight to the automaton.
 * `ring` is the shared one only when the search runs to its end at once (findMentions).
 */
function searchWith(compiled: Compiled, text: string, ring: Int32Array): MentionSearch {
  const { automaton, patternsOfKey, ringMask } = compiled;
  const { classOf, firstOutput, keyOf, nextOutput, keyLengths } = automaton;
  let state = 0;
  /** Folded units so far; `ring[k & ringMask]` is the text index folded unit k came from. */
  let folded = 0;
  let lastWasSpace = true;
  let read = 0;
  let candidates: Candidate[] | null = null;

  /** Keys ending at the folded unit just read, whose character ends at `sourceEnd`. */
  const onKeysEnding = (sourceEnd: number, insideCharacter: boolean) => {
    // A key that ends inside one character's folding (e.g. one jamo of a Hangul syllable)
    // does not match whole characters of the original.
    if (insideCharacter) return;
    for (let at = firstOutput[state] as number; at !== 0; at = nextOutput[at] as number) {
      const keyIndex = keyOf[at] as number;
      const foldedStart = folded - (keyLengths[keyIndex] as number);
      const start = ring[foldedStart & ringMask] as number;
      if (foldedStart > 0 && ring[(foldedStart - 1) & ringMask] === start) continue;
      const end = extendOverMarks(text, sourceEnd);
      for (const pattern of patternsOfKey[keyIndex] as Pattern[]) {
        if (!hasWordBoundaries(text, start, end, pattern) || !passesStrictCheck(text, start, end, pattern)) continue;
        candidates ??= [];
        candidates.push({ pattern, start, end });
      }
    }
  };

  return {
    advance(maxUnits) {
      const stop = Math.min(text.length, read + Math.max(1, maxUnits));
      let i = read;
      for (; i < stop; i++) {
        const unit = text.charCodeAt(i);
        const page = UNIT_FOLD_PAGES[unit >> 8] ?? foldPage(unit);
        let fold = page[unit & 255] as number;
        if (fold === UNKNOWN) fold = learnUnitFold(unit, page);
        if (fold >= 0) {
          if (fold === SPACE) {
            if (lastWasSpace) continue;
            lastWasSpace = true;
          } else lastWasSpace = false;
          ring[folded & ringMask] = i;
          folded++;
          const cls = fold < classOf.length ? (classOf[fold] as number) : 0;
          if (cls === 0) {
            state = 0;
            continue;
          }
          state = automaton.next(state, cls);
          if (firstOutput[state] !== 0) onKeysEnding(i + 1, false);
          continue;
        }
        if (fold === DROPPED) continue;
        const source = i;
        const codePoint = text.codePointAt(i) as number;
        if (codePoint > 0xffff) i++;
        const units = foldCodePoint(codePoint);
        if (units.length === 0) continue;
        if (units === ' ') {
          if (lastWasSpace) continue;
          lastWasSpace = true;
        } else lastWasSpace = false;
        for (let k = 0; k < units.length; k++) {
          ring[folded & ringMask] = source;
          folded++;
          const foldedUnit = units.charCodeAt(k);
          const cls = foldedUnit < classOf.length ? (classOf[foldedUnit] as number) : 0;
          state = cls === 0 ? 0 : automaton.next(state, cls);
          if (firstOutput[state] !== 0) onKeysEnding(i + 1, k < units.length - 1);
        }
      }
      read = i;
      return read >= text.length;
    },
    mentions() {
      if (read < text.length) throw new Error('The search has not reached the end of its text yet.');
      return candidates === null ? [] : selectMentions(candidates);
    },
  };
}

/** The compilation as steps (steps.ts): each yields a moment the work may pause at. */
export function* matcherSteps(entities: readonly TrackedEntity[]): Steps<Matcher> {
  const patterns = yield* patternSteps(entities);
  const byKey = new Map<string, Pattern[]>();
  for (const p of patterns) byKey.set(p.loose, [...(byKey.get(p.loose) ?? []), p]);
  const keys = [...byKey.keys()];
  const patternsOfKey = keys.map((k) => byKey.get(k) as Pattern[]);
  const automaton = yield* automatonSteps(keys);
  // Where the last folded units came from: enough of them to find where the longest key started.
  let ringSize = 4;
  while (ringSize < Math.max(0, ...automaton.keyLengths) + 2) ringSize *= 2;
  const compiled: Compiled = { automaton, patternsOfKey, ringMask: ringSize - 1 };
  const sharedRing = new Int32Array(ringSize);

  return {
    isEmpty: patterns.every((p) => p.isExclusion),
    // A paused search keeps its own ring, so it never shares it with another search.
    search: (text) => searchWith(compiled, text, new Int32Array(ringSize)),
    findMentions(text) {
      if (keys.length === 0) return [];
      const found = searchWith(compiled, text, sharedRing);
      found.advance(text.length);
      return found.mentions();
    },
  };
}
