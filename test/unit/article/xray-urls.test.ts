/**
 * In Firefox a content script sees the page's objects, URL among them, through Xray wrappers:
 * URLSearchParams iterates itself, but the iterator its keys(), values() and entries() return
 * cannot be iterated through the wrapper ("keys() is not iterable"). The content script reads
 * every page address through classifyUrl and normaliseUrl, so one such spread stops it on every
 * page. A URL whose parameters behave that way stands in for Firefox here; the Firefox
 * end-to-end suite proves the real thing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normaliseUrl } from '@/utils/article/canonical';
import { classifyUrl } from '@/utils/article/url-shape';

const RealUrl = URL;

/** `target`'s own methods and getters, run on `target` itself (as the real objects need). */
function forwarding<T extends object>(target: T, get?: (key: string | symbol) => unknown): T {
  return new Proxy(target, {
    get(t, key) {
      const special = get?.(key);
      if (special !== undefined) return special;
      const value = Reflect.get(t, key, t);
      return typeof value === 'function' ? value.bind(t) : value;
    },
    set: (t, key, value) => Reflect.set(t, key, value, t),
  });
}

/** Parameters as a content script in Firefox sees them: the iterators they hand out have only next(). */
function xrayParams(params: URLSearchParams): URLSearchParams {
  return forwarding(params, (key) => {
    if (key !== 'keys' && key !== 'values' && key !== 'entries') return undefined;
    return () => {
      const inner = params[key]();
      return { next: () => inner.next() };
    };
  });
}

function XrayUrl(url: string | URL, base?: string | URL): URL {
  const real = new RealUrl(url, base);
  return forwarding(real, (key) => (key === 'searchParams' ? xrayParams(real.searchParams) : undefined));
}

describe('page addresses read through Firefox’s Xray wrappers', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('the stand-in fails as Firefox does on a spread of keys() (negative control)', () => {
    const url = XrayUrl('https://news.example/a?id=3&utm_source=x');
    expect(() => [...url.searchParams.keys()]).toThrow(TypeError);
    expect(Array.from(url.searchParams, ([key]) => key)).toEqual(['id', 'utm_source']);
  });

  it('classifyUrl and normaliseUrl give the same answers as with an ordinary URL', () => {
    const cases = [
      'https://www.example.com/search?q=apple',
      'https://www.example.com/?page=2',
      'https://www.reuters.com/',
      'https://news.example/2024/05/12/oil-prices-rise/?utm_source=x',
    ];
    const plain = cases.map((u) => [classifyUrl(u), normaliseUrl(u, u)]);
    vi.stubGlobal('URL', XrayUrl);
    expect(cases.map((u) => [classifyUrl(u), normaliseUrl(u, u)])).toEqual(plain);
    expect(normaliseUrl('/a?id=3&utm_source=x&fbclid=1#top', 'https://site.example/b')).toBe(
      'https://site.example/a?id=3',
    );
    expect(classifyUrl('https://www.example.com/?page=2')).not.toBe('home');
  });
});
