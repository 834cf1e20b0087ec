import { describe, expect, it } from 'vitest';
import { declaredAddress } from '../../support/declared-address';
import { siteOf } from '../../support/publisher-site';

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

describe('siteOf (cross-validation keeps each site on one side)', () => {
  it('gives the registrable domain, two-part public suffixes included', () => {
    expect(siteOf('https://www.bbc.co.uk/news/business-1', 'x')).toBe('bbc.co.uk');
    expect(siteOf('https://edition.cnn.com/2024/05/01/story', 'x')).toBe('cnn.com');
    expect(siteOf('https://news.orf.at/stories/3376705/', 'x')).toBe('orf.at');
  });

  it('gives the fallback for the test server, a neutral address or no address', () => {
    expect(siteOf('http://fakehost/test/page.html', 'readability:nytimes')).toBe('readability:nytimes');
    expect(siteOf('http://example.invalid/page.html', 'n:1')).toBe('n:1');
    expect(siteOf('not a url', 'n:2')).toBe('n:2');
  });
});
