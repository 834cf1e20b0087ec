import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateBase64, KINDS, packedModel, packedWeight, packWeights } from '@/utils/suggest/model';
import { MODEL_BUCKETS, MODEL_WEIGHTS } from '@/utils/suggest/model-weights';
import { findNames, loadModel } from '@/utils/suggest/names';

describe('the shipped model', () => {
  it('packs 4-bit weights two to a byte and reads them back unchanged', () => {
    const weights = Int8Array.from([-7, 7, 0, 3, -1, 5, 2]);
    const packed = packWeights(weights);
    expect(Array.from(weights, (_, i) => packedWeight(packed, i))).toEqual(Array.from(weights));
  });

  it('inflates to one weight per feature bucket and kind, and refuses a model that is too short', async () => {
    const model = await loadModel();
    expect('packed' in model && model.packed.length * 2).toBe(MODEL_BUCKETS * KINDS.length);
    const bytes = await inflateBase64(MODEL_WEIGHTS);
    expect(() => packedModel(bytes.slice(0, 100), MODEL_BUCKETS)).toThrow(/expected/);
  });

  it('inflates data of many stream chunks whole and in order, and rejects data that is not deflated', async () => {
    // 300,000 bytes that do not repeat: the decompressor hands them out in several chunks.
    const original = Uint8Array.from({ length: 300_000 }, (_, i) => (Math.imul(i, 2654435761) >>> 24) & 255);
    const inflated = await inflateBase64(deflateRawSync(original).toString('base64'));
    expect(inflated.length).toBe(original.length);
    expect(Buffer.from(inflated).equals(Buffer.from(original))).toBe(true);
    await expect(inflateBase64(Buffer.from('not deflated at all').toString('base64'))).rejects.toThrow();
  });

  it('inflates the model once and keeps it for the next run, and only while the shipped weights are the same', async () => {
    const key = Symbol.for('news-tracker.suggest.model');
    const global = globalThis as { [key]?: { weights: string } };
    const first = await loadModel();
    expect(await loadModel()).toBe(first);
    // What an older version of the extension left in the tab is not used.
    (global[key] as { weights: string }).weights = 'an older model';
    const fresh = await loadModel();
    expect(fresh).not.toBe(first);
    expect(fresh).toEqual(first);
  });

  it('tells people, places and organisations apart', async () => {
    const text = 'Chief executive Tim Cook said Apple Inc would open a store in Paris.';
    const kinds = Object.fromEntries(findNames(text, await loadModel()).names.map((n) => [n.text, n.kind]));
    expect(kinds).toMatchObject({ 'Tim Cook': 'PER', 'Apple Inc': 'ORG', Paris: 'LOC' });
  });
});
