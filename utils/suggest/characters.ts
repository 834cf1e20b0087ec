/**
 * What kind of character stands at a place in a text (letter, digit, mark, capital, space) and
 * its case, without Unicode property regexes for the Latin characters most text is made of.
 * The tokenizer (tokens.ts) and the line reader (lines.ts) share these tables.
 */
export const LETTER = 1;
export const DIGIT = 2;
export const MARK = 4;
export const CAPITAL = 8;
export const SPACE = 16;
export const WORD_START = LETTER | DIGIT;
export const WORD_INSIDE = LETTER | DIGIT | MARK;

/** Classes of the characters below U+0100 (ASCII and Latin-1), known without asking Unicode. */
const LATIN = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const ch = String.fromCharCode(c);
  if ((c >= 9 && c <= 13) || c === 32 || c === 0xa0) LATIN[c] = SPACE;
  else if (c >= 48 && c <= 57) LATIN[c] = DIGIT;
  // Superscript digits and fractions are digits to Unicode ("No").
  else if (c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe)) LATIN[c] = DIGIT;
  // Letters: a-z, A-Z, ª µ º and the accented letters except × and ÷.
  else if (/[a-z]/i.test(ch) || c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)) {
    LATIN[c] = LETTER | (ch !== ch.toLowerCase() ? CAPITAL : 0);
  }
}

/** Other characters: General Punctuation (curly quotes, dashes, spaces) by range, the rest asked of Unicode once each. */
const otherClasses = new Map<number, number>();
let unicodeClasses: [RegExp, number][] | null = null;

function classOf(code: number): number {
  if (code < 0x100) return LATIN[code] as number;
  if (code >= 0x2000 && code <= 0x206f) {
    return code <= 0x200a || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f ? SPACE : 0;
  }
  let found = otherClasses.get(code);
  if (found === undefined) {
    // Compiled only on a page that has such characters.
    unicodeClasses ??= [
      [/\p{L}/u, LETTER],
      [/\p{N}/u, DIGIT],
      [/\p{M}/u, MARK],
      [/\p{Lu}/u, CAPITAL],
      [/\s/u, SPACE],
    ];
    const ch = String.fromCodePoint(code);
    found = 0;
    for (const [pattern, bit] of unicodeClasses) if (pattern.test(ch)) found |= bit;
    otherClasses.set(code, found);
  }
  return found;
}

/** The class of the character at `i` (0 past the end). */
export function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x100) return LATIN[c] as number;
  return i < text.length ? classOf(text.codePointAt(i) as number) : 0;
}

/** Where the character after the one at `i` starts (a character outside the BMP takes two). */
export function after(text: string, i: number): number {
  return i + ((text.codePointAt(i) as number) > 0xffff ? 2 : 1);
}

/*
 * Letter case by comparing case mappings, not with Unicode property regexes: the injected script
 * runs fresh each time the popup asks, and compiling those regexes costs milliseconds each time.
 */
const hasLowerForm = (ch: string) => ch !== ch.toLowerCase();
const hasUpperForm = (ch: string) => ch !== ch.toUpperCase();
/** The same comparisons for the characters below U+0100, made once: most of an English text is there. */
export const LATIN_UPPER = new Uint8Array(256);
export const LATIN_LOWER = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  LATIN_UPPER[c] = hasLowerForm(String.fromCharCode(c)) ? 1 : 0;
  LATIN_LOWER[c] = hasUpperForm(String.fromCharCode(c)) ? 1 : 0;
}
export function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c < 256 ? LATIN_UPPER[c] === 1 : hasLowerForm(ch);
}
export function isLower(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c < 256 ? LATIN_LOWER[c] === 1 : hasUpperForm(ch);
}
export const isDigit = (ch: string) => ch >= '0' && ch <= '9';
/** The combining diacritics blocks (U+0300-036F and its supplements): part of the letter before them. */
export function isCombiningMark(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}
