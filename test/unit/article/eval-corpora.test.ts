import { describe, expect, it } from 'vitest';
import { declaredAddress } from '../../support/declared-address';

describe('declaredAddress (the evaluation serves a saved page at the address it declares)', () => {
  it('takes link[rel=canonical] first, then og:url, resolving relative addresses', () => {
    expect(
      declaredAddress(
        '<head><meta property="og:url" content="https://b.example/og"><link href="/story/1?a=1&amp;b=2" rel="canonical"></head>',
        'https://news.example/x',
      ),
    ).toBe('https://news.example/story/1?a=1&b=2');
    expect(declaredAddress(`<head><meta content='https://b.example/og' property='og:url'></head>`)).toBe(
      'https://b.example/og',
    );
  });

  it('gives null for a page that declares nothing, or only the test server or a non-web address', () => {
    expect(declaredAddress('<head><title>x</title></head>')).toBeNull();
    expect(declaredAddress('<link rel="canonical" href="http://fakehost/test/page.html">')).toBeNull();
    expect(declaredAddress('<link rel="canonical" href="javascript:alert(1)">')).toBeNull();
  });
});
