import { describe, expect, it } from 'vitest';
import { featureVector, modelTokens } from '@/utils/article/text-features';

describe('modelTokens: the words the business model reads', () => {
  it('leaves out the function words of other languages, so a text’s language alone carries no weight', () => {
    expect(modelTokens('Der Konzern und die Aktie: mehr Gewinn im dritten Quartal')).toEqual([
      'company',
      'share',
      'profit',
      'dritten',
      'quarter',
    ]);
    expect(modelTokens('Le bénéfice de la banque pour les actionnaires')).toEqual(['profit', 'bank', 'shareholder']);
    expect(modelTokens('O lucro do banco não é uma surpresa')).toEqual(['profit', 'bank', 'surpresa']);
  });

  it('keeps English words spelt like them (negative control)', () => {
    expect(modelTokens('War at the door: a son and a man')).toEqual(['war', 'door', 'son', 'man']);
  });

  it('reads a German compound by its head word', () => {
    expect(modelTokens('Intel meldet ein Rekordquartal, die Energiepreise steigen')).toEqual([
      'intel',
      'meldet',
      'quarter',
      'price',
      'steigen',
    ]);
  });

  it('reads a compound whose head is not a business word as itself (negative control)', () => {
    expect(modelTokens('Die Datenbank und das Quartett')).toEqual(['datenbank', 'quartett']);
  });
});

describe('featureVector: what the model scores', () => {
  it('gives business words of any language one shared token, so an unseen publisher’s words still count', () => {
    expect(featureVector('Tariffs hit carmaker profits', '').has('<business>')).toBe(true);
    expect(featureVector('Bolsa sobe e lucro do banco cresce', '').has('<business>')).toBe(true);
    expect(featureVector('Striker scores twice in derby win', '').has('<business>')).toBe(false);
  });

  it('gives the words of crime, war, sport and the arts a shared token of their own', () => {
    expect(featureVector('Troops and police arrest protesters', '').has('<other>')).toBe(true);
    expect(featureVector('Polizei meldet Krieg', '').has('<other>')).toBe(true);
    expect(featureVector('Carmaker lifts profit forecast', '').has('<other>')).toBe(false);
  });

  it('leaves words with a business and another sense out of both (the West Bank, a missile strike)', () => {
    const vector = featureVector('West Bank strike', '');
    expect(vector.has('<business>')).toBe(false);
    expect(vector.has('<other>')).toBe(false);
  });

  it('stays unit length, the shared token included', () => {
    const vector = featureVector('Shares and bonds fall as inflation rises', 'Markets slid on Monday.');
    const norm = Math.sqrt([...vector.values()].reduce((sum, v) => sum + v * v, 0));
    expect(norm).toBeCloseTo(1, 6);
  });

  it('reads neighbouring words as pairs when the model asks for them, and only then', () => {
    const withPairs = featureVector('West Bank land claim', 'Settlers moved in.', true);
    expect(withPairs.has('west_bank')).toBe(true);
    expect(withPairs.has('claim_settler')).toBe(true);
    expect(featureVector('West Bank land claim', 'Settlers moved in.').has('west_bank')).toBe(false);
  });

  it('keeps the words as they were beside the pairs, and gives the pairs the same total weight however many', () => {
    const words = featureVector('Carmaker lifts profit forecast', '');
    const withPairs = featureVector('Carmaker lifts profit forecast', '', true);
    for (const [token, value] of words) expect(withPairs.get(token)).toBe(value);
    const pairNorm = (vector: Map<string, number>) =>
      Math.sqrt([...vector].filter(([t]) => t.includes('_')).reduce((sum, [, v]) => sum + v * v, 0));
    const long = featureVector(
      'Carmaker lifts profit forecast',
      'Shares rose sharply on Monday after the results.',
      true,
    );
    expect(pairNorm(long)).toBeCloseTo(pairNorm(withPairs), 6);
  });
});
