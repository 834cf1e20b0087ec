import { describe, expect, it } from 'vitest';
import { inflateBase64, KINDS, packWeights, unpackWeights } from '@/utils/suggest/model';
import { MODEL_BUCKETS, MODEL_WEIGHTS } from '@/utils/suggest/model-weights';
import { findNames, loadModel } from '@/utils/suggest/names';

describe('the shipped model', () => {
  it('packs 4-bit weights two to a byte and unpacks them unchanged', () => {
    const weights = Int8Array.from([-7, 7, 0, 3, -1, 5, 2]);
    expect(Array.from(unpackWeights(packWeights(weights), weights.length))).toEqual(Array.from(weights));
  });

  it('inflates to one weight per feature bucket and kind, and refuses a model that is too short', async () => {
    expect((await loadModel()).weights.length).toBe(MODEL_BUCKETS * KINDS.length);
    const bytes = await inflateBase64(MODEL_WEIGHTS);
    expect(() => unpackWeights(bytes.slice(0, 100), MODEL_BUCKETS * KINDS.length)).toThrow(/expected/);
  });

  it('tells people, places and organisations apart', async () => {
    const text = 'Chief executive Tim Cook said Apple Inc would open a store in Paris.';
    const kinds = Object.fromEntries(findNames(text, await loadModel()).names.map((n) => [n.text, n.kind]));
    expect(kinds).toMatchObject({ 'Tim Cook': 'PER', 'Apple Inc': 'ORG', Paris: 'LOC' });
  });
});
