import { describe, expect, it } from 'vitest';
import { namesIn } from '@/utils/article/byline';
import { normaliseUrl } from '@/utils/article/canonical';
import { parseDate } from '@/utils/article/date-parse';
import { stripSiteName } from '@/utils/article/headline';

describe('parseDate', () => {
  it.each([
    ['2015-04-30T07:19:58+02:00', '2015-04-30T05:19:58.000Z'],
    ['2017-11-03 03:01:00.000000', '2017-11-03T03:01:00.000Z'],
    ['2024-06-25', '2024-06-25T00:00:00.000Z'],
    ['1430371198', '2015-04-30T05:19:58.000Z'],
    ['20150430', '2015-04-30T00:00:00.000Z'],
    ['March 11, 2015 3:46 PM', '2015-03-11T15:46:00.000Z'],
    ['Updated 22 Dec 2016, 10:43 GMT', '2016-12-22T10:43:00.000Z'],
    ['April 28, 2019 at 6:01 am EDT', '2019-04-28T10:01:00.000Z'],
    ['publié le 8 octobre 2024 à 17h45', '2024-10-08T17:45:00.000Z'],
    ['3. März 2023', '2023-03-03T00:00:00.000Z'],
    ['30.04.2015 07:19', '2015-04-30T07:19:00.000Z'],
    ['2015年4月30日', '2015-04-30T00:00:00.000Z'],
    ['Fri Mar 13 21:30:09 EST 2015', '2015-03-14T02:30:09.000Z'],
  ])('reads %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it('reads 04/05/2015 by the page’s convention', () => {
    expect(parseDate('04/05/2015', { dayFirst: true })?.slice(0, 10)).toBe('2015-05-04');
    expect(parseDate('04/05/2015', { dayFirst: false })?.slice(0, 10)).toBe('2015-04-05');
  });

  it.each(['', 'yesterday', 'Chapter 12', '1850-01-01', '2015-13-45', '99999999999'])('refuses %j', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });
});

describe('namesIn', () => {
  it.each([
    ['By Erin Cunningham', ['Erin Cunningham']],
    ['By GILLIAN MOHNEY March 11, 2015 3:46 PM', ['GILLIAN MOHNEY']],
    ['Par Sébastien Farcis', ['Sébastien Farcis']],
    ['Stella Kim, Jennifer Jett', ['Stella Kim', 'Jennifer Jett']],
    ['By Priya Natarajan and Tomás Ferreira, Business reporters', ['Priya Natarajan', 'Tomás Ferreira']],
    ['Steven Musil | Staff Writer', ['Steven Musil']],
    ['di Marco Rossi', ['Marco Rossi']],
    ['Robert De Niro', ['Robert De Niro']],
    ['Marine Le Pen', ['Marine Le Pen']],
    ['jane@example.com', []],
    ['Follow', []],
  ])('%j gives %j', (raw, names) => {
    expect(namesIn(raw)).toEqual(names);
  });
});

describe('stripSiteName', () => {
  const isSite = (s: string) => /^(reuters|cnn business|cnn|bbc news|the guardian)$/i.test(s.trim());
  it.each([
    ['Oil prices rise on supply worries - Reuters', 'Oil prices rise on supply worries'],
    ['Stocks close higher | CNN Business', 'Stocks close higher'],
    [
      'BBC News - Obama admits gun laws are his biggest frustration',
      'Obama admits gun laws are his biggest frustration',
    ],
    [
      'Xbox One X review - A console that keeps up with gaming PCs',
      'Xbox One X review - A console that keeps up with gaming PCs',
    ],
    ['Brexit talks stall | Politics | The Guardian', 'Brexit talks stall'],
  ])('%j → %j', (title, expected) => {
    expect(stripSiteName(title, isSite)).toBe(expected);
  });
});

describe('stripSiteName without knowing the site', () => {
  const knowsNothing = () => false;
  it('drops a short tail behind a pipe or a middle dot', () => {
    expect(stripSiteName('Getting LEAN with Digital Ad UX | IAB', knowsNothing)).toBe(
      'Getting LEAN with Digital Ad UX',
    );
    expect(stripSiteName('Standalone WebAssembly binaries using Emscripten · V8', knowsNothing)).toBe(
      'Standalone WebAssembly binaries using Emscripten',
    );
  });
  it('keeps a dash, which headlines use too', () => {
    expect(stripSiteName('Oil prices rise - analysts expect more', knowsNothing)).toBe(
      'Oil prices rise - analysts expect more',
    );
  });
});

describe('normaliseUrl', () => {
  it('drops utm_*, fbclid, gclid and the fragment, and keeps real parameters', () => {
    expect(normaliseUrl('/a?id=3&utm_source=x&fbclid=1&gclid=2&page=2#top', 'https://site.example/b')).toBe(
      'https://site.example/a?id=3&page=2',
    );
  });
});
