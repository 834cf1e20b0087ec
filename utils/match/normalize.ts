/**
 * How two spellings of a name are judged the same.
 *
 * Loose form (what the automaton matches): case folded, accents stripped, curly quotes,
 * dashes and every kind of space made plain, invisible characters dropped, runs of spaces
 * collapsed. Strict form (checked afterwards, only where an alias asks for it): the same
 * punctuation and spacing rules, but case and accents kept, so "Apple" with match case does
 * not find "apple" and "Nestlé" does not find "Nestle".
 *
 * `foldCodePoint` and `looseForm` must agree: the fast matcher folds one code point at a time,
 * the reference matcher folds whole strings, and the property tests hold them to the same result.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\uFF07]/gu;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\uFF02]/gu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;
/** Soft hyphen, zero-width space and joiners, word joiner, byte-order mark: invisible in text. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
const MARKS = /\p{M}/gu;

function plainPunctuation(text: string): string {
  return text.replace(INVISIBLE, '').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/** Case and accents folded; Greek final sigma folded too, so folding never depends on context. */
function foldLetters(text: string): string {
  return text.normalize('NFD').toLowerCase().normalize('NFD').replace(MARKS, '').replaceAll('ς', 'σ');
}

export function looseForm(text: string): string {
  return foldLetters(plainPunctuation(text)).replace(/\s+/gu, ' ');
}

export function strictForm(text: string, matchCase: boolean): string {
  const plain = plainPunctuation(text).replace(/\s+/gu, ' ').normalize('NFC');
  return matchCase ? plain : plain.toLowerCase();
}

/** True when the loose form loses something the user typed: accents or other marks. */
export function hasMarks(text: string): boolean {
  return /\p{M}/u.test(text.normalize('NFD'));
}

const SPACE = ' ';
const foldCache = new Map<number, string>();

/** Loose form of one code point; a space stands for any whitespace, '' for dropped characters. */
export function foldCodePoint(codePoint: number): string {
  let folded = foldCache.get(codePoint);
  if (folded === undefined) {
    const char = String.fromCodePoint(codePoint);
    const plain = plainPunctuation(char);
    folded = /^\s$/u.test(plain) ? SPACE : foldLetters(plain);
    foldCache.set(codePoint, folded);
  }
  return folded;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Scripts written without spaces between words: names in them match as substrings. */
const SPACELESS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

export function isWordChar(char: string): boolean {
  return WORD.test(char);
}

export function isSpacelessChar(char: string): boolean {
  return SPACELESS.test(char);
}

export function isMark(char: string): boolean {
  return /^\p{M}$/u.test(char);
}
