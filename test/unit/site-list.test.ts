import { describe, expect, it } from 'vitest';
import { hostOf, parseSiteList, toggleHost } from '@/utils/site-list';

describe('parseSiteList', () => {
  it('turns addresses and bare names into hostnames, once each', () => {
    expect(parseSiteList('https://www.Example.com/news?x=1\nexample.org, news.example.co.uk\nexample.org')).toEqual({
      hosts: ['www.example.com', 'example.org', 'news.example.co.uk'],
      invalid: [],
    });
  });

  it('lists what is not a site, as typed', () => {
    expect(parseSiteList('good.example\nnot_a*site\n  \n')).toEqual({
      hosts: ['good.example'],
      invalid: ['not_a*site'],
    });
  });
});

describe('hostOf', () => {
  it('reads the host of page addresses and refuses empty or odd input', () => {
    expect(hostOf('http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    expect(hostOf('')).toBeNull();
    expect(hostOf('a b')).toBeNull();
  });
});

describe('toggleHost', () => {
  it('adds a host once and removes it', () => {
    expect(toggleHost(['a.example'], 'b.example', true)).toEqual(['a.example', 'b.example']);
    expect(toggleHost(['a.example', 'b.example'], 'b.example', true)).toEqual(['a.example', 'b.example']);
    expect(toggleHost(['a.example', 'b.example'], 'a.example', false)).toEqual(['b.example']);
  });
});
