import { describe, expect, it } from 'vitest';
import { validateSuggestions } from '@/utils/suggest/suggestion';

describe('validateSuggestions', () => {
  it('accepts what the injected script returns', () => {
    const good = [{ name: 'Xiaomi', aliases: ['Xiaomi Corp'], mentions: 3, score: 0.9 }];
    expect(validateSuggestions(good)).toEqual(good);
  });

  it('refuses anything else with the field at fault, and drops unknown fields', () => {
    expect(() => validateSuggestions({ name: 'Xiaomi' })).toThrow('suggestions: expected a list');
    expect(() => validateSuggestions([{ name: 42, aliases: [], mentions: 1, score: 0.5 }])).toThrow(
      'suggestions[0].name: expected text',
    );
    expect(() => validateSuggestions([{ name: 'A', aliases: 'B', mentions: 1, score: 0.5 }])).toThrow(
      'suggestions[0].aliases: expected a list',
    );
    expect(() => validateSuggestions(Array.from({ length: 13 }, () => ({})))).toThrow('more than 12 items');
    const extra = validateSuggestions([{ name: 'A', aliases: [], mentions: 1, score: 0.5, html: '<b>x</b>' }]);
    expect(extra[0]).not.toHaveProperty('html');
  });
});
