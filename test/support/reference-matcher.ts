/**
 * The slow, obviously correct matcher the fast one is measured against. It follows the
 * definition word for word: a pattern is found at `start` when some slice of the text from
 * `start`, folded as a whole string, equals the pattern's loose form; the shortest such slice
 * counts (then extended over accents typed after it). Every start and every end is tried, each
 * slice folded afresh; slices stop growing once their loose form begins no pattern. Its cost is
 * text length × alias length × the cost of folding a string, so it is for tests and for the
 * benchmark's check only.
 */
import type { TrackedEntity } from '../../utils/entities';
import { isMark, looseForm } from '../../utils/match/normalize';
import {
  type Candidate,
  extendOverMarks,
  hasWordBoundaries,
  type Mention,
  type Pattern,
  passesStrictCheck,
  selectMentions,
} from '../../utils/match/patterns';
import { compilePatterns } from './compile-matcher';

const CANNOT_START = /^[\p{M}\s\u00AD\u200B-\u200D\u2060\uFEFF]/u;

function isCodePointStart(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  const previous = text.charCodeAt(i - 1);
  return !(unit >= 0xdc00 && unit <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff);
}

export function referenceMentions(entities: readonly TrackedEntity[], text: string): Mention[] {
  return referenceMatcher(entities)(text);
}

/** The same, with the patterns prepared once for many texts (the benchmark checks thousands of runs). */
export function referenceMatcher(entities: readonly TrackedEntity[]): (text: string) => Mention[] {
  const patterns = compilePatterns(entities);
  const byLoose = new Map<string, Pattern[]>();
  const prefixes = new Set<string>();
  for (const p of patterns) {
    byLoose.set(p.loose, [...(byLoose.get(p.loose) ?? []), p]);
    for (let i = 1; i <= p.loose.length; i++) prefixes.add(p.loose.slice(0, i));
  }
  // Folding is a pure function of the slice, so short slices, which repeat endlessly in any
  // text, are folded once each.
  const folded = new Map<string, string>();
  const fold = (slice: string) => {
    if (slice.length > 4) return looseForm(slice);
    let loose = folded.get(slice);
    if (loose === undefined) {
      loose = looseForm(slice);
      folded.set(slice, loose);
    }
    return loose;
  };
  return (text) => {
    const candidates: Candidate[] = [];
    for (let start = 0; start < text.length; start++) {
      if (
        !isCodePointStart(text, start) ||
        CANNOT_START.test(text.slice(start, start + 2)) ||
        isMark(text.charAt(start))
      )
        continue;
      // Several slices can fold to the same string (extra spaces, invisible characters): the shortest counts.
      const seen = new Set<string>();
      for (let end = start + 1; end <= text.length; end++) {
        if (end < text.length && !isCodePointStart(text, end)) continue;
        const loose = fold(text.slice(start, end));
        if (!seen.has(loose)) {
          seen.add(loose);
          const matchEnd = extendOverMarks(text, end);
          for (const pattern of byLoose.get(loose) ?? []) {
            if (
              hasWordBoundaries(text, start, matchEnd, pattern) &&
              passesStrictCheck(text, start, matchEnd, pattern)
            ) {
              candidates.push({ pattern, start, end: matchEnd });
            }
          }
        }
        if (!prefixes.has(loose)) break;
      }
    }
    return selectMentions(candidates);
  };
}
