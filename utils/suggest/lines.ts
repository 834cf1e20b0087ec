/**
 * Which lines of a text say little by their capitals: lines written in capitals (a wire
 * headline) and headlines or subheadings written in Title Case.
 */
import {
  CAPITAL,
  classAt,
  DIGIT,
  isLower,
  isUpper,
  LATIN_LOWER,
  LATIN_UPPER,
  LETTER,
  SPACE,
  WORD_START,
} from './characters';

/** Lines whose letters are nearly all capitals ("LEICESTERSHIRE TAKE OVER AT TOP"). */
export function capsLines(text: string): { end: number; caps: boolean }[] {
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
