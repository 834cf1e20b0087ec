import { describe, expect, it } from 'vitest';
import { parseDate } from '@/utils/article/date-parse';
import { extractStory } from '@/utils/article/extract';
import { pageFrom } from './load';

function titleOf(head: string, body: string, url = 'https://news.example/2025/05/06/story'): string {
  const page = pageFrom(
    `<html><head>${head}</head><body>${body}<p>${'The story goes on. '.repeat(20)}</p></body></html>`,
  );
  return extractStory(page, url).title;
}

describe('titles without the site’s name', () => {
  it('drops a site name longer than a short headline', () => {
    const head = `<title>„Unermüdlicher Einsatz“ – Die Neue Talzeitung</title>
      <meta property="og:site_name" content="Die Neue Talzeitung">`;
    expect(titleOf(head, '<h1>„Unermüdlicher Einsatz“</h1>')).toBe('„Unermüdlicher Einsatz“');
  });

  it('keeps a one-word headline beside the site name (negative control)', () => {
    const head = `<title>Update - Die Neue Talzeitung</title><meta property="og:site_name" content="Die Neue Talzeitung">`;
    expect(titleOf(head, '')).toBe('Update - Die Neue Talzeitung');
  });

  it('drops "-Section|Site" written without spaces after a Korean or Chinese headline', () => {
    const head = `<title>시의회, 항만 계획 승인했다-정치ㅣ해안일보</title><meta property="og:site_name" content="해안일보">`;
    expect(titleOf(head, '', 'https://www.haean.example/news/article/A2025050612')).toBe('시의회, 항만 계획 승인했다');
  });

  it('shows the headline without a kicker the og:title puts before it', () => {
    const head = '<meta property="og:title" content="Ski jumping | Rivals trade blame over suits">';
    expect(titleOf(head, '<h1>Rivals trade blame over suits</h1>')).toBe('Rivals trade blame over suits');
  });

  it('keeps a headline’s own "Kicker: " part (negative control)', () => {
    const head = '<meta property="og:title" content="After the vote: harbour plan goes ahead">';
    expect(titleOf(head, '<h1>Harbour plan goes ahead</h1>')).toBe('After the vote: harbour plan goes ahead');
  });

  it('completes an og:title cut at a quotation mark the page did not escape', () => {
    const head = '<meta property="og:title" content="Model says striker was ">';
    expect(titleOf(head, '<h1>Model says striker was “careless” and gives details</h1>')).toBe(
      'Model says striker was “careless” and gives details',
    );
  });

  it('does not lengthen an og:title the heading merely continues (negative control)', () => {
    const head = '<meta property="og:title" content="Chelsea send a message on a proud day at Cobham">';
    expect(titleOf(head, '<h1>Chelsea send a message on a proud day at Cobham in win over Spurs</h1>')).toBe(
      'Chelsea send a message on a proud day at Cobham',
    );
  });
});

describe('dates as sites in other languages and zones write them', () => {
  it.each([
    ['3 мая 2024, 12:30', '2024-05-03T12:30:00.000Z'],
    ['5 Nisan 2025 14:20', '2025-04-05T14:20:00.000Z'],
    ['12 września 2024', '2024-09-12T00:00:00.000Z'],
    ['2026년 1월 29일 18:40', '2026-01-29T18:40:00.000Z'],
    ['March 25, 2015 3:46 PM ET', '2015-03-25T20:46:00.000Z'],
    ['2019-01-07 10:00 PT', '2019-01-07T18:00:00.000Z'],
  ])('%j is %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it('takes the page’s declared publication time over a visible date', () => {
    const page =
      pageFrom(`<html><head><meta property="article:published_time" content="2025-05-06T08:00:00+02:00"></head>
      <body><h1>Harbour plan approved</h1><div class="date">7. Mai 2025</div><p>${'Text. '.repeat(40)}</p></body></html>`);
    expect(extractStory(page, 'https://news.example/harbour-plan-approved').publishedTime).toBe(
      '2025-05-06T06:00:00.000Z',
    );
  });
});
