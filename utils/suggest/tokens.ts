/**
 * Splits article text into word tokens with character offsets, the unit every later step
 * (candidates, features, the model) works on. Offsets always point into the original text,
 * so a found name can be reported and highlighted exactly where it stands.
 *
 * Company names keep their inner punctuation ("AT&T", "Amazon.com", "Hewlett-Packard",
 * "U.S."), a possessive is split off ("Amazon's" -> "Amazon" + "'s"), and the full stop of a
 * known abbreviation stays with it ("Co.", "Inc.").
 */
import { ABBREVIATIONS } from './lexicon';

export interface Token {
  text: string;
  /** Lower-case form, used by features and word lists. */
  lower: string;
  start: number;
  end: number;
  /** First token of a sentence or of a line (its capital says little). */
  sentenceStart: boolean;
  /** On a line written in capitals (a wire headline): capitals say nothing there. */
  capsLine: boolean;
  /** Word shape: "Xx", "X", "XX", "x", "d", "X.X." kept short so rare words still share it. */
  shape: string;
  /** Can be part of a name: a capital, or a capital inside ("eBay", "3M"). */
  nameWord: boolean;
}

/*
 * A word is, tried in this order at each place that is not a space:
 *   - initials: a capital, then full stops and capitals ("U.S.", "U.K"), a last full stop kept;
 *   - a letter or digit, then letters, digits and combining marks, joined across one of . & ' ’ -
 *     when a letter or digit follows ("AT&T", "Amazon.com", "Hewlett-Packard", "Amazon's");
 *     a combining mark belongs to the letter before it: "Ne\u0301stle" (decomposed, as some pages
 *     and macOS copies write "Néstle") is one word, not "Ne" + "stle";
 *   - a possessive "'s" standing alone (wire copy writes "McDonald 's");
 *   - any other single character.
 * That is /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[.&'’-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|['’]s(?![\p{L}\p{N}])|\S/gu
 * written out (the tests hold the two together): compiling the expression took milliseconds
 * every time the popup asked, a good part of the whole first run.
 */
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '•', '|']);

const LETTER = 1;
const DIGIT = 2;
const MARK = 4;
const CAPITAL = 8;
const SPACE = 16;
const WORD_START = LETTER | DIGIT;
const WORD_INSIDE = LETTER | DIGIT | MARK;
const JOINERS = ".&'’-";

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
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x100) return LATIN[c] as number;
  return i < text.length ? classOf(text.codePointAt(i) as number) : 0;
}

/** Where the character after the one at `i` starts (a character outside the BMP takes two). */
function after(text: string, i: number): number {
  return i + ((text.codePointAt(i) as number) > 0xffff ? 2 : 1);
}

function skipWordInside(text: string, from: number): number {
  let j = from;
  while (j < text.length && classAt(text, j) & WORD_INSIDE) j = after(text, j);
  return j;
}

/** Where the word starting at `i` (not a space) ends. */
function wordEnd(text: string, i: number): number {
  const kind = classAt(text, i);
  if (kind & CAPITAL) {
    let j = after(text, i);
    let initials = false;
    while (text[j] === '.' && classAt(text, j + 1) & CAPITAL) {
      j = after(text, j + 1);
      initials = true;
    }
    if (initials) return text[j] === '.' ? j + 1 : j;
  }
  if (kind & WORD_START) {
    let j = skipWordInside(text, after(text, i));
    while (JOINERS.includes(text[j] ?? ' ') && classAt(text, j + 1) & WORD_START) j = skipWordInside(text, j + 1);
    return j;
  }
  const ch = text[i];
  if ((ch === "'" || ch === '’') && text[i + 1] === 's' && !(classAt(text, i + 2) & WORD_START)) return i + 2;
  return after(text, i);
}

/** Whether the last character of `text` is a letter or a digit. */
function endsWithLetterOrDigit(text: string): boolean {
  const pair = text.length >= 2 && (text.codePointAt(text.length - 2) as number) > 0xffff;
  return (classAt(text, text.length - (pair ? 2 : 1)) & WORD_START) !== 0;
}

interface RawToken {
  text: string;
  start: number;
  end: number;
}

function rawTokens(text: string): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  while (i < text.length) {
    if (classAt(text, i) & SPACE) {
      i += 1;
      continue;
    }
    const start = i;
    i = wordEnd(text, start);
    let word = text.slice(start, i);
    // "Amazon's" -> "Amazon" + "'s".
    const apostrophe = word[word.length - 2];
    if (word.length > 2 && word.endsWith('s') && (apostrophe === "'" || apostrophe === '’')) {
      const owner = word.slice(0, -2);
      if (endsWithLetterOrDigit(owner)) {
        out.push({ text: owner, start, end: start + owner.length });
        out.push({ text: word.slice(-2), start: start + owner.length, end: i });
        continue;
      }
    }
    if (text[i] === '.' && ABBREVIATIONS.has(word.toLowerCase())) word += '.';
    out.push({ text: word, start, end: start + word.length });
  }
  // An abbreviation that swallowed a full stop leaves that stop as a separate match: drop it.
  return out.filter((t, i) => !(t.text === '.' && out[i - 1]?.end === t.end));
}

/*
 * Letter case by comparing case mappings, not with Unicode property regexes: the injected script
 * runs fresh each time the popup asks, and compiling those regexes costs milliseconds each time.
 */
const hasLowerForm = (ch: string) => ch !== ch.toLowerCase();
const hasUpperForm = (ch: string) => ch !== ch.toUpperCase();
/** The same comparisons for the characters below U+0100, made once: most of an English text is there. */
const LATIN_UPPER = new Uint8Array(256);
const LATIN_LOWER = new Uint8Array(256);
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
const isDigit = (ch: string) => ch >= '0' && ch <= '9';
/** The combining diacritics blocks (U+0300-036F and its supplements): part of the letter before them. */
function isCombiningMark(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}

/** Lines whose letters are nearly all capitals ("LEICESTERSHIRE TAKE OVER AT TOP"). */
function capsLines(text: string): { end: number; caps: boolean }[] {
  const lines: { end: number; caps: boolean }[] = [];
  let from = 0;
  for (const line of text.split('\n')) {
    let upper = 0;
    let lower = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c < 0x100) {
        upper += LATIN_UPPER[c] as number;
        lower += (LATIN_LOWER[c] as number) & ~(LATIN_UPPER[c] as number);
        continue;
      }
      const ch = String.fromCodePoint(line.codePointAt(i) as number);
      i += ch.length - 1;
      if (isUpper(ch)) upper += 1;
      else if (isLower(ch)) lower += 1;
    }
    from += line.length + 1;
    lines.push({ end: from, caps: (upper >= 4 && lower <= upper * 0.1) || isTitleCased(line) });
  }
  return lines;
}

/**
 * A headline or subheading in Title Case ("Vidyard Launches New Tools and Features"): every
 * word starts with a capital but a few small ones ("and", "to"), at least one of which is
 * there, with at least three capitalised words of four letters or more, and no figure or bracket (a table row or a
 * list of names, "Mark Woodforde ( Australia ) vs. Mark Philippoussis", is not a headline). Its
 * capitals say as little as those of a line in capitals.
 */
function isTitleCased(line: string): boolean {
  let long = 0;
  let small = false;
  let i = 0;
  while (i < line.length) {
    while (i < line.length && !(classAt(line, i) & WORD_START)) {
      if (line[i] === '(') return false;
      i += 1;
    }
    if (i >= line.length) break;
    const start = i;
    let letters = 0;
    while (i < line.length && !(classAt(line, i) & SPACE)) {
      if (i - start === letters && classAt(line, i) & LETTER) letters += 1;
      i += 1;
    }
    const first = classAt(line, start);
    if (first & DIGIT) return false;
    if (first & CAPITAL) long += letters >= 4 ? 1 : 0;
    else if (TITLE_SMALL_WORDS.has(line.slice(start, i))) small = true;
    else return false;
  }
  return long >= 3 && small;
}

/** Small words that Title Case leaves in lower case. */
const TITLE_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'to',
  'of',
  'for',
  'in',
  'on',
  'at',
  'by',
  'as',
  'with',
]);

export function tokenize(text: string): Token[] {
  const raw = rawTokens(text);
  const lines = capsLines(text);
  const tokens: Token[] = [];
  let line = 0;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as RawToken;
    const previous = raw[i - 1];
    let newLine = false;
    while (line < lines.length - 1 && t.start >= (lines[line]?.end ?? 0)) {
      line += 1;
      newLine = true;
    }
    tokens.push({
      text: t.text,
      lower: t.text.toLowerCase(),
      start: t.start,
      end: t.end,
      sentenceStart: !previous || newLine || SENTENCE_END.has(previous.text),
      capsLine: lines[line]?.caps ?? false,
      shape: shapeOf(t.text),
      nameWord: isNameWord(t.text),
    });
  }
  return tokens;
}

const lowerCaseWordsOf = new WeakMap<readonly Token[], ReadonlySet<string>>();

/** The words a text also writes starting in lower case (lower-cased), worked out once per tokenized text. */
export function lowerCaseWords(tokens: readonly Token[]): ReadonlySet<string> {
  let words = lowerCaseWordsOf.get(tokens);
  if (!words) {
    const found = new Set<string>();
    for (const t of tokens) if (isLower(t.text[0] ?? '')) found.add(t.lower);
    words = found;
    lowerCaseWordsOf.set(tokens, words);
  }
  return words;
}

/** A capital first ("Xiaomi"), or a capital after a small letter or digit ("eBay", "3M"). */
function isNameWord(text: string): boolean {
  const first = text[0] ?? '';
  if (isUpper(first)) return true;
  if (!isLower(first) && !isDigit(first)) return false;
  for (const ch of text) {
    if (isUpper(ch)) return true;
    if (!isLower(ch) && !isDigit(ch) && !isCombiningMark(ch)) return false;
  }
  return false;
}

const shapeKind = (ch: string) => (isUpper(ch) ? 'X' : isLower(ch) ? 'x' : isDigit(ch) ? 'd' : ch);
/** Shape letters of the characters below U+0100 (none of them is a combining mark). */
const LATIN_SHAPE = Array.from({ length: 256 }, (_, c) => shapeKind(String.fromCharCode(c)));

/** Word shape: runs of capitals, small letters and digits become "X", "x" and "d" ("McDonald" -> "XxXx"). */
export function shapeOf(text: string): string {
  let shape = '';
  let last = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: string;
    if (c < 0x100) kind = LATIN_SHAPE[c] as string;
    else {
      const ch = String.fromCodePoint(text.codePointAt(i) as number);
      i += ch.length - 1;
      if (isCombiningMark(ch)) continue;
      kind = shapeKind(ch);
    }
    if (kind !== last || !(kind === 'X' || kind === 'x' || kind === 'd')) shape += kind;
    last = kind;
  }
  return shape.length > 5 ? `${shape.slice(0, 5)}~` : shape;
}
