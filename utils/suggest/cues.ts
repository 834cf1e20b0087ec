/**
 * Cue phrases around a name: "shares of" before it or "said in a statement" after it say an
 * organisation is named. The tagger reads them as features (features.ts) and a span rule trusts
 * them (span-rules.ts).
 */
import { CUES_AFTER, CUES_BEFORE, WEAK_CUES_AFTER } from './lexicon';
import type { Token } from './tokens';

/** Cue phrases as words, with the word every phrase of the list must have at `edge` for a quick first look. */
export interface CueList {
  phrases: string[][];
  edgeWords: ReadonlySet<string>;
}

function cueList(cues: readonly string[], edge: 'first' | 'last'): CueList {
  const phrases = cues.map((cue) => cue.split(' '));
  return { phrases, edgeWords: new Set(phrases.map((words) => (edge === 'first' ? words[0] : words.at(-1)) ?? '')) };
}

const CUE_WORDS_BEFORE = cueList(CUES_BEFORE, 'last');
const CUE_WORDS_AFTER = cueList(CUES_AFTER, 'first');
export const WEAK_CUE_WORDS_AFTER = cueList(WEAK_CUES_AFTER, 'first');

function wordsAt(tokens: readonly Token[], from: number, words: readonly string[]): boolean {
  if (from < 0 || from + words.length > tokens.length) return false;
  for (let i = 0; i < words.length; i++) if ((tokens[from + i] as Token).lower !== words[i]) return false;
  return true;
}

/** Whether a cue ("shares of") ends right before token `start`. */
export function cueBefore(tokens: readonly Token[], start: number): boolean {
  if (!CUE_WORDS_BEFORE.edgeWords.has(tokens[start - 1]?.lower ?? '')) return false;
  return CUE_WORDS_BEFORE.phrases.some((words) => wordsAt(tokens, start - words.length, words));
}

/** Whether a cue ("said in a statement") follows the span ending at `end`, after a possessive if there is one. */
export function cueAfter(tokens: readonly Token[], end: number, cues = CUE_WORDS_AFTER): boolean {
  const from = tokens[end]?.text === "'s" || tokens[end]?.text === '’s' ? end + 1 : end;
  if (!cues.edgeWords.has(tokens[from]?.lower ?? '')) return false;
  return cues.phrases.some((words) => wordsAt(tokens, from, words));
}
