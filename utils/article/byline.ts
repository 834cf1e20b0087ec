/**
 * Who wrote the story, as names only, several authors joined with ", ". Every source a page may
 * use is read, most deliberate first: JSON-LD `author`, microdata `itemprop="author"`, author
 * meta tags, `rel="author"` links, a visible byline element, a "By ..." line near the date, the
 * story's own opening line, a signature closing it, and (on a page whose metadata credits only
 * the publisher) a line of names atop it. People come before organisations: the first source that names a
 * person gives the byline, and a later source that names the same people more fully ("Travis
 * Haney" for "Travis", "John Q. Smith" for "John Smith", three authors for one) completes it.
 * Only when no source names a person does the byline credit a news agency, a desk, or the
 * publisher itself.
 */
import { closingLineNames, creditKind, namesIn, openingLineNames, writtenAsName } from './byline-names';
import { asNodes, type JsonLdNode, resolveRef, textOf, typesOf } from './jsonld';
import type { PageMeta } from './meta';
import type { IndexedElement, PageIndex } from './page-index';
import type { SiteMatcher } from './site-name';
import { collapseSpace, comparable, looksLikeUrl } from './text';

export { namesIn } from './byline-names';

const AUTHOR_META = [
  'author',
  'article:author',
  'og:article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'dcterms.creator',
  'byl',
  'articleauthor',
];
const MAX_AUTHORS = 6;
const MAX_BYLINE_CHARS = 200;
/** Sources from this one on are read from the page's text rather than declared. */
const VISIBLE_SOURCES = 3;
/** Sources up to the visible byline element may complete the names an earlier one gave. */
const COMPLETING_SOURCES = 5;
const ORGANISATION_TYPE = /Organization|Organisation|NewsMediaOrganization|Corporation/u;
/** Block elements and line breaks end a line of a byline; inline elements are part of it. */
const LINE_BREAKING = /^(BR|DIV|P|LI|UL|OL|DL|DT|DD|SECTION|HEADER|FOOTER|ASIDE|FIGURE|TABLE|TR|TD|H[1-6])$/u;
const BY_LINE = /^\s*(?:(?:written|posted|reported)\s+)?(?:by|von|par|por|door)\s+\p{Lu}/iu;

function joinNames(names: readonly string[]): string | null {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const name of names) {
    const key = comparable(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
    if (kept.length === MAX_AUTHORS) break;
  }
  return kept.length > 0 ? kept.join(', ') : null;
}

/**
 * An element's text as a reader sees its lines: "<span>By</span><a>Travis Haney</a>" is one
 * line "By Travis Haney", and a desk or date in a block of its own is a line of its own.
 */
function bylineText(element: Element): string {
  const out: string[] = [];
  // Nodes still to read, last first; a string marks where an element ends.
  const stack: Array<Node | string> = [];
  for (let child = element.lastChild; child; child = child.previousSibling) stack.push(child);
  while (stack.length > 0) {
    const item = stack.pop() as Node | string;
    if (typeof item === 'string') out.push(item);
    else if (item.nodeType === 3) out.push(item.nodeValue ?? '');
    else if (item.nodeType === 1) {
      const tag = (item as Element).tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE') continue;
      const boundary = LINE_BREAKING.test(tag) ? '\n' : ' ';
      out.push(boundary);
      stack.push(boundary);
      for (let child = item.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  return out.join('').replace(/[ \t\u00a0]+/gu, ' ');
}

function personName(node: JsonLdNode): string | null {
  const given = textOf(node.givenName);
  const family = textOf(node.familyName);
  return textOf(node.name) ?? (given || family ? collapseSpace(`${given ?? ''} ${family ?? ''}`) : null);
}

/** The article's JSON-LD authors in order: people's names cleaned, organisations' names as given. */
function fromJsonLd(article: JsonLdNode | null, nodes: readonly JsonLdNode[]): string[] {
  const credits: string[] = [];
  const raw = article?.author ?? article?.creator;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  for (const item of list) {
    if (typeof item === 'string') {
      if (!looksLikeUrl(item)) credits.push(...namesIn(item));
      continue;
    }
    for (const node of asNodes(resolveRef(item, nodes))) {
      const name = personName(node);
      if (!name || looksLikeUrl(name)) continue;
      if (typesOf(node).some((t) => ORGANISATION_TYPE.test(t))) credits.push(collapseSpace(name));
      else credits.push(...namesIn(name));
    }
  }
  return credits;
}

/** The authors of the page's first microdata item that has any (later items are other stories). */
function fromMicrodata(index: PageIndex): string[] {
  const names: string[] = [];
  let item: Element | null | undefined;
  for (const { element: author, outsideStory } of (index.itemprops.get('author') ?? []).slice(0, MAX_AUTHORS)) {
    if (outsideStory) continue;
    // Without an item around them, authors listed together share a parent; others are other stories'.
    const owner = author.parentElement?.closest('[itemscope]') ?? author.parentElement;
    if (item === undefined) item = owner;
    else if (owner !== item) continue;
    const named = author.querySelector('[itemprop~="name"]') ?? author;
    // What the page shows first: a "content" attribute sometimes names the publisher instead.
    const shown = firstLineNames(bylineText(named));
    const declared = named.getAttribute('content') ?? '';
    names.push(...(shown.length > 0 || looksLikeUrl(declared) ? shown : namesIn(declared)));
  }
  return names;
}

function fromMeta(meta: PageMeta): string[] {
  // WordPress SEO plugins label it for Slack and Twitter: twitter:label1 "Written by".
  const labelled = /written by|author|verfasst|auteur|autor/iu.test(meta.first('twitter:label1') ?? '')
    ? namesIn(meta.first('twitter:data1') ?? '')
    : [];
  if (labelled.length > 0) return labelled;
  for (const key of AUTHOR_META) {
    const names = meta
      .all(key)
      .filter((v) => !looksLikeUrl(v) && !/^\d+$/u.test(v))
      .flatMap(namesIn);
    if (names.length > 0) return names;
  }
  return [];
}

/**
 * An element that is nothing but a link to a site's front page: a menu entry such as a
 * "Bylines" section named by its class, never an author, whose page has a path of its own.
 */
function isLinkToFrontPage(element: Element, text: string): boolean {
  const link = element.tagName.toUpperCase() === 'A' ? element : element.getElementsByTagName('a')[0];
  const href = link?.getAttribute('href');
  if (!link || !href || collapseSpace(link.textContent ?? '') !== collapseSpace(text)) return false;
  try {
    return new URL(href, 'https://page.invalid/story').pathname.replace(/\/(index\.\w+)?$/u, '') === '';
  } catch {
    return false;
  }
}

function fromElements(candidates: readonly IndexedElement[], mustStartWithBy = false): string[] {
  for (const { element, outsideStory } of candidates) {
    // The browser's own text first: most candidates are far too long to be a byline.
    if (outsideStory || (element.textContent ?? '').length > 2 * MAX_BYLINE_CHARS) continue;
    const text = bylineText(element);
    if (collapseSpace(text).length > MAX_BYLINE_CHARS || (mustStartWithBy && !BY_LINE.test(text))) continue;
    const names = firstLineNames(text);
    if (names.length > 0 && !isLinkToFrontPage(element, text)) return names;
  }
  return [];
}

/**
 * Names on the first line of an element's text that names anyone: the lines after it are
 * desks, dates and share buttons. An element whose text is mostly something else (an author's
 * other headlines in a "follow" box) names no author of this story.
 */
function firstLineNames(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const total = lines.reduce((sum, l) => sum + l.length, 0);
  for (const line of lines) {
    const names = line ? namesIn(line) : [];
    if (names.length > 0) return total > 1.5 * line.length + 20 ? [] : names;
  }
  return [];
}

/** The story's own opening line, when it is a byline: "Posted by Andrew Hayden, Software Engineer". */
function fromOpeningLine(lead: string | null): string[] {
  const line = lead?.split('\n', 1)[0] ?? '';
  return line.length <= MAX_BYLINE_CHARS && BY_LINE.test(line) ? namesIn(line) : [];
}

function tokens(names: readonly string[]): string[] {
  return names
    .flatMap((n) => n.split(/[\s.]+/u))
    .map(comparable)
    .filter((t) => t.length > 0);
}

/** `fuller` names everyone `names` does, and more of them or more of their names. */
function completes(fuller: readonly string[], names: readonly string[]): boolean {
  const have = tokens(fuller);
  const want = tokens(names);
  return have.length > want.length && want.every((t) => have.includes(t)) && fuller.every(writtenAsName);
}

export function findByline(
  index: PageIndex,
  meta: PageMeta,
  article: JsonLdNode | null,
  nodes: readonly JsonLdNode[],
  siteName: string | null,
  /** Whether a text names this site, and the start and the end of the story's text. */
  context: { isSite?: SiteMatcher; lead?: string | null; tail?: string | null } = {},
): string | null {
  const site = comparable(siteName ?? '');
  const keys = new Map<string, string>();
  const key = (name: string) => {
    let k = keys.get(name);
    if (k === undefined) {
      k = comparable(name);
      keys.set(name, k);
    }
    return k;
  };
  const isSite = (name: string) => key(name) === site || context.isSite?.(name) === true;
  // Read in order, each once; the last ones only when no one is named before them.
  const readers = [
    () => fromJsonLd(article, nodes),
    () => fromMicrodata(index),
    () => fromMeta(meta),
    () => fromElements(index.authorLinks),
    () => fromElements(index.bylines),
    () => fromElements(index.dates, true),
    () => fromOpeningLine(context.lead ?? null),
    () => closingLineNames(context.tail ?? null),
    () => (read.slice(0, VISIBLE_SOURCES).flat().some(isSite) ? openingLineNames(context.lead ?? null) : []),
  ];
  const read: string[][] = [];
  const source = (i: number): string[] => {
    read[i] ??= (readers[i] as () => string[])();
    return read[i] as string[];
  };
  // Declared names (JSON-LD, microdata, meta) may be handles such as "programmerguru"; text
  // read from the page must look like a name.
  const isPerson = (name: string, source: number) =>
    creditKind(name) === 'person' &&
    (source < VISIBLE_SOURCES || writtenAsName(name)) &&
    key(name) !== site &&
    (source === 0 || !isSite(name));
  // Wire agencies credited are authors too ("Paula Steiger, SDA"), unless they publish the site.
  const agencies = () => read.flat().filter((n) => creditKind(n) === 'agency' && !isSite(n));
  const first = readers.findIndex((_, i) => source(i).some((n) => isPerson(n, i)));
  if (first >= 0) {
    // The people of the first source that names any, completed by the page's visible author
    // links or byline when they name them more fully.
    let best = source(first).filter((n) => isPerson(n, first));
    for (let i = Math.max(first, VISIBLE_SOURCES); i < COMPLETING_SOURCES; i++) {
      const people = source(i).filter((n) => isPerson(n, i));
      if (completes(people, best)) best = people;
    }
    return joinNames([...best, ...agencies()]);
  }
  // Nobody named: the agencies, else the first source that credits a desk or the publisher
  // itself ("BBC News", "Mac & i").
  // Declared credits are taken as written ("Mac & i"); text read from the page must look like a name.
  const acceptable = (name: string, source: number) => source < VISIBLE_SOURCES || isCredit(name);
  const from = read.findIndex((names, i) => names.some((n) => acceptable(n, i)));
  const credits = [...(read[from]?.filter((n) => acceptable(n, from)) ?? []), ...agencies()];
  // The publisher is the byline only when nothing else is credited.
  const others = credits.filter((n) => !isSite(n));
  return joinNames(others.length > 0 ? others : credits);
}

/** A desk's, an agency's or a publication's name: written as a name ("mbl.is" too), and short. */
function isCredit(name: string): boolean {
  return (writtenAsName(name) || /\.[a-z]{2,}$/u.test(name)) && name.split(' ').length <= 5;
}
