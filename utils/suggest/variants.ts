/**
 * When two spellings name one organisation: "Amazon", "Amazon's" and "Amazon.com Inc" share
 * the key "amazon"; "Xiaomi Corp" and "Xiaomi Inc." share "xiaomi". Keys fold case, accents,
 * a possessive, a leading "The", legal forms and a ".com"; the display form keeps the case the
 * article used.
 */
import { looseForm } from '../match/normalize';
import { isLower, isUpper } from './characters';
import { LEGAL_SUFFIXES } from './lexicon';

const POSSESSIVE = /\s*['’]s?$/u;
const LEADING_THE = /^the\s+/iu;
const DOT_COM = /\.(com|net|org|co\.uk)$/iu;
/** Spaces, commas and "&" before a legal form: "Goldman, Sachs & Co." ends at "Sachs". */
const TRAILING_JOINERS = /[\s,&]+$/u;

function stripLegalForms(text: string): string {
  let current = text;
  for (;;) {
    const words = current.split(/\s+/u);
    const last = words.at(-1)?.toLowerCase() ?? '';
    if (words.length < 2 || !LEGAL_SUFFIXES.has(last)) return current;
    current = words.slice(0, -1).join(' ').replace(TRAILING_JOINERS, '');
  }
}

/** A spelling as written, minus what is never part of the name: "The Xiaomi Corp's" -> "Xiaomi Corp". */
export function surfaceForm(text: string): string {
  const plain = text.replace(/\s+/gu, ' ').trim().replace(POSSESSIVE, '').replace(LEADING_THE, '');
  // Wire copy spaces a possessive inside a name: "McDonald 's" is "McDonald's".
  return plain.replace(/\s+(['’]s)(?=\s|$)/gu, '$1');
}

/** The name as it would be tracked: "Amazon.com Inc's" -> "Amazon.com"; "The Xiaomi Corp" -> "Xiaomi". */
export function cleanVariant(text: string): string {
  return stripLegalForms(surfaceForm(text));
}

/** The key two spellings of one organisation share. */
export function nameKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= MAX_REMEMBERED) keys.clear();
    key = looseForm(cleanVariant(text).replace(DOT_COM, '')).replace(/[.,]/gu, '').trim();
    keys.set(text, key);
  }
  return key;
}

/** Keys already worked out: an article names its companies many times, and each step asks again. */
const keys = new Map<string, string>();

/** "IBM" for "International Business Machines"; connectors ("of", "and") do not count. */
export function initialsOf(text: string): string {
  return text
    .split(/[\s-]+/u)
    .filter((w) => isUpper(w[0] ?? ''))
    .map((w) => w[0])
    .join('');
}

/** True when the text is written in capitals only (a wire headline's "XIAOMI"). */
export function isAllCaps(text: string): boolean {
  let upper = false;
  for (const ch of text) {
    if (isLower(ch)) return false;
    upper ||= isUpper(ch);
  }
  return upper;
}

/**
 * True when `short` (a name key) is a short form of the name `long` is a spelling of: its
 * first words ("goldman" of "Goldman Sachs"), its last word ("post" of "Washington Post") or
 * its initials ("ibm" of "International Business Machines").
 */
export function isShortFormOf(short: string, long: string): boolean {
  const { key: longKey, initials } = longFormOf(long);
  if (longKey.length <= short.length || short.length < 2) return false;
  return (
    longKey.startsWith(`${short} `) || (!short.includes(' ') && longKey.endsWith(` ${short}`)) || initials === short
  );
}

/**
 * Key and initials of a spelling, remembered: merging compares every group with every other, so
 * a long article (hundreds of names) would otherwise fold the same spellings millions of times.
 * Emptied when it grows large, so a long command-line run does not keep every name it saw.
 */
const longForms = new Map<string, { key: string; initials: string }>();
const MAX_REMEMBERED = 10_000;

function longFormOf(spelling: string): { key: string; initials: string } {
  let form = longForms.get(spelling);
  if (!form) {
    if (longForms.size >= MAX_REMEMBERED) longForms.clear();
    form = { key: nameKey(spelling), initials: initialsOf(spelling).toLowerCase() };
    longForms.set(spelling, form);
  }
  return form;
}
