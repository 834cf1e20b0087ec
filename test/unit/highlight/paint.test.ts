import { afterEach, describe, expect, it, vi } from 'vitest';
import { opaqueName } from '@/utils/highlight/paint';

describe('opaqueName', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is a fresh valid identifier each time, also where crypto.randomUUID is missing (a page on plain http)', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    const names = new Set(Array.from({ length: 100 }, () => opaqueName()));
    expect(names.size).toBe(100);
    for (const name of names) expect(name).toMatch(/^h[0-9a-f]{32}$/u);
  });
});
