import { describe, expect, it } from 'vitest';
import { classifyBusiness } from '@/utils/article/classify';
import { detectArticle } from '@/utils/article/detect';
import { extractStory } from '@/utils/article/extract';
import { loadFixture, pageFrom } from './load';

describe('extractStory on a news article with JSON-LD', () => {
  const story = extractStory(
    loadFixture('news-jsonld.html'),
    'https://ledger.example/business/2025/03/18/harbour-freight-coastline-takeover?utm_source=x',
  );

  it('gives the headline without the site suffix', () => {
    expect(story.title).toBe('Harbour Freight agrees £2.1bn takeover of rival Coastline Logistics');
  });

  it('gives every author, names only', () => {
    expect(story.byline).toBe('Priya Natarajan, Tomás Ferreira');
  });

  it('gives site name, section, language, description and dates in ISO 8601', () => {
    expect(story.publisher).toBe('The Morning Ledger');
    expect(story.section).toBe('Business');
    expect(story.lang).toBe('en-GB');
    expect(story.description).toMatch(/largest port operator/);
    expect(story.publishedTime).toBe('2025-03-18T07:45:00.000Z');
    expect(story.modifiedTime).toBe('2025-03-18T11:02:00.000Z');
  });

  it('resolves the canonical link and drops tracking parameters but keeps the rest', () => {
    expect(story.canonicalUrl).toBe(
      'https://ledger.example/business/2025/03/18/harbour-freight-coastline-takeover?id=7781',
    );
  });

  it('keeps the story text and leaves out navigation, ads, related stories, sharing, comments and footer', () => {
    expect(story.text).toMatch(/^Harbour Freight has agreed to buy its rival/);
    expect(story.text).toMatch(/complete in the second half of next year\.$/);
    expect(story.text.split('\n\n')).toHaveLength(6);
    for (const junk of [
      'Advertisement',
      'Related stories',
      'Port workers vote',
      'Share on social',
      'Reader42',
      '©',
      'Sport',
    ]) {
      expect(story.text).not.toContain(junk);
    }
  });
});

describe('extractStory on other conventions', () => {
  it('reads a Yoast-style @graph: author by reference, publisher, breadcrumb section, og:url', () => {
    const story = extractStory(loadFixture('jsonld-graph.html'), 'https://hillside-money.example/?p=12');
    expect(story.title).toBe('Why small lenders are racing to offer green mortgages');
    expect(story.byline).toBe('Dana Whitfield');
    expect(story.publisher).toBe('Hillside Money');
    expect(story.section).toBe('Personal finance');
    expect(story.publishedTime).toBe('2024-06-03T18:20:00.000Z');
    expect(story.canonicalUrl).toBe('https://hillside-money.example/2024/06/green-mortgages-small-lenders/');
  });

  it('survives broken JSON-LD and still reads the valid block', () => {
    const story = extractStory(loadFixture('jsonld-broken.html'), 'https://kreisbote.example/lokales/strom');
    expect(story.title).toBe('Stadtwerke senken die Strompreise zum Jahreswechsel');
    expect(story.byline).toBe('Jana Becker');
    expect(story.publishedTime).toBe('2024-12-02T05:00:00.000Z');
    expect(story.lang).toBe('de');
  });

  it('reads microdata: headline, author name, datetime, articleBody', () => {
    const story = extractStory(loadFixture('microdata-article.html'), 'https://quotidien.example/bourse/hausse');
    expect(story.title).toBe('La Bourse de Paris termine en hausse, portée par le luxe');
    expect(story.byline).toBe('Claire Dubois');
    expect(story.publisher).toBe('Le Quotidien Économique');
    expect(story.publishedTime).toBe('2024-10-08T15:45:00.000Z');
    expect(story.text.split('\n\n')).toHaveLength(3);
  });

  it('falls back to visible markup on a page without metadata', () => {
    const story = extractStory(loadFixture('no-metadata.html'), 'https://valley-weekly.example/news/bakery');
    expect(story.title).toBe('Local bakery chain opens its tenth shop');
    expect(story.byline).toBe("Sam O'Connell");
    expect(story.publishedTime?.slice(0, 10)).toBe('2024-03-12');
    expect(story.publisher).toBeNull();
    expect(story.text).toMatch(/^The family-run bakery chain/);
    expect(story.text).not.toContain('Advertise');
  });

  /** A story written as text and line breaks in one box, with a short promotion in the page's only <p>. */
  function linedStory(extraParagraphs = '') {
    const lines = [
      'Orbital Foods said on Monday it had agreed to buy the Harbour Bakery group for 40 million pounds in cash.',
      'The deal brings eleven bakeries in the north of the country into the group, which makes frozen meals.',
      'Kestrel Air, which flies the group’s goods abroad, said it expected more work from the enlarged company.',
      'The takeover still needs the approval of the competition regulator, which has until June to decide.',
    ];
    return pageFrom(
      `<html><body><h1>Orbital Foods buys Harbour Bakery</h1>
      <div class="app-promo"><p>Get the Ledger app for Android and iOS: the day's news on your phone, wherever you are.</p></div>
      <div class="story-text">${lines.join('<br><br>')}</div>${extraParagraphs}</body></html>`,
    );
  }

  it('reads a story written as lines of one box rather than as paragraphs', () => {
    const story = extractStory(linedStory(), 'https://ledger.example/news/orbital-harbour-bakery');
    expect(story.text).toMatch(/^Orbital Foods said on Monday/);
    expect(story.text).toContain('Kestrel Air, which flies');
    expect(story.text).not.toContain('Ledger app');
  });

  it('keeps a story of paragraphs when a box of lines beside it holds less text', () => {
    const paragraphs = Array.from(
      { length: 8 },
      (_, i) =>
        `<p>Paragraph ${i + 1} of the real story: Lumen Energy opened its battery plant on Tuesday, and the town council welcomed the eight hundred new jobs it brings.</p>`,
    ).join('');
    const story = extractStory(
      linedStory(`<article>${paragraphs}</article>`),
      'https://ledger.example/news/lumen-battery-plant',
    );
    expect(story.text).toMatch(/^Paragraph 1 of the real story/);
    expect(story.text).not.toContain('Harbour Bakery group');
  });

  it('reads a story whose wrapper says it takes comments, and still leaves the comments out', () => {
    const paragraph = (n: number) =>
      `<p>Paragraph ${n}: the tax agency will hire a thousand debt collectors, the finance minister said as he tabled the budget.</p>`;
    const comment =
      '<p>Reader comment: I do not believe a word of it, and neither will anyone who has ever waited on the phone for the agency.</p>';
    const page = pageFrom(
      `<html><body><div id="article" class="story comments-enabled"><h1>Tax agency to hire debt collectors</h1>
      <div class="article-body">${[1, 2, 3, 4, 5].map(paragraph).join('')}</div>
      <div class="comments">${comment}${comment}${comment}</div></div></body></html>`,
    );
    const story = extractStory(page, 'https://courier.example/news/tax-agency-debt-collectors');
    expect(story.text).toMatch(/^Paragraph 1: the tax agency/);
    expect(story.text).toContain('Paragraph 5');
    expect(story.text).not.toContain('Reader comment');
  });

  it('gives null fields, not guesses, when a page says nothing', () => {
    const story = extractStory(pageFrom('<html><body><p>Just a line.</p></body></html>'), 'https://example.com/x');
    expect(story).toMatchObject({
      title: '',
      byline: null,
      publisher: null,
      publishedTime: null,
      modifiedTime: null,
      lang: null,
      section: null,
      description: null,
      canonicalUrl: 'https://example.com/x',
    });
  });

  it('reads the author WordPress SEO plugins label for Twitter, and a Unix-style date meta', () => {
    const page = pageFrom(`<html><head>
      <meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ana Lima">
      <meta name="article:publicationdate" content="Fri Mar 13 21:30:09 EST 2015">
      </head><body><h1>A headline</h1></body></html>`);
    const story = extractStory(page, 'https://blog.example/a-headline');
    expect(story.byline).toBe('Ana Lima');
    expect(story.publishedTime).toBe('2015-03-14T02:30:09.000Z');
  });

  it('takes the site name from the title when the page declares none but the address confirms it', () => {
    const page = pageFrom(
      '<html><head><title>Oil prices rise on supply worries - Reuters</title></head><body></body></html>',
    );
    const story = extractStory(page, 'https://www.reuters.com/business/energy/oil-prices-rise-2024-05-12/');
    expect(story.publisher).toBe('Reuters');
    expect(story.title).toBe('Oil prices rise on supply worries');
    expect(extractStory(page, 'https://mirror.example/oil').publisher).toBeNull();
  });

  it('ignores a canonical link that points every page at the home page', () => {
    const page = pageFrom('<html><head><link rel="canonical" href="https://site.example/"></head><body></body></html>');
    expect(extractStory(page, 'https://site.example/news/story-one?utm_campaign=x').canonicalUrl).toBe(
      'https://site.example/news/story-one',
    );
  });
});

describe('odd documents', () => {
  it.each([
    ['an empty document', ''],
    ['a frameset', '<html><frameset><frame src="a.html"></frameset></html>'],
    ['only a head', '<html><head><title>T</title><meta property="og:type" content="article"></head></html>'],
    ['JSON-LD of the wrong shapes', '<script type="application/ld+json">[null, 1, "x", {"@graph": null}]</script>'],
  ])('%s never throws', (_name, html) => {
    const document = pageFrom(html);
    expect(() => detectArticle(document, 'https://example.com/a')).not.toThrow();
    expect(() => classifyBusiness(extractStory(document, 'https://example.com/a'))).not.toThrow();
  });

  it('an XML document (an SVG file opened in a tab) is not an article', () => {
    const svg = new DOMParser().parseFromString(
      '<svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>',
      'image/svg+xml',
    );
    expect(detectArticle(svg, 'https://example.com/logo.svg').isArticle).toBe(false);
    expect(extractStory(svg, 'https://example.com/logo.svg').text).toBe('');
  });
});
