/**
 * The slow, obviously correct matcher the fast one is measured against: for every start in the
 * text and every pattern, it folds candidate slices as whole strings and compares them. Its cost
 * is text length × patterns × alias length, so it is only for tests and benchmark checks.
 */
import type { TrackedEntity } from '../entities';
import { isMark, looseForm } from './normalize';
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

const CANNOT_START = /^[\p{M}\s\u00AD\u200B-\u200D\u2060\uFEFF]/u;

function isCodePointStart(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  const previous = text.charCodeAt(i - 1);
  return !(unit >= 0xdc00 && unit <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff);
}

/** Shortest slice from `start` whose loose form is the pattern's, then extended over accents. */
function matchAt(text: string, start: number, pattern: Pattern): number | null {
  for (let end = start + 1; end <= text.length; end++) {
    if (end < text.length && !isCodePointStart(text, end)) continue;
    const loose = looseForm(text.slice(start, end));
    if (loose === pattern.loose) return extendOverMarks(text, end);
    if (!pattern.loose.startsWith(loose)) return null;
  }
  return null;
}

export function referenceMentions(entities: readonly TrackedEntity[], text: string): Mention[] {
  const patterns = compilePatterns(entities);
  const candidates: Candidate[] = [];
  for (let start = 0; start < text.length; start++) {
    if (!isCodePointStart(text, start) || CANNOT_START.test(text.slice(start, start + 2)) || isMark(text.charAt(start)))
      continue;
    for (const pattern of patterns) {
      const end = matchAt(text, start, pattern);
      if (end === null) continue;
      if (hasWordBoundaries(text, start, end, pattern) && passesStrictCheck(text, start, end, pattern)) {
        candidates.push({ pattern, start, end });
      }
    }
  }
  return selectMentions(candidates);
}
