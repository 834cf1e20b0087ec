/**
 * A suggested company as the popup receives it, the popup's check of what the injected script
 * returned (it comes out of a web page's tab, so it is validated like any message from a
 * content script before a single name is shown), and the filter that drops what is already
 * tracked. Kept apart from the finder so the popup does not carry the model.
 */
import type { TrackedEntity } from '../entities';
import * as v from '../validate';
import { nameKey } from './variants';

export interface CompanySuggestion {
  /** What to track it as: "Xiaomi" for "Xiaomi Corp" and "Xiaomi Inc.". */
  name: string;
  /** Other spellings seen in the article, tickers and acronyms, most used first. */
  aliases: string[];
  /** Mentions in the text. */
  mentions: number;
  /** How likely it is one of the organisations the article is about (the ranker's probability, 0 to 1). */
  score: number;
}

/** The popup shows five; the page returns a few more so tracked ones can be dropped. */
export const SUGGESTIONS_FROM_PAGE = 12;
export const SUGGESTIONS_SHOWN = 5;
const MAX_NAME = 200;
const MAX_ALIASES = 10;

export function validateSuggestions(raw: unknown): CompanySuggestion[] {
  return v.array(raw, 'suggestions', SUGGESTIONS_FROM_PAGE, (item, field) => {
    const o = v.object(item, field);
    return {
      name: v.string(o.name, `${field}.name`, MAX_NAME),
      aliases: v.array(o.aliases, `${field}.aliases`, MAX_ALIASES, (a, f) => v.string(a, f, MAX_NAME)),
      mentions: v.integer(o.mentions, `${field}.mentions`, 1, 1_000_000),
      score: v.number(o.score, `${field}.score`, 0, 1),
    };
  });
}

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
