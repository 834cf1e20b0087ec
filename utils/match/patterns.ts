/**
 * The rules a found spelling must pass to count as a mention, shared by the fast matcher and
 * the slow reference matcher so both judge candidates the same way.
 */
import type { TrackedEntity } from '../entities';
import { hasMarks, isMark, isSpacelessChar, isWordChar, looseForm, strictForm } from './normalize';
import type { Steps } from './steps';

export interface Mention {
  entityId: string;
  start: number;
  end: number;
}

export interface Pattern {
  entityId: string;
  /** Position of the pattern in the compiled list: earlier wins a tie. */
  order: number;
  /** An exclusion phrase suppresses its entity's mentions inside it; it is never a mention. */
  isExclusion: boolean;
  loose: string;
  /** Compared against the original text when case or accents matter; null when loose is enough. */
  strict: string | null;
  matchCase: boolean;
  wholeWord: boolean;
  spacelessStart: boolean;
  spacelessEnd: boolean;
}

function firstChar(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 0);
}

function lastChar(text: string): string {
  return [...text].at(-1) ?? '';
}

/** The patterns of every enabled alias and exclusion, built a few hundred entities at a time (see `Steps`). */
export function* patternSteps(entities: readonly TrackedEntity[]): Steps<Pattern[]> {
  const patterns: Pattern[] = [];
  const add = (entityId: string, text: string, matchCase: boolean, wholeWord: boolean, isExclusion: boolean) => {
    const loose = looseForm(text).trim();
    if (loose.length === 0) return;
    const strictNeeded = matchCase || hasMarks(text);
    patterns.push({
      entityId,
      order: patterns.length,
      isExclusion,
      loose,
      strict: strictNeeded ? strictForm(text.trim(), matchCase) : null,
      matchCase,
      wholeWord,
      spacelessStart: isSpacelessChar(firstChar(text.trim())),
      spacelessEnd: isSpacelessChar(lastChar(text.trim())),
    });
  };
  for (const [i, entity] of entities.entries()) {
    if ((i & 255) === 255) yield;
    if (!entity.enabled) continue;
    for (const alias of entity.aliases) add(entity.id, alias.text, alias.matchCase, alias.wholeWord, false);
    for (const phrase of entity.exclusions) add(entity.id, phrase, false, true, true);
  }
  return patterns;
}

function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const isLow = low >= 0xdc00 && low <= 0xdfff;
  return isLow && index >= 2 ? text.slice(index - 2, index) : text.charAt(index - 1);
}

function charAt(text: string, index: number): string {
  const codePoint = text.codePointAt(index);
  return codePoint === undefined ? '' : String.fromCodePoint(codePoint);
}

/** A neighbour blocks a whole-word match when it continues a word written with spaces. */
function continuesWord(neighbour: string, aliasEdgeIsSpaceless: boolean): boolean {
  return neighbour !== '' && !aliasEdgeIsSpaceless && isWordChar(neighbour) && !isSpacelessChar(neighbour);
}

/** Where a match that ends at `end` really ends: accents typed after the last letter belong to it. */
export function extendOverMarks(text: string, end: number): number {
  let i = end;
  while (i < text.length) {
    const next = charAt(text, i);
    if (!isMark(next)) break;
    i += next.length;
  }
  return i;
}

/** Whole-word test, with plurals and possessives allowed ("Xiaomis", "Xiaomi's"). */
export function hasWordBoundaries(text: string, start: number, end: number, pattern: Pattern): boolean {
  if (!pattern.wholeWord) return true;
  if (continuesWord(charBefore(text, start), pattern.spacelessStart)) return false;
  const after = charAt(text, end);
  if (!continuesWord(after, pattern.spacelessEnd)) return true;
  return after === 's' && !continuesWord(charAt(text, end + 1), false);
}

export function passesStrictCheck(text: string, start: number, end: number, pattern: Pattern): boolean {
  return pattern.strict === null || strictForm(text.slice(start, end), pattern.matchCase) === pattern.strict;
}

export interface Candidate {
  pattern: Pattern;
  start: number;
  end: number;
}

/**
 * Exclusions remove their entity's mentions inside them; then, leftmost first, the longest
 * mention wins where two overlap ("Bank of China" over "China").
 */
export function selectMentions(candidates: Candidate[]): Mention[] {
  const exclusions = candidates.filter((c) => c.pattern.isExclusion);
  const kept = candidates.filter(
    (c) =>
      !c.pattern.isExclusion &&
      !exclusions.some((x) => x.pattern.entityId === c.pattern.entityId && x.start <= c.start && c.end <= x.end),
  );
  kept.sort((a, b) => a.start - b.start || b.end - a.end || a.pattern.order - b.pattern.order);
  const mentions: Mention[] = [];
  let reached = 0;
  for (const c of kept) {
    if (c.start < reached) continue;
    mentions.push({ entityId: c.pattern.entityId, start: c.start, end: c.end });
    reached = c.end;
  }
  return mentions;
}
