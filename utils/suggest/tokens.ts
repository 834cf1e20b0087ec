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

// A combining mark belongs to the letter before it: "Ne\u0301stle" (decomposed, as some pages and
// macOS copies write "Néstle") is one word, not "Ne" + "stle".
const WORD =
  /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[.&'’-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|['’]s(?![\p{L}\p{N}])|\S/gu;
const POSSESSIVE = /^(.+?)(['’]s)$/u;
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '•', '|']);

interface RawToken {
  text: string;
  start: number;
  end: number;
}

function rawTokens(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    let word = match[0];
    const possessive = POSSESSIVE.exec(word);
    if (possessive?.[1] && /[\p{L}\p{N}]$/u.test(possessive[1])) {
      out.push({ text: possessive[1], start, end: start + possessive[1].length });
      out.push({ text: possessive[2] ?? "'s", start: start + possessive[1].length, end: start + word.length });
      continue;
    }
    if (text[start + word.length] === '.' && ABBREVIATIONS.has(word.toLowerCase())) word += '.';
    out.push({ text: word, start, end: start + word.length });
  }
  // An abbreviation that swallowed a full stop leaves that stop as a separate match: drop it.
  return out.filter((t, i) => !(t.text === '.' && out[i - 1]?.end === t.end));
}

/*
 * Letter case by comparing case mappings, not with Unicode property regexes: the injected script
 * runs fresh each time the popup asks, and compiling those regexes costs milliseconds each time.
 */
export const isUpper = (ch: string) => ch !== ch.toLowerCase();
export const isLower = (ch: string) => ch !== ch.toUpperCase();
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
    for (const ch of line) {
      if (isUpper(ch)) upper += 1;
      else if (isLower(ch)) lower += 1;
    }
    from += line.length + 1;
    lines.push({ end: from, caps: upper >= 4 && lower <= upper * 0.1 });
  }
  return lines;
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

/** Word shape: runs of capitals, small letters and digits become "X", "x" and "d" ("McDonald" -> "XxXx"). */
export function shapeOf(text: string): string {
  let shape = '';
  let last = '';
  for (const ch of text) {
    if (isCombiningMark(ch)) continue;
    const kind = isUpper(ch) ? 'X' : isLower(ch) ? 'x' : isDigit(ch) ? 'd' : ch;
    if (kind !== last || !(kind === 'X' || kind === 'x' || kind === 'd')) shape += kind;
    last = kind;
  }
  return shape.length > 5 ? `${shape.slice(0, 5)}~` : shape;
}
