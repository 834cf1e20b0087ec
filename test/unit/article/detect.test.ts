import { describe, expect, it, vi } from 'vitest';
import { detectArticle } from '@/utils/article/detect';
import { loadFixture, pageFrom } from './load';

describe('detectArticle on articles', () => {
  it.each([
    [
      'news-jsonld.html',
      'https://ledger.example/business/2025/03/18/harbour-freight-coastline-takeover',
      /NewsArticle/,
    ],
    ['jsonld-graph.html', 'https://hillside-money.example/2024/06/green-mortgages-small-lenders/', /ld:(news|article)/],
    ['jsonld-broken.html', 'https://kreisbote.example/lokales/stadtwerke-senken-strompreise-2024', /NewsArticle/],
    ['microdata-article.html', 'https://quotidien.example/bourse/paris-termine-en-hausse-luxe', /microdata/],
    ['no-metadata.html', 'https://valley-weekly.example/news/bakery-tenth-shop', /prose:/],
  ])('%s is an article, with the reason', (file, url, reason) => {
    const verdict = detectArticle(loadFixture(file), url);
    expect(verdict.isArticle).toBe(true);
    expect(verdict.reasons.join('; ')).toMatch(reason);
    expect(verdict.confidence).toBeGreaterThan(0.5);
  });
});

describe('detectArticle on pages that are not articles', () => {
  it.each([
    ['section-front.html', 'https://ledger.example/business/'],
    ['tag-page.html', 'https://hillside-money.example/tag/electric-vehicles/'],
    ['product-page.html', 'https://ridge-outfitters.example/products/trailhead-40'],
    ['forum.html', 'https://garage-talk.example/viewtopic.php?t=4411'],
    ['docs-page.html', 'https://quarry.example/docs/3.2/cache.html'],
    ['home-page.html', 'https://ledger.example/'],
  ])('%s is not an article', (file, url) => {
    expect(detectArticle(loadFixture(file), url).isArticle).toBe(false);
  });

  it('rejects a post on a social network, though it declares og:type=article: the same page at a story address is one', () => {
    const page = () => loadFixture('short-story.html');
    const post = detectArticle(page(), 'https://social.example/circuitdesk/status/1775000000000000000');
    expect(post.isArticle).toBe(false);
    expect(post.reasons).toEqual(['address looks like a post on a social network']);
    expect(
      detectArticle(page(), 'https://circuitdesk.example/2025/04/02/ridewell-trims-delivery-fleet').isArticle,
    ).toBe(true);
  });

  it('rejects a section front that declares og:type=article, because it lists many headlines', () => {
    const verdict = detectArticle(loadFixture('section-front.html'), 'https://ledger.example/markets-today');
    expect(verdict.isArticle).toBe(false);
    expect(verdict.reasons.join('; ')).toMatch(/og:article/);
    expect(verdict.reasons.join('; ')).toMatch(/listing:(short-boxes|headline-links)/);
  });

  it('rejects the tag page and the product page on what the publisher declares, even at a neutral address', () => {
    expect(detectArticle(loadFixture('tag-page.html'), 'https://x.example/electric-vehicles').reasons.join()).toMatch(
      /CollectionPage/,
    );
    expect(detectArticle(loadFixture('product-page.html'), 'https://x.example/trailhead-40').isArticle).toBe(false);
  });

  it('bails out on a home page after the cheap checks, without reading paragraphs', () => {
    const document = loadFixture('home-page.html');
    const byTag = vi.spyOn(document, 'getElementsByTagName');
    const query = vi.spyOn(document, 'querySelectorAll');
    expect(detectArticle(document, 'https://ledger.example/').isArticle).toBe(false);
    expect(byTag.mock.calls.map((c) => c[0])).not.toContain('p');
    expect(query).not.toHaveBeenCalled();
  });

  it('does reach the prose check when the cheap checks are undecided (negative control for the bail-out)', () => {
    const document = loadFixture('no-metadata.html');
    const byTag = vi.spyOn(document, 'getElementsByTagName');
    detectArticle(document, 'https://valley-weekly.example/news/bakery-tenth-shop');
    expect(byTag.mock.calls.map((c) => c[0])).toContain('p');
  });

  it('does not parse JSON-LD blocks that name no relevant type', () => {
    const document = pageFrom(
      `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'WebSite', name: 'x'.repeat(5000) })}</script></head><body></body></html>`,
    );
    const parse = vi.spyOn(JSON, 'parse');
    detectArticle(document, 'https://example.com/');
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('a bare page with a heading and one short paragraph is not an article', () => {
    const document = pageFrom('<html><body><h1>Welcome</h1><p>Sign in to continue.</p></body></html>');
    expect(detectArticle(document, 'https://app.example/welcome').isArticle).toBe(false);
  });
});
