import { describe, expect, it } from 'vitest';
import { findRuns, spansOf } from '@/utils/suggest/candidates';
import { tokenize } from '@/utils/suggest/tokens';

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
