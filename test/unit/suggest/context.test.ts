import { describe, expect, it } from 'vitest';
import { markOwned } from '@/utils/suggest/context';

// Written for these tests.
const text = "Sony's PlayStation VR sold well.";
const product = { start: text.indexOf('PlayStation'), owned: false };
const owner = (kind: string, score: number, name = 'Sony') => ({ end: 4, text: name, kind, score });

describe('markOwned', () => {
  it("takes the name after an organisation's possessive for something it owns", () => {
    expect(markOwned(text, [owner('ORG', 12)], [product])[0]?.owned).toBe(true);
  });

  it('takes a name the tagger only guessed was a place for a possible owner, unless it is a known place', () => {
    expect(markOwned(text, [owner('LOC', 2)], [product])[0]?.owned).toBe(true);
    const country = "Japan's PlayStation VR sold well.";
    expect(markOwned(country, [owner('LOC', 2, 'Japan')], [product])[0]?.owned).toBe(false);
  });

  it('leaves names after a sure place or a person their own', () => {
    expect(markOwned(text, [owner('LOC', 20)], [product])[0]?.owned).toBe(false);
    expect(markOwned(text, [owner('PER', 2)], [product])[0]?.owned).toBe(false);
  });
});
