import { describe, expect, it } from 'vitest';
import { cleanVariant, isShortFormOf, nameKey } from '@/utils/suggest/variants';

describe('name variants', () => {
  it('gives every spelling of one company the same key', () => {
    expect(new Set(['Amazon', 'Amazon.com Inc', "Amazon's", 'AMAZON', 'Amazon.com Inc.'].map(nameKey))).toEqual(
      new Set(['amazon']),
    );
    expect(new Set(['Xiaomi Corp', 'Xiaomi Inc.', 'The Xiaomi Corp', 'Xiaomi Corp’s'].map(nameKey))).toEqual(
      new Set(['xiaomi']),
    );
    expect(nameKey('Goldman, Sachs & Co.')).toBe('goldman sachs');
  });

  it('keeps apart names that only share a word', () => {
    expect(nameKey('Deutsche Bank')).not.toBe(nameKey('Deutsche Telekom'));
    expect(nameKey('Bank of America')).toBe('bank of america');
  });

  it('cleans a spelling for tracking without changing its case', () => {
    expect(cleanVariant('Xiaomi Inc.')).toBe('Xiaomi');
    expect(cleanVariant("McDonald 's Corp")).toBe("McDonald's");
    expect(cleanVariant("Nestlé SA's")).toBe('Nestlé');
  });

  it('knows first words, last words and initials as short forms', () => {
    expect(isShortFormOf('goldman', 'Goldman Sachs')).toBe(true);
    expect(isShortFormOf('post', 'Washington Post')).toBe(true);
    expect(isShortFormOf('ibm', 'International Business Machines')).toBe(true);
    expect(isShortFormOf('sachs', 'Goldman Sachs Group')).toBe(false);
    expect(isShortFormOf('apple', 'Apple')).toBe(false);
  });
});
