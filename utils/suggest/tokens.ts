/**
 * Splits article text into word tokens with character offsets, the unit every later step
 * (candidates, features, the model) works on. Offsets always point into the original text,
 * so a found name can be reported and highlighted exactly where it stands.
 *
 * Company names keep their inner punctuation ("AT&T", "Amazon.com", "Hewlett-Packard",
 * "U.S."), a possessive is split off ("Amazon's" -> "Amazon" + "'s"), and the full stop of a
 * known abbreviation stays with it ("Co.", "Inc.").
 */
import {
  after,
  CAPITAL,
  classAt,
  isCombiningMark,
  isDigit,
  isLower,
  isUpper,
  SPACE,
  WORD_INSIDE,
  WORD_START,
} from './characters';
import { ABBREVIATIONS } from './lexicon';
import { capsLines } from './lines';

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
const JOINERS = ".&'’-";
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '•', '|']);

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
/** The possessive split off a name ("Amazon's" -> "Amazon" + "'s"), either apostrophe. */
export function isPossessive(token: Token | undefined): boolean {
  return token?.lower === "'s" || token?.lower === '’s';
}

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
