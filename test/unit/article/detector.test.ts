import { describe, expect, it } from 'vitest';
import { clearlyNotArticle, readDeclared, readMarkup } from '@/utils/article/declared';
import { detectArticle, detectorInput } from '@/utils/article/detect';
import { type DetectorModelData, readDetectorModel, scoreFeatures } from '@/utils/article/detector';
import { DETECTOR_MODEL } from '@/utils/article/detector-model';
import { FEATURE_NAMES, type FeatureName, type PageFeatures, pageFeatures } from '@/utils/article/page-features';
import { measureText } from '@/utils/article/text-density';
import { loadFixture, pageFrom } from './load';

describe('the trained detector recognises the stories rules used to miss', () => {
  it.each([
    ['short-story.html', 'https://circuitdesk.example/2025/04/02/ridewell-trims-delivery-fleet', 'a short story'],
    ['review.html', 'https://gearline.example/reviews/lumo-fold-2-review', 'a review whose og:type says website'],
    ['roundup.html', 'https://ledgerweekly.example/markets/five-things-that-moved-markets-week-8', 'a round-up'],
    [
      'press-release.html',
      'https://norbeck.example/newsroom/2025/05/norbeck-foods-opens-a-plant-in-ostrava',
      'a press release on a company newsroom',
    ],
    [
      'german-no-metadata.html',
      'https://elbtal-bote.example/lokales/stadtwerke-bauen-waermenetz-im-hafenviertel-aus',
      'a German story without metadata',
    ],
  ])('%s (%s) is an article', (file, url) => {
    const verdict = detectArticle(loadFixture(file), url);
    expect(verdict.isArticle, verdict.reasons.join('; ')).toBe(true);
  });

  it('does not take a firm’s page of long text for a story, though it declares og:type=article', () => {
    const verdict = detectArticle(loadFixture('about-company.html'), 'https://harlow-penn.example/our-approach');
    expect(verdict.isArticle, verdict.reasons.join('; ')).toBe(false);
  });

  it('gives its reasons, strongest first, with their weight', () => {
    const { reasons } = detectArticle(
      loadFixture('short-story.html'),
      'https://circuitdesk.example/2025/04/02/ridewell-trims-delivery-fleet',
    );
    expect(reasons.join('; ')).toMatch(/og:article \(\+\d/);
    const weights = reasons.map((r) => Math.abs(Number(/\(([+-][\d.]+)\)$/.exec(r)?.[1])));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });
});

describe('the cheap checks', () => {
  const declared = (html: string, url: string) => {
    const document = pageFrom(html);
    const d = readDeclared(document, url);
    readMarkup(document, d);
    return d;
  };

  it('stop a page at an address that is never a story, whatever it declares', () => {
    const html = '<html><head><meta property="og:type" content="article"></head><body><p>x</p></body></html>';
    expect(clearlyNotArticle(declared(html, 'https://shop.example/products/kettle-2'))).toMatch(/product/);
    expect(clearlyNotArticle(declared(html, 'https://news.example/'))).toMatch(/home/);
    // Negative control: the same page at a story's address goes on to the model.
    expect(clearlyNotArticle(declared(html, 'https://news.example/2025/05/06/kettle-recall-widened'))).toBeNull();
  });

  it('stop a search page that declares nothing, but not one that declares an article', () => {
    const bare = '<html><head></head><body><p>x</p></body></html>';
    const article = '<html><head><meta property="og:type" content="article"></head><body><p>x</p></body></html>';
    expect(clearlyNotArticle(declared(bare, 'https://news.example/search?q=kettle'))).toMatch(/search/);
    expect(clearlyNotArticle(declared(article, 'https://news.example/search?q=kettle'))).toBeNull();
  });

  it('take a page whose JSON-LD calls it one news article for an article, however short', () => {
    const page = (type: string, stories = 1) =>
      pageFrom(
        `<html><head><title>Samsung results</title><meta property="og:type" content="article">` +
          `<script type="application/ld+json">${JSON.stringify(
            Array.from({ length: stories }, (_, i) => ({ '@type': type, headline: `Samsung results ${i}` })),
          )}</script></head>` +
          '<body><article><h1>Samsung results</h1><p>Samsung beat forecasts; its shares rose.</p></article></body></html>',
      );
    const url = 'https://news.example/business/samsung-results';
    expect(detectArticle(page('NewsArticle'), url)).toMatchObject({
      isArticle: true,
      reasons: ['JSON-LD @type NewsArticle'],
    });
    expect(detectArticle(page('ReportageNewsArticle'), url).isArticle).toBe(true);
    // Negative controls: a plain Article, a list of news articles, a news article at a home
    // page's address: the model or the address decides, and a one-line page is not a story.
    expect(detectArticle(page('Article'), url).isArticle).toBe(false);
    expect(detectorInput(page('NewsArticle', 3), url).article).not.toBe(true);
    expect(detectArticle(page('NewsArticle'), 'https://news.example/').isArticle).toBe(false);
  });

  it('stop a fiction chapter that links to the next chapter', () => {
    const input = detectorInput(loadFixture('fiction-chapter.html'), 'https://quillshelf.example/works/5120?view=2');
    expect(input.stop).toMatch(/chapter/);
  });
});

describe('scoring the model', () => {
  const weightsOf = (named: Partial<Record<FeatureName, number>>) => FEATURE_NAMES.map((n) => named[n] ?? 0).join(' ');
  const index = (name: FeatureName) => FEATURE_NAMES.indexOf(name);
  const model: DetectorModelData = {
    bias: -1,
    scale: 100,
    threshold: 0.5,
    weights: weightsOf({ 'og:article': 200, listing: -300 }),
    stumps: '',
  };
  // og:article counts for less on a page with little running text (below 1 on prose:chars).
  const withStump: DetectorModelData = { ...model, stumps: `${index('prose:chars')}:1:-150:20` };

  function features(values: Partial<Record<FeatureName, number>>): PageFeatures {
    return { values: Object.fromEntries(FEATURE_NAMES.map((n) => [n, values[n] ?? 0])) as PageFeatures['values'] };
  }

  it('adds weight times value to the bias, less the threshold', () => {
    const read = readDetectorModel(model);
    expect([...read.weights.keys()]).toEqual(['og:article', 'listing']);
    expect(scoreFeatures(model, read, features({ 'og:article': 1 })).margin).toBeCloseTo(0.5);
    expect(scoreFeatures(model, read, features({ 'og:article': 1, listing: 1 })).margin).toBeCloseTo(-2.5);
  });

  it('adds each stump’s value for its side of the threshold', () => {
    const read = readDetectorModel(withStump);
    expect(read.stumps).toEqual([{ name: 'prose:chars', threshold: 1, below: -1.5, above: 0.2 }]);
    expect(scoreFeatures(withStump, read, features({ 'og:article': 1, 'prose:chars': 0.5 })).margin).toBeCloseTo(-1);
    // At the threshold the page is on the side above.
    expect(scoreFeatures(withStump, read, features({ 'og:article': 1, 'prose:chars': 1 })).margin).toBeCloseTo(0.7);
  });

  it('names what moved the score, strongest first, a feature’s weight and stumps together', () => {
    const score = scoreFeatures(model, readDetectorModel(model), features({ 'og:article': 1, listing: 1 }));
    expect(score.reasons).toEqual(['listing (-3.0)', 'og:article (+2.0)']);
    const stumped = scoreFeatures(withStump, readDetectorModel(withStump), features({ 'og:article': 1 }));
    expect(stumped.reasons).toEqual(['og:article (+2.0)', 'prose:chars (-1.5)']);
  });

  it('refuses a model written for another list of features, saying what to do', () => {
    expect(() => readDetectorModel({ ...model, weights: `${model.weights} 5` })).toThrow(/npm run train:detector/);
    expect(() => readDetectorModel({ ...model, weights: model.weights.replace(/^0/u, 'x') })).toThrow(
      /npm run train:detector/,
    );
    expect(() => readDetectorModel({ ...model, stumps: `${FEATURE_NAMES.length}:1:2:3` })).toThrow(
      /stump it cannot read .*npm run train:detector/,
    );
    expect(() => readDetectorModel({ ...model, stumps: '3:1:2' })).toThrow(/npm run train:detector/);
  });

  it('reads the shipped model: one weight for every feature, most of them in use, and its stumps', () => {
    const shipped = readDetectorModel(DETECTOR_MODEL);
    expect(shipped.weights.size).toBeGreaterThan(FEATURE_NAMES.length / 2);
    expect(shipped.stumps.length).toBeGreaterThan(5);
  });
});

describe('page features', () => {
  it('measure text whatever the markup: a story written with <br> is one long block, a list of links has none', () => {
    const story = pageFrom(
      `<body><div>${'A sentence of the story. '.repeat(30)}<br>${'More of it. '.repeat(20)}</div></body>`,
    );
    const links = pageFrom(`<body><ul>${'<li><a href="/x">A headline elsewhere</a></li>'.repeat(30)}</ul></body>`);
    expect(measureText(story).longestBlock).toBe(measureText(story).chars);
    expect(measureText(story).chars).toBeGreaterThan(700);
    expect(measureText(links).chars).toBeGreaterThan(500);
    expect(measureText(links).longestBlock).toBe(0);
  });

  it('tell a date archive address from a story address', () => {
    const page = pageFrom('<body><p>x</p></body>');
    const of = (url: string) => {
      const d = readDeclared(page, url);
      readMarkup(page, d);
      return pageFeatures(page, url, d).values;
    };
    expect(of('https://blog.example/2015/05/')['url:archive']).toBe(1);
    expect(of('https://blog.example/2015/05/why-we-moved-the-shop/')['url:archive']).toBe(0);
    expect(of('https://blog.example/2015/05/why-we-moved-the-shop/')['url:slug-words']).toBeGreaterThan(0.5);
  });

  it('count the bulleted lists inside the running text, not those of the menus around it', () => {
    const paragraph =
      '<p>The council met on Monday and agreed to rebuild the harbour wall before the winter storms.</p>';
    const list = '<ul><li>Opening hours and fees for the new service</li><li>Who to call</li></ul>';
    const url = 'https://harbour-news.example/council/harbour-wall-rebuilt';
    const of = (html: string) => {
      const page = pageFrom(html);
      const d = readDeclared(page, url);
      readMarkup(page, d);
      return pageFeatures(page, url, d).values['prose:lists'];
    };
    const menus = `<nav>${list}${list}</nav>`;
    expect(of(`<body>${menus}<main>${paragraph.repeat(6)}</main></body>`)).toBe(0);
    expect(of(`<body>${menus}<main>${(paragraph + list).repeat(3)}</main></body>`)).toBeCloseTo(Math.log1p(3));
  });

  it('find a byline and a date written below the headline in another language', () => {
    const url = 'https://elbtal-bote.example/lokales/stadtwerke-bauen-waermenetz-im-hafenviertel-aus';
    const page = loadFixture('german-no-metadata.html');
    const input = detectorInput(page, url);
    expect(input.features?.values.byline).toBe(1);
    expect(input.features?.values['h1:dated']).toBe(1);
  });
});
