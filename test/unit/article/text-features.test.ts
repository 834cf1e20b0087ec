import { describe, expect, it } from 'vitest';
import { modelTokens } from '@/utils/article/text-features';

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
});
