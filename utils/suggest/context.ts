/**
 * What the words around a name say about it, beyond what the tagger weighs: a word for a thing
 * after it ("the Vision Pro headset"), a figure after it ("Windows 95"), an organisation owning
 * it ("Apple's Vision Pro"), quotation marks around it ("Super Mario Run"), a price before it
 * ("the $1,000 Meta Quest Pro"), "a" before it ("a used Ford Focus"). Products, works and units
 * of a company are named so; the company is what the article is about.
 */

import type { Span } from './candidates';
import { isLower } from './characters';
import { PRODUCT_NOUNS } from './lexicon';
import { PLACES } from './places';
import type { Token } from './tokens';

export interface NameContext {
  /** A word for a thing follows it ("the Vision Pro headset"). */
  thingAfter: boolean;
  /** A figure follows it ("Windows 95", "iPhone 15"): a model, or a score in a table. */
  figureAfter: boolean;
  /** An organisation's possessive stands right before it ("Apple's Vision Pro"). */
  owned: boolean;
  /** It stands in quotation marks: the title of a game, a film, a book or a show ("Super Mario Run"). */
  quoted: boolean;
  /** A price stands right before it ("the $1,000 Meta Quest Pro"): things have prices, companies do not. */
  priced: boolean;
  /** "a" or "an" stands before it, and no word it qualifies after it ("a used Ford Focus", not "a Google spokesman"). */
  countable: boolean;
}

export const NO_CONTEXT: NameContext = {
  thingAfter: false,
  figureAfter: false,
  owned: false,
  quoted: false,
  priced: false,
  countable: false,
};

const CURRENCIES = new Set(['$', '€', '£', '¥']);
/** Tokens of an amount: "1", ",", "000" of "$1,000". */
const AMOUNT_PART = /^(\d+|[.,])$/u;
const MAX_AMOUNT_TOKENS = 7;

/** Whether an amount of money ends right before token `start` ("$1,000", "€ 499"). */
function afterPrice(tokens: readonly Token[], start: number): boolean {
  let i = start - 1;
  if (!/^\d/u.test(tokens[i]?.text ?? '')) return false;
  while (i > 0 && start - i < MAX_AMOUNT_TOKENS && AMOUNT_PART.test((tokens[i] as Token).text)) i -= 1;
  return CURRENCIES.has(tokens[i]?.text ?? '');
}

const QUOTES = new Set(['"', '“', '”', '„', '«', '»', "'", '‘', '’', '`']);

/** A quotation mark right after the name, or after the comma or full stop that closes the quote with it ("Run,"). */
function closesQuote(tokens: readonly Token[], end: number): boolean {
  const next = tokens[end]?.text ?? '';
  return QUOTES.has(next) || ((next === ',' || next === '.') && QUOTES.has(tokens[end + 1]?.text ?? ''));
}

/**
 * Whether the name is counted as a thing is: "a" or "an" before it, at most one plain word
 * between ("a used Ford Focus"), and after it no plain word it would qualify ("a Reuters reporter").
 */
function afterIndefiniteArticle(tokens: readonly Token[], start: number, end: number): boolean {
  const next = tokens[end]?.text[0] ?? '';
  if (next !== '' && isLower(next)) return false;
  const isArticle = (t: Token | undefined) => t?.lower === 'a' || t?.lower === 'an';
  const before = tokens[start - 1];
  if (isArticle(before)) return true;
  return before !== undefined && isLower(before.text[0] ?? '') && isArticle(tokens[start - 2]);
}

/** What the words around a name (tokens [start, end)) say about it. */
export function contextAround(tokens: readonly Token[], start: number, end: number): NameContext {
  const next = tokens[end];
  const figure = next !== undefined && next.text[0] !== undefined && next.text[0] >= '0' && next.text[0] <= '9';
  const quoted = QUOTES.has(tokens[start - 1]?.text ?? '') && closesQuote(tokens, end);
  const priced = afterPrice(tokens, start);
  return {
    thingAfter: PRODUCT_NOUNS.has(next?.lower ?? ''),
    figureAfter: figure,
    owned: false,
    quoted,
    priced,
    countable: afterIndefiniteArticle(tokens, start, end),
  };
}

/** Where the owner's name would end before a possessive that ends right before `start`, or -1. */
function possessorEnd(text: string, start: number): number {
  let i = text[start - 1] === ' ' ? start - 1 : start;
  if (text[i - 1] !== 's' || (text[i - 2] !== "'" && text[i - 2] !== '’')) return -1;
  i -= 2;
  // Wire copy spaces the possessive: "Apple 's Vision Pro".
  return text[i - 1] === ' ' ? i - 1 : i;
}

/** Below this score a reading as a place is a guess (the tagger's scores run to about ±30). */
const SURE_PLACE = 5;

/**
 * Whether a name can own things: an organisation, or a name the tagger read as no name at all
 * or only guessed is a place, and that is no country or region ("Sony's PlayStation VR" at the
 * start of a sentence, where wire copy taught it "Germany's"). A known place or a person is a
 * name of its own.
 */
function canOwn(owner: { text: string; kind: string; score: number }): boolean {
  if (owner.kind === 'ORG') return true;
  const guessed = (owner.kind === 'LOC' && owner.score < SURE_PLACE) || owner.kind === 'NONE';
  return guessed && !PLACES.has(owner.text.toLowerCase());
}

/** Marks each of `names` that follows the possessive of one of `owners` that can own things. */
export function markOwned<N extends { start: number; owned: boolean }>(
  text: string,
  owners: readonly { end: number; text: string; kind: string; score: number }[],
  names: N[],
): N[] {
  const ends = new Set(owners.filter(canOwn).map((o) => o.end));
  return names.map((name) => (ends.has(possessorEnd(text, name.start)) ? { ...name, owned: true } : name));
}

/** What follows a clock time: "1:28 AM ET", "9 a.m. GMT". */
const CLOCK_WORDS = new Set([
  'am',
  'pm',
  'a.m.',
  'p.m.',
  'et',
  'est',
  'edt',
  'gmt',
  'bst',
  'utc',
  'pt',
  'pst',
  'pdt',
  'cet',
]);

/** "AM" or "AM ET" right after a number is the time of day ("First published 1:28 AM ET"), not a name. */
export function isClockWords(tokens: readonly Token[], span: Span): boolean {
  const before = tokens[span.start - 1]?.text ?? '';
  if (!/^\d+$/u.test(before)) return false;
  for (let i = span.start; i < span.end; i++) if (!CLOCK_WORDS.has((tokens[i] as Token).lower)) return false;
  return true;
}
