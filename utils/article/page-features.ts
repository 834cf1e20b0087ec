/**
 * The page as the trained article detector sees it: a few dozen named numbers. Shared by the
 * extension (detect.ts scores them) and the training script (scripts/train-detector.ts fits the
 * weights), so a rebuilt model reads pages exactly as the shipped one does. Counts and lengths are log-scaled so that no page's size swamps the rest;
 * none of the numbers depends on the page's language.
 *
 *   address ─ what the publisher declares (declared.ts) ─ how much running text and where
 *   ─ text and link density ─ signs of a listing ─ headline, date and byline present
 */
import { findByline } from './byline';
import { declaredPublished, findDates, fromBelowHeadline } from './dates';
import type { Declared } from './declared';
import { findArticleNode } from './jsonld';
import { indexPage } from './page-index';
import { distinctDates, listingSigns, looksLikeListing, MAX_LIST_ITEMS, runningText } from './page-shape';
import { findProse } from './prose';
import { comparable } from './text';
import { measureText } from './text-density';

/** The detector's features, in the order the model's weights are read. */
export const FEATURE_NAMES = [
  'url:search',
  'url:docs',
  'url:listing',
  'url:date',
  'url:slug-words',
  'url:slug-chars',
  'url:number',
  'url:depth',
  'url:query',
  'url:archive',
  'og:article',
  'og:website',
  'meta:published',
  'meta:author',
  'meta:large-card',
  'meta:amp',
  'meta:section',
  'meta:date',
  'ld:news',
  'ld:article',
  'ld:listing',
  'microdata:article',
  'microdata:many',
  'h-entry',
  'prose:chars',
  'prose:paragraphs',
  'prose:densest-chars',
  'prose:densest-paragraphs',
  'prose:running',
  'prose:little',
  'prose:paragraph-length',
  'prose:story-box',
  'prose:lists',
  'text:chars',
  'text:longest-block',
  'text:in-paragraphs',
  'links',
  'inputs',
  'figures',
  'share-links',
  'listing:boxes',
  'listing:short-boxes',
  'listing:headline-links',
  'listing:commented',
  'listing',
  'dates:distinct',
  'dates:many',
  'date',
  'byline',
  'h1:none',
  'h1:many',
  'h1:title',
  'h1:dated',
  'title:chars',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface PageFeatures {
  values: Record<FeatureName, number>;
}

class Collector {
  readonly values = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as Record<FeatureName, number>;
  set(name: FeatureName, value: number): void {
    this.values[name] = value;
  }
  /** Sets the feature to 1 when `present` is true or a non-empty string (a declared value). */
  flag(name: FeatureName, present: unknown): void {
    if (present) this.values[name] = 1;
  }
}

/** Links that share the page on social networks or by e-mail: stories and posts have them. */
const SHARE_LINKS = [
  ...'facebook.com/sharer twitter.com/intent twitter.com/share x.com/intent linkedin.com/share reddit.com/submit api.whatsapp.com/send'
    .split(' ')
    .map((part) => `a[href*="${part}" i]`),
  'a[href^="whatsapp:" i]',
  'a[href^="mailto:?" i]',
].join(', ');
const STORY_BOX = /article|story|post|entry|news|blog|beitrag|artikel|nota|noticia/iu;

/** The running text sits in an <article>, an articleBody, or a box whose class or id names a story or post. */
function inStoryBox(root: Element | null): boolean {
  for (let el = root; el && el.tagName.toUpperCase() !== 'BODY'; el = el.parentElement) {
    if (el.tagName.toUpperCase() === 'ARTICLE' || /articlebody/iu.test(el.getAttribute('itemprop') ?? '')) return true;
    if (STORY_BOX.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) return true;
  }
  return false;
}

/**
 * Bulleted lists inside the running text's box: docs, service pages and help pages are written
 * in them, stories in paragraphs. Read from the page's list items, which are counted anyway.
 */
function listsInside(document: Document, root: Element | null): number {
  const lists = new Set<Element>();
  const items = document.getElementsByTagName('li');
  for (let i = 0; i < items.length && i < MAX_LIST_ITEMS; i++) {
    const list = items[i]?.parentElement;
    if (list?.tagName.toUpperCase() === 'UL' && root?.contains(list)) lists.add(list);
  }
  return lists.size;
}

function log(value: number, unit: number): number {
  return Math.log1p(Math.max(0, value) / unit);
}

function addressFeatures(f: Collector, url: string, declared: Declared): void {
  const kind = declared.urlKind;
  // The kinds the model weighs: the cheap checks stop the others (home, shop, forum...), and the
  // few video pages that declare an article and reach it taught it nothing. An article-like
  // address is left to the date, slug and number below, which say the same in more detail.
  if (kind === 'search' || kind === 'docs' || kind === 'listing') f.flag(`url:${kind}`, true);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  const path = parsed.pathname.toLowerCase();
  const segments = path.split('/').filter((s) => s.length > 0);
  const words = Math.max(0, ...segments.map((s) => s.split(/[-_+]/u).filter((w) => /\p{L}{2}/u.test(w)).length));
  f.flag('url:date', /(19|20)\d\d[/-]?(0[1-9]|1[0-2])([/-]?[0-3]\d)?(\D|$)/u.test(path));
  f.set('url:slug-words', Math.min(words, 10) / 5);
  // German, Dutch and Scandinavian slugs join their words: the slug's length says as much.
  const slug = Math.max(0, ...segments.map((s) => s.length));
  f.set('url:slug-chars', Math.min(slug, 80) / 40);
  f.flag('url:number', /\d{5,}/u.test(path + parsed.search));
  f.set('url:depth', Math.min(segments.length, 6) / 3);
  f.flag('url:query', parsed.search.length > 1);
  // "/2015/05/": a month's archive, where "/2015/05/story-slug" would be a story.
  f.flag('url:archive', /\/(19|20)\d\d(\/[01]?\d){0,2}\/?$/u.test(path));
}

const SECTION_META = ['article:section', 'article:tag', 'news_keywords', 'parsely-section', 'sailthru.tags'];

function declaredFeatures(f: Collector, d: Declared, document: Document): void {
  f.flag('meta:large-card', d.meta.first('twitter:card') === 'summary_large_image');
  f.flag('meta:amp', document.querySelector('link[rel~="amphtml" i]') !== null);
  f.flag(
    'meta:section',
    SECTION_META.some((key) => d.meta.first(key) !== null),
  );
  f.flag('og:article', d.ogType === 'article');
  f.flag('og:website', d.ogType === 'website');
  f.flag('meta:published', d.publishedMeta);
  f.flag('meta:author', d.authorMeta);
  f.flag('ld:news', d.ldNews);
  f.flag('ld:article', d.ldArticle !== null && !d.ldNews);
  f.flag('ld:listing', d.ldListing);
  f.flag('microdata:article', d.microdata > 0 && d.microdata < 4);
  f.flag('microdata:many', d.microdata >= 4);
  f.flag('h-entry', d.blogEntry);
}

function headlineFeatures(f: Collector, document: Document, d: Declared, headings: Element[]): void {
  const title = comparable(d.meta.first('og:title') ?? document.title ?? '');
  f.flag('h1:none', headings.length === 0);
  f.flag('h1:many', headings.length > 2);
  const matches = headings.some((h) => {
    const key = comparable(h.textContent ?? '');
    return key.length >= 8 && (title.includes(key) || (title.length >= 8 && key.includes(title)));
  });
  f.flag('h1:title', matches);
  f.set('title:chars', log(title.length, 20));
}

/** Every feature of the page; `declared` must have its markup read (`readMarkup`). */
export function pageFeatures(document: Document, url: string, declared: Declared): PageFeatures {
  const f = new Collector();
  addressFeatures(f, url, declared);
  declaredFeatures(f, declared, document);

  const prose = findProse(document);
  f.set('prose:chars', log(prose.chars, 200));
  f.set('prose:paragraphs', log(prose.paragraphs, 1));
  f.set('prose:densest-chars', log(prose.densest.chars, 200));
  f.set('prose:densest-paragraphs', log(prose.densest.paragraphs, 1));
  f.flag('prose:little', prose.chars < 400);
  f.set('prose:paragraph-length', prose.paragraphs > 0 ? log(prose.chars / prose.paragraphs, 100) : 0);
  f.flag('prose:story-box', inStoryBox(prose.root));

  const text = measureText(document);
  f.flag('prose:running', runningText(document, prose, text.longestBlock));
  f.set('text:chars', log(text.chars, 1000));
  f.set('text:longest-block', log(text.longestBlock, 200));
  f.set('text:in-paragraphs', text.chars > 0 ? Math.min(1, prose.chars / text.chars) : 0);
  const links = document.getElementsByTagName('a').length;
  f.set('links', log(links, 10));
  const count = (tag: string) => document.getElementsByTagName(tag).length;
  f.set('prose:lists', log(listsInside(document, prose.root), 1));
  const inputs = count('input') + count('select') + count('textarea');
  f.set('inputs', log(inputs, 1));
  f.set('figures', log(count('figcaption'), 1));
  const shares = document.querySelectorAll(SHARE_LINKS).length;
  f.set('share-links', log(shares, 1));

  const listing = listingSigns(document);
  f.set('listing:boxes', log(listing.boxes, 1));
  f.flag('listing:short-boxes', listing.boxes >= 5 && listing.longBoxes <= 1);
  f.set('listing:headline-links', log(listing.headlineLinks, 1));
  f.set('listing:commented', Math.min(listing.commented, 5) / 3);
  f.flag('listing', looksLikeListing(document, prose.densest.chars, listing));

  const index = indexPage(document);
  const dates = distinctDates(index);
  f.set('dates:distinct', log(dates, 1));
  f.flag('dates:many', dates >= 4);
  const nodes = declared.ldNodes;
  const article = findArticleNode(nodes);
  const lead = prose.firstParagraph ? (prose.firstParagraph.textContent ?? '').trim().slice(0, 80) : null;
  f.flag('meta:date', declaredPublished(declared.meta, article));
  f.flag('date', findDates(index, declared.meta, article, url, {}, lead).publishedTime);
  // "Von Jana Wendler | 3. März 2025": a byline written in the line below the headline.
  const below = index.headings.find((h) => !h.outsideStory)?.element.nextElementSibling?.textContent ?? null;
  f.flag('byline', findByline(index, declared.meta, article, nodes, null, { lead: below }));
  f.flag('h1:dated', fromBelowHeadline(index));
  const h1s = index.headings.filter((h) => !h.outsideStory).map((h) => h.element);
  headlineFeatures(f, document, declared, h1s);
  return { values: f.values };
}
