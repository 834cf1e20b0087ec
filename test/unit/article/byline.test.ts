import { describe, expect, it } from 'vitest';
import { creditKind, namesIn, writtenAsName } from '@/utils/article/byline-names';
import { extractStory } from '@/utils/article/extract';
import { pageFrom } from './load';

/** A story page with `head` in its <head> and `byline` just below its headline. */
function bylineOf(head: string, byline: string, text = 'The council voted on the plan on Monday. '): string | null {
  const page = pageFrom(`<html><head><title>Harbour plan approved</title>
    <meta property="og:site_name" content="Coast Courier">${head}</head>
    <body><nav><a href="/">Coast Courier</a></nav><article><h1>Harbour plan approved</h1>${byline}
    <p>${text.repeat(12)}</p></article></body></html>`);
  return extractStory(page, 'https://coastcourier.example/2025/05/06/harbour-plan-approved').byline;
}

describe('bylines name people, not the words around them', () => {
  it('keeps "By" apart from a name in the next element, and reads no name into a lone "By"', () => {
    expect(
      bylineOf('', '<div class="byline"><span>By</span><a href="/staff/travis-haney">Travis Haney</a></div>'),
    ).toBe('Travis Haney');
    expect(bylineOf('', '<div class="byline">ByTravis Haney</div>')).toBe('Travis Haney');
    expect(bylineOf('', '<div class="byline">By</div>')).toBeNull();
  });

  it('reads "No Author", "Admin" and a weekday as no byline at all', () => {
    expect(bylineOf('<meta name="author" content="No Author">', '')).toBeNull();
    expect(bylineOf('', '<div class="author">Admin</div>')).toBeNull();
    expect(bylineOf('', '<span class="byline">Monday</span>')).toBeNull();
  });

  it('does not glue a desk written on the next line to the name', () => {
    expect(
      bylineOf('', '<div class="author-box"><a href="/a/kelly">Kelly Sheridan</a><br><span>News</span></div>'),
    ).toBe('Kelly Sheridan');
  });

  it('prefers the reporter to the site or a desk the metadata names', () => {
    const head = '<meta name="author" content="Coast Courier"><meta property="article:author" content="Newsroom">';
    expect(bylineOf(head, '<p class="byline">By Ines Marlow</p>')).toBe('Ines Marlow');
  });

  it('completes a first name, a missing middle initial and a list cut to one author from the visible byline', () => {
    expect(bylineOf('<meta name="author" content="Travis">', '<p class="byline">By Travis Haney</p>')).toBe(
      'Travis Haney',
    );
    const ld = (name: string) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Harbour plan approved', author: { '@type': 'Person', name } })}</script>`;
    expect(bylineOf(ld('John Smith'), '<p class="byline">By John Q. Smith</p>')).toBe('John Q. Smith');
    expect(bylineOf(ld('Ana Ruiz'), '<p class="byline">By Ana Ruiz, Tom Lee and Priya Natarajan</p>')).toBe(
      'Ana Ruiz, Tom Lee, Priya Natarajan',
    );
  });

  it('does not take a longer line that is not written as names (negative control)', () => {
    const head = '<meta name="author" content="John Smith">';
    expect(bylineOf(head, '<p class="byline">John Smith is a reporter covering the harbour</p>')).toBe('John Smith');
  });

  it('reads JSON-LD authors given as given and family names', () => {
    const ld = {
      '@type': 'NewsArticle',
      headline: 'Harbour plan approved',
      author: [
        { '@type': 'Person', givenName: 'Anna Giulia', familyName: 'Fink' },
        { '@type': 'Person', givenName: 'Jan', familyName: 'Marchart' },
      ],
    };
    expect(bylineOf(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '')).toBe(
      'Anna Giulia Fink, Jan Marchart',
    );
  });

  it('keeps a wire agency credited beside the reporter, and the agency alone when no one is named', () => {
    const ld = {
      '@type': 'NewsArticle',
      headline: 'Harbour plan approved',
      author: [
        { '@type': 'Person', name: 'Paula Steiger' },
        { '@type': 'Organization', name: 'SDA' },
      ],
    };
    expect(bylineOf(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '')).toBe(
      'Paula Steiger, SDA',
    );
    expect(bylineOf('<meta name="author" content="Associated Press">', '')).toBe('Associated Press');
  });

  it('credits the publisher only when the page credits no one else', () => {
    expect(bylineOf('<meta name="author" content="Coast Courier">', '')).toBe('Coast Courier');
    expect(bylineOf('<meta name="author" content="Coast Courier">', '<p class="byline">By Ines Marlow</p>')).toBe(
      'Ines Marlow',
    );
  });

  it('reads names in any script, and a signature closing the story', () => {
    expect(bylineOf('', '<div class="author">作者：余聪</div>')).toBe('余聪');
    expect(bylineOf('', '<div class="author">김철수 기자</div>')).toBe('김철수');
    expect(bylineOf('', '<div class="author">Автор: Иван Петров</div>')).toBe('Иван Петров');
    const signed = pageFrom(`<html><head><title>Harbour plan approved</title></head><body><article>
      <h1>Harbour plan approved</h1><p>${'The council voted on the plan on Monday. '.repeat(12)}</p>
      <p style="text-align:right"><strong>Lê Phương</strong></p></article></body></html>`);
    expect(extractStory(signed, 'https://tin.example/harbour-plan-approved').byline).toBe('Lê Phương');
  });

  it('reads reporters named in a line of their own atop the story when the page credits only itself', () => {
    const reporters =
      '<p><em>Villagers say the blasts crack their walls</em></p><p><strong>Ines Marlow/Tomas Reyes</strong></p>';
    expect(bylineOf('<meta name="author" content="Coast Courier">', reporters)).toBe('Ines Marlow, Tomas Reyes');
    // With no credit to read past, a line of capitalised words atop a story is taken for a heading.
    expect(bylineOf('', reporters)).toBeNull();
  });

  it('reads no reporter into the breadcrumb opening a story that credits only the site', () => {
    const breadcrumb = '<ul><li><a href="/">Home</a></li><li><a href="/news/front">Front Page</a></li></ul>';
    expect(bylineOf('<meta name="author" content="Coast Courier">', breadcrumb)).toBe('Coast Courier');
    // The control: a line of names there is read as the story's reporters.
    expect(bylineOf('<meta name="author" content="Coast Courier">', '<p>Mathatisi Sebusi</p>')).toBe(
      'Mathatisi Sebusi',
    );
  });

  it('takes the authors of the story, not of the other stories listed beside it', () => {
    const byline = `<span itemprop="author">Adam Rogers</span>
      <ul class="more"><li><span itemprop="author">Megan Molteni</span> A story about bees</li></ul>`;
    expect(bylineOf('', `<div class="meta">${byline}</div>`)).toBe('Adam Rogers');
  });
});

describe('namesIn and what a credit is', () => {
  it.each([
    [
      'Martin Untersinger (avec Damien Leloup et Morgane Tual)',
      ['Martin Untersinger', 'Damien Leloup', 'Morgane Tual'],
    ],
    ['Richard (R.J.) Eskow', ['Richard (R.J.) Eskow']],
    ['Mathatisi Sebusi/Mohalenyane Phakela', ['Mathatisi Sebusi', 'Mohalenyane Phakela']],
    ['Adam Rogers Adam Rogers', ['Adam Rogers']],
    ['人氣(', []],
    ['Last Updated', []],
    ['Front Page', []],
    ['Larry Page', ['Larry Page']],
  ])('%j gives %j', (raw, names) => {
    expect(namesIn(raw)).toEqual(names);
  });

  it('tells people from agencies and organisations', () => {
    expect(creditKind('Travis Haney')).toBe('person');
    expect(creditKind('Associated Press')).toBe('agency');
    expect(creditKind('dpa')).toBe('agency');
    expect(creditKind('MM-Redaktion')).toBe('organisation');
    expect(creditKind('WIRED Staff')).toBe('organisation');
    expect(creditKind('Stuff.co.nz')).toBe('organisation');
    expect(creditKind('TPN')).toBe('organisation');
  });

  it('knows a name as written from a phrase', () => {
    expect(writtenAsName('Ursula von der Leyen')).toBe(true);
    expect(writtenAsName('GILLIAN MOHNEY')).toBe(true);
    expect(writtenAsName('余聪')).toBe(true);
    expect(writtenAsName('This story originally appeared')).toBe(false);
  });
});
