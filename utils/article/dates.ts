/**
 * When a story was published and last modified, from the most deliberate source to the least:
 * JSON-LD `datePublished`, then meta tags (`article:published_time` and the many names sites
 * use for it), then `itemprop` and `<time datetime>` markup, then a date written near the
 * byline, then a date in the address.
 */

import { type DateParseOptions, parseDate } from './date-parse';
import type { JsonLdNode } from './jsonld';
import { textOf } from './jsonld';
import type { PageMeta } from './meta';
import type { IndexedElement, PageIndex } from './page-index';
import { shortTextOf } from './text';

const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'published_time',
  'og:published_time',
  'datepublished',
  'datecreated',
  'pubdate',
  'publishdate',
  'publish_date',
  'publish-date',
  'published-date',
  'date_published',
  'article.published',
  'article_date_original',
  'article:publicationdate',
  'publication_date',
  'publicationdate',
  'pub_date',
  'og:pubdate',
  'release_date',
  'original-publish-date',
  'sailthru.date',
  'parsely-pub-date',
  'cxenseparse:recs:publishtime',
  'rnews:datepublished',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.issued',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'citation_publication_date',
  'citation_date',
  'displaydate',
  'date',
];

const MODIFIED_META = [
  'article:modified_time',
  'og:article:modified_time',
  'article:modified',
  'modified_time',
  'og:updated_time',
  'datemodified',
  'lastmod',
  'last-modified',
  'dcterms.modified',
  'dc.date.modified',
  'sailthru.lastmodified',
];

const UPDATE_WORDS = /updat|modifi|aktualisiert|mis à jour|actualizado|atualizado|aggiornato/iu;
const MAX_VISIBLE_CANDIDATES = 60;

export interface StoryDates {
  publishedTime: string | null;
  modifiedTime: string | null;
}

function firstParsed(values: Iterable<string | null | undefined>, options: DateParseOptions): string | null {
  for (const value of values) {
    if (!value) continue;
    const iso = parseDate(value, options);
    if (iso) return iso;
  }
  return null;
}

function markupValue(element: Element): string | null {
  return element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.textContent;
}

function fromItemprop(index: PageIndex, prop: string, options: DateParseOptions): string | null {
  const elements = (index.itemprops.get(prop) ?? []).filter((e) => e.element.tagName.toUpperCase() !== 'META');
  return firstParsed(
    elements.map((e) => markupValue(e.element)),
    options,
  );
}

function contextName(element: Element): string {
  const parent = element.parentElement;
  return `${element.getAttribute('class') ?? ''} ${element.id} ${parent?.getAttribute('class') ?? ''} ${parent?.id ?? ''}`;
}

function fromTimeElements(index: PageIndex, options: DateParseOptions): string | null {
  const usable = index.times.filter((t) => !t.outsideStory).map((t) => t.element);
  const marked = usable.filter((t) => t.hasAttribute('pubdate') || /publish|posted|created/iu.test(contextName(t)));
  const unmarked = usable.filter((t) => !UPDATE_WORDS.test(contextName(t)));
  return firstParsed(
    [...marked, ...unmarked].map((t) => t.getAttribute('datetime') ?? t.textContent),
    options,
  );
}

function fromVisibleText(candidates: readonly IndexedElement[], options: DateParseOptions): string | null {
  let updated: string | null = null;
  for (const { element, outsideStory } of candidates.slice(0, MAX_VISIBLE_CANDIDATES)) {
    if (outsideStory) continue;
    const text = element.textContent ?? '';
    if (text.length > 200 || text.length < 6) continue;
    const iso = parseDate(text, options);
    if (!iso) continue;
    if (!UPDATE_WORDS.test(text)) return iso;
    updated ??= iso;
  }
  return updated;
}

/** Lines read after the headline, and after the box holding it. */
const LINES_BELOW_HEADLINE = 5;
const LINE_MAX = 300;
/** Elements that flow within a line; any other element, and `<br>`, ends one. */
const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'CITE', 'EM', 'FONT', 'I', 'LABEL', 'SMALL', 'SPAN', 'STRONG', 'TIME']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The lines of text that follow `start` in its parent, text outside any element included
 * ("Main Category: Cancer<br>Article Date: 07 Jun 2013"), at most `max` of them.
 */
function linesAfter(start: Element, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    if (line.trim()) lines.push(line);
    line = '';
  };
  for (let node = start.nextSibling; node && lines.length < max; node = node.nextSibling) {
    const element = node.nodeType === ELEMENT_NODE ? (node as Element) : null;
    if (!element && node.nodeType !== TEXT_NODE) continue;
    const tag = element?.tagName.toUpperCase();
    const block = tag !== undefined && !INLINE_TAGS.has(tag);
    if (block) endLine();
    const text = element ? (tag === 'BR' ? '' : shortTextOf(element, LINE_MAX)) : (node as Text).data;
    // A line too long to be a date line: the story has begun, and what follows is no longer below the headline.
    if (text === null || line.length + text.length > LINE_MAX) return lines;
    line += text;
    if (block) endLine();
  }
  endLine();
  return lines.slice(0, max);
}

/** "Posted by X on 2019-02-15" or "Article Date: 07 Jun 2013" in the lines right after the headline. */
export function fromBelowHeadline(index: PageIndex, options: DateParseOptions = {}): string | null {
  const heading = (index.headings.find((h) => !h.outsideStory) ?? index.subheadings.find((h) => !h.outsideStory))
    ?.element;
  if (!heading) return null;
  const texts: string[] = [];
  for (const start of [heading, heading.parentElement]) {
    if (start) texts.push(...linesAfter(start, LINES_BELOW_HEADLINE));
  }
  // "Last updated on Sep 21, 2017" says when it changed, not when it was published.
  return firstParsed(
    texts.filter((t) => !UPDATE_WORDS.test(t)),
    options,
  );
}

/** A dateline opening the story: "Feb. 23, 2015 -- Life-threatening peanut allergies...". */
function fromDateline(lead: string | null, options: DateParseOptions): string | null {
  const opening = lead?.slice(0, 60) ?? '';
  const m = /^(.{6,40}?)\s*(?:--|—|–|-|:)\s/u.exec(opening);
  return m?.[1] ? parseDate(m[1], options) : null;
}

/** "/2017/03/09/", "/2017-03-09-", or a run of exactly eight digits such as "?a=20170309-350978". */
const URL_DATE = /\/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)/u;
const URL_COMPACT_DATE = /(?:^|[^\d])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[^\d]|$)/u;

function fromUrl(url: string): string | null {
  let address: string;
  try {
    const parsed = new URL(url);
    address = parsed.pathname + parsed.search;
  } catch {
    return null;
  }
  const m = URL_DATE.exec(address) ?? URL_COMPACT_DATE.exec(address);
  if (!m) return null;
  return parseDate(`${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`);
}

/** The publication time the publisher declares in JSON-LD or meta tags, or null. */
export function declaredPublished(
  meta: PageMeta,
  article: JsonLdNode | null,
  options: DateParseOptions = {},
): string | null {
  return (
    firstParsed([textOf(article?.datePublished), textOf(article?.dateCreated)], options) ??
    firstParsed(
      PUBLISHED_META.map((key) => meta.first(key)),
      options,
    )
  );
}

export function findDates(
  index: PageIndex,
  meta: PageMeta,
  article: JsonLdNode | null,
  url: string,
  options: DateParseOptions = {},
  /** The story's first words, for a dateline. */
  lead: string | null = null,
): StoryDates {
  const publishedTime =
    declaredPublished(meta, article, options) ??
    fromItemprop(index, 'datepublished', options) ??
    fromTimeElements(index, options) ??
    fromVisibleText(index.dates, options) ??
    fromBelowHeadline(index, options) ??
    fromDateline(lead, options) ??
    fromUrl(url);
  const modifiedTime =
    firstParsed([textOf(article?.dateModified)], options) ??
    firstParsed(
      MODIFIED_META.map((key) => meta.first(key)),
      options,
    ) ??
    fromItemprop(index, 'datemodified', options);
  return { publishedTime, modifiedTime };
}
