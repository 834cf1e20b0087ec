import { describe, expect, it } from 'vitest';
import { featureVector } from '@/utils/article/text-features';
import { createTextModel, type TextModelData } from '@/utils/article/text-model';

const WEIGHTS: TextModelData = { source: 'test', bias: 0, scale: 100, terms: 'takeover 300 final -400' };

describe('createTextModel: the floor on what one word may say against a text', () => {
  const title = 'Takeover final';
  const vector = featureVector(title, '');

  it('lets a word lower the log-odds by the floor at most', () => {
    const floored = createTextModel({ ...WEIGHTS, floor: 0.5 }).score(title, '');
    expect(floored.logit).toBeCloseTo(3 * (vector.get('takeover') as number) - 0.5, 6);
  });

  it('counts the word in full without a floor (negative control)', () => {
    const plain = createTextModel(WEIGHTS).score(title, '');
    const expected = 3 * (vector.get('takeover') as number) - 4 * (vector.get('final') as number);
    expect(plain.logit).toBeCloseTo(expected, 6);
    expect(plain.logit).toBeLessThan(createTextModel({ ...WEIGHTS, floor: 0.5 }).score(title, '').logit);
  });

  it('leaves the words for business as they are', () => {
    const floored = createTextModel({ ...WEIGHTS, floor: 0.5 }).score('Takeover', '');
    expect(floored.logit).toBeCloseTo(3 * (featureVector('Takeover', '').get('takeover') as number), 6);
    expect(floored.topWords).toEqual(['takeover']);
  });
});
