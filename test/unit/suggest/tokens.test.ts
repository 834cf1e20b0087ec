import { describe, expect, it } from 'vitest';
import { findRuns, spansOf } from '@/utils/suggest/candidates';
import { isLower, isUpper } from '@/utils/suggest/characters';
import { ABBREVIATIONS } from '@/utils/suggest/lexicon';
import { shapeOf, tokenize } from '@/utils/suggest/tokens';
import { seededRandom } from '../../support/seeded-random';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('tokenize', () => {
  it('keeps company punctuation inside a word and splits a possessive off', () => {
    expect(words("AT&T and Amazon.com's Hewlett-Packard deal")).toEqual([
      'AT&T',
      'and',
      'Amazon.com',
      "'s",
      'Hewlett-Packard',
      'deal',
    ]);
  });

  it('keeps the full stop of Co. and Inc. but not of an ordinary last word', () => {
    expect(words('Ford Motor Co. sold cars. Apple Inc. rose.')).toEqual([
      'Ford',
      'Motor',
      'Co.',
      'sold',
      'cars',
      '.',
      'Apple',
      'Inc.',
      'rose',
      '.',
    ]);
  });

  it('reports offsets into the original text, curly apostrophes included', () => {
    const text = 'Shares of Xiaomi’s unit\nU.S. regulators';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(words(text)).toContain('’s');
    expect(words(text)).toContain('U.S.');
  });

  it('keeps a decomposed accent inside its word, with offsets into the original text', () => {
    // "Ne\u0301stle": e + combining acute, as decomposed (NFD) text writes "Néstle".
    const text = 'Ne\u0301stle SA and Ze\u0301nith Ltd';
    expect(words(text)).toEqual(['Ne\u0301stle', 'SA', 'and', 'Ze\u0301nith', 'Ltd']);
    const [first] = tokenize(text);
    expect(first?.nameWord).toBe(true);
    expect(first?.shape).toBe('Xx');
    expect(findRuns(tokenize(text))).toEqual([{ start: 0, end: 5 }]);
  });

  it('marks sentence starts and headline lines written in capitals', () => {
    const tokens = tokenize('XIAOMI PROFIT JUMPS\nThe results beat forecasts. Shares rose.');
    expect(tokens[0]?.capsLine).toBe(true);
    expect(tokens.find((t) => t.text === 'The')?.sentenceStart).toBe(true);
    expect(tokens.find((t) => t.text === 'Shares')?.sentenceStart).toBe(true);
    expect(tokens.find((t) => t.text === 'results')?.sentenceStart).toBe(false);
    expect(tokens.find((t) => t.text === 'The')?.capsLine).toBe(false);
  });

  it('reads a headline or subheading in Title Case like a line in capitals, but not a sentence or a list of names', () => {
    const capsLine = (line: string) => tokenize(`${line}\nThe results beat forecasts.`)[0]?.capsLine;
    expect(capsLine('Vidyard Launches New Tools and Features for Sales Teams')).toBe(true);
    expect(capsLine('Strava Taps AI to Weed Out Leaderboard Cheats, Unveils Family Plan')).toBe(true);
    expect(capsLine("Nintendo's first phone game will launch in December")).toBe(false);
    expect(capsLine('Mark Woodforde ( Australia ) vs. Mark Philippoussis ( Australia )')).toBe(false);
    expect(capsLine('Manchester United 3 Everton 1')).toBe(false);
    expect(capsLine('Shares of Nokia Rose')).toBe(true);
    expect(capsLine('Shares of Nokia rose')).toBe(false);
  });
});

/**
 * The words as the regular expression the tokenizer spells out finds them (tokens.ts says which),
 * with the same possessive split and abbreviation stops: what the tokenizer must agree with.
 */
function wordsByExpression(text: string): string[] {
  const word =
    /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[.&'’-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|['’]s(?![\p{L}\p{N}])|\S/gu;
  const out: { text: string; end: number }[] = [];
  for (const match of text.matchAll(word)) {
    let found = match[0];
    const possessive = /^(.+?)(['’]s)$/u.exec(found);
    if (possessive?.[1] && /[\p{L}\p{N}]$/u.test(possessive[1])) {
      out.push({ text: possessive[1], end: match.index + possessive[1].length });
      out.push({ text: possessive[2] ?? '', end: match.index + found.length });
      continue;
    }
    if (text[match.index + found.length] === '.' && ABBREVIATIONS.has(found.toLowerCase())) found += '.';
    out.push({ text: found, end: match.index + found.length });
  }
  return out.filter((t, i) => !(t.text === '.' && out[i - 1]?.end === t.end)).map((t) => t.text);
}

describe('tokenize, against the regular expression it spells out', () => {
  it('agrees on every character it classes itself (Latin-1, General Punctuation) and a spread of the others, in every position of a word', () => {
    const codes: number[] = [];
    for (let code = 0; code <= 0x2fff; code++) {
      if (code < 0x100 || (code >= 0x2000 && code <= 0x206f) || code % 7 === 0) codes.push(code);
    }
    for (let code = 0x3000; code <= 0x10ffff; code += code < 0x10000 ? 37 : 997) {
      if (code < 0xd800 || code > 0xdfff) codes.push(code);
    }
    // Each character starting a word, inside one, after a joiner, after initials, after "'s".
    const text = codes
      .map((code) => String.fromCodePoint(code))
      .map((c) => `${c}a A${c} b-${c}d X.${c} U.S${c} x's${c} `);
    expect(words(text.join(''))).toEqual(wordsByExpression(text.join('')));
  });

  it('agrees on random text made of the characters and words that make tokens hard', () => {
    const pieces = [
      'A',
      'b',
      'É',
      'ü',
      '3',
      '.',
      "'",
      '’',
      's',
      '-',
      '&',
      ' ',
      '\n',
      '\u0301',
      'Co',
      'Inc',
      'U',
      '𝐀',
      '中',
      '(',
      '\u00a0',
      '\u2019',
    ];
    const random = seededRandom(8);
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 40 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(words(text), JSON.stringify(text)).toEqual(wordsByExpression(text));
    }
  });
});

describe('letter case and word shape of the Latin-1 characters', () => {
  it('calls a character below U+0100 upper or lower case exactly when its case mappings say so', () => {
    for (let code = 0; code < 0x100; code++) {
      const ch = String.fromCharCode(code);
      expect(isUpper(ch), `U+${code.toString(16)} upper`).toBe(ch !== ch.toLowerCase());
      expect(isLower(ch), `U+${code.toString(16)} lower`).toBe(ch !== ch.toUpperCase());
    }
    expect([isLower('ß'), isLower('ª'), isUpper('Þ'), isUpper('×')]).toEqual([true, false, true, false]);
  });

  it('gives every character below U+0100 the shape letter its case says, and keeps the others as they are', () => {
    for (let code = 0; code < 0x100; code++) {
      const ch = String.fromCharCode(code);
      const kind = ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch >= '0' && ch <= '9' ? 'd' : ch;
      expect(shapeOf(ch), `U+${code.toString(16)}`).toBe(kind);
    }
    expect(shapeOf('McDonald’s')).toBe('XxXx’~');
    expect(shapeOf('3M')).toBe('dX');
  });

  it('counts a line of Latin-1 capitals as a headline line', () => {
    const [caps, plain] = [tokenize('ÉLYSÉE ÉCARTE LA RÉFORME')[0], tokenize('Élysée écarte la réforme')[0]];
    expect([caps?.capsLine, plain?.capsLine]).toEqual([true, false]);
  });
});

describe('candidate runs', () => {
  it('joins capitalised words across "of" and "&" but never starts on a small word', () => {
    const tokens = tokenize('By Ines Park. Bank of America met Procter & Gamble.');
    const runs = findRuns(tokens).map((r) =>
      tokens
        .slice(r.start, r.end)
        .map((t) => t.text)
        .join(' '),
    );
    expect(runs).toEqual(['Ines Park', 'Bank of America', 'Procter & Gamble']);
  });

  it('never runs across a line or sentence break', () => {
    const tokens = tokenize('The deal will be passed by Congress\nSyria needs a solution. Nokia Oyj agreed.');
    const runs = findRuns(tokens).map((r) =>
      tokens
        .slice(r.start, r.end)
        .map((t) => t.text)
        .join(' '),
    );
    expect(runs).toEqual(['Congress', 'Syria', 'Nokia Oyj']);
  });

  it('offers every stretch of a run that starts and ends on a capitalised word', () => {
    const tokens = tokenize('Bank of America');
    const [run] = findRuns(tokens);
    const spans = spansOf(tokens, run!).map((s) =>
      tokens
        .slice(s.start, s.end)
        .map((t) => t.text)
        .join(' '),
    );
    expect(spans.sort()).toEqual(['America', 'Bank', 'Bank of America']);
  });
});
