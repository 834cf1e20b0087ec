import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparable } from '@/utils/article/text';

/** The key as defined: NFKC, lower case, letters and digits of any script only. */
const reference = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

describe('comparable', () => {
  it('gives plain ASCII text (its shortcut) the same key as the Unicode definition', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }), (text) => comparable(text) === reference(text)));
    expect(comparable('The Test Courier | Business')).toBe('thetestcourierbusiness');
  });

  it('keeps letters and digits of every script, and folds width and case, for any other text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => comparable(text) === reference(text)));
    expect(comparable('Libération — Économie')).toBe('libérationéconomie');
    expect(comparable('ＡＢＣ ニュース 24')).toBe('abcニュース24');
  });
});
