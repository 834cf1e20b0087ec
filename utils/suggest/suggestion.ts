/**
 * A suggested company as the popup shows it, and the filter that drops what is already tracked.
 */
import type { TrackedEntity } from '../entities';
import { nameKey } from './variants';

export interface CompanySuggestion {
  /** What to track it as: "Xiaomi" for "Xiaomi Corp" and "Xiaomi Inc.". */
  name: string;
  /** Other spellings seen in the article, tickers and acronyms, most used first. */
  aliases: string[];
  /** Mentions in the article, its headline included. */
  mentions: number;
  /** How likely it is one of the organisations the article is about (the ranker's probability, 0 to 1). */
  score: number;
}

/** The popup shows five; the finder returns a few more so tracked ones can be dropped. */
export const SUGGESTIONS_FROM_PAGE = 12;
export const SUGGESTIONS_SHOWN = 5;

/** Every key a suggestion or a tracked company goes by. */
function keysOf(names: readonly string[]): Set<string> {
  return new Set(names.map(nameKey).filter((k) => k.length > 0));
}

/** The suggestions not already tracked (by name, alias or any spelling), at most `limit`. */
export function untrackedSuggestions(
  suggestions: readonly CompanySuggestion[],
  tracked: readonly TrackedEntity[],
  limit = SUGGESTIONS_SHOWN,
): CompanySuggestion[] {
  const trackedKeys = keysOf(tracked.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]));
  return suggestions
    .filter((s) => ![...keysOf([s.name, ...s.aliases])].some((k) => trackedKeys.has(k)))
    .slice(0, limit);
}
