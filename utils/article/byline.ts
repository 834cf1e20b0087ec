/**
 * Who wrote the story, as names only: "By", roles, dates, e-mail addresses and handles are
 * removed, several authors are joined with ", ". Sources, most deliberate first: JSON-LD
 * `author` (people before organisations), microdata `itemprop="author"`, author meta tags,
 * `rel="author"` links, then a visible byline element.
 */
import { asNodes, type JsonLdNode, resolveRef, textOf, typesOf } from './jsonld';
import type { PageMeta } from './meta';
import type { IndexedElement, PageIndex } from './page-index';
import type { SiteMatcher } from './site-name';
import { collapseSpace, comparable, looksLikeUrl } from './text';

const AUTHOR_META = [
  'author',
  'article:author',
  'og:article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'dcterms.creator',
  'byl',
];
const MAX_NAME_WORDS = 5;
const MAX_AUTHORS = 6;

const LEADING_BY =
  /^(?:(?:written|posted|reported|words|text|story|photos?|published|created)\s+)?(?:by|von|par|por|door|av|af|przez|ved|tekst|texto|texte|autor(?:in)?|author|auteur|redacción|reporter|文|记者|作者)\s*[:：]?\s+/iu;
/** Italian, Spanish and Portuguese "by" are lower case; "De Niro" and "Da Silva" are names. */
const LEADING_LOWER_BY = /^(?:di|da|de)\s+(?=\p{Lu})/u;
const ROLE =
  /\b(staff|senior|chief|contributing|special|guest|deputy|associate|executive|managing)?\s*(writer|reporter|correspondent|editor|columnist|contributor|journalist|analyst|producer|redakteur(in)?|rédacteur|journaliste|periodista)s?\b.*$/iu;
// Lower-case words only: "Marine Le Pen" keeps its "Le", "on 5 May" is cut.
/** ", Business reporters", ", Senior Tech Correspondent" after the names. */
const ROLE_AFTER_COMMA =
  /,\s*(?:[\p{L}-]+\s+){0,2}(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|analyst|producer)s?\b.*$/iu;
/** A second credit ends the authors: "Written by A Edited by B", "By A Photos by B". */
const OTHER_CREDIT =
  /\s(?:edited|photos?|photographs?|illustrations?|illustrated|graphics|video|translated|reviewed|fact[- ]checked|additional reporting)\s+by\b.*$/iu;
/** A user name ("CC7567", "jdoe_99"), not a person's name. */
const HANDLE = /^[\p{L}_.]*\p{L}[_.]?\d{2,}$/u;
const CUT_AT =
  /\s(?:[Uu]pdated|UPDATED|[Pp]ublished|PUBLISHED|[Pp]osted|[Ll]ast\s+[Uu]pdated|on|am|le|el|il|um|at)\s.*$|\s*[|•·–—]\s.*$|\s+-\s.*$|\d.*$|\s*\b(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec)[a-z]*\.?\s+\d.*$/u;
const JOINER = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bog\b|\boch\b|、|和)\s*/iu;
/** Words of a job title or an organisation: a comma segment holding one ends the names. */
const TITLE_WORD =
  /^(senior|staff|chief|deputy|associate|executive|managing|contributing|special|technologist|director|professor|fellow|president|officer|manager|counsel|attorney|founder|ceo|cto|cfo|head|lead|member|expert|specialist|strategist|scientist|researcher|engineer|designer|developer|intern|host|anchor|presenter|writer|reporter|correspondent|editor|columnist|contributor|journalist|analyst|producer|project|inc|llc|ltd|university|institute|center|centre|department|desk|bureau|team|foreign|agency|press)$/iu;
const WEEKDAY = /\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b.*$/iu;
const NOT_A_NAME =
  /^(follow|share|more|staff|admin|administrator|editor|editors|anonymous|unknown|guest|reader|team|news|the|contributors?|view|all|posts?|articles?|about|profile|email|twitter|facebook)$/iu;

/** Names in one raw byline string, cleaned; empty when it holds no plausible name. */
export function namesIn(raw: string): string[] {
  let text = collapseSpace(raw)
    .replace(/\S+@\S+\.\S+/gu, ' ')
    .replace(/https?:\/\/[^\s)]+|www\.[^\s)]+/gu, ' ')
    .replace(/\(\s*\)|\[\s*\]/gu, ' ')
    .replace(/@\w+/gu, ' ');
  text = collapseSpace(text).replace(LEADING_BY, '').replace(LEADING_LOWER_BY, '');
  if (HANDLE.test(text)) return [];
  text = text.replace(OTHER_CREDIT, '').replace(ROLE_AFTER_COMMA, '').replace(CUT_AT, '').replace(WEEKDAY, '');
  text = text.replace(ROLE, '');
  const names: string[] = [];
  for (const part of splitNames(text)) {
    // "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU ...": the title ends the names.
    if (part.split(/\s+/u).some((w) => TITLE_WORD.test(w.replace(/[.,]/gu, '')))) break;
    // A user name such as "CC7567" is not a byline.
    if (/\p{L}\d/u.test(part)) continue;
    const name = collapseSpace(part.replace(/^[\s,:;.\-–—|]+|[\s,:;\-–—|]+$/gu, '')).replace(LEADING_BY, '');
    if (!name || name.length < 2) continue;
    const words = name.split(' ');
    if (words.length > MAX_NAME_WORDS) continue;
    if (words.every((w) => NOT_A_NAME.test(w))) continue;
    if (!/\p{L}/u.test(name)) continue;
    names.push(name);
  }
  return names;
}

/**
 * Splits "A, B and C" into names. An ampersand joins two names only when both sides are
 * names: "Mac & i" and "AT&T" are one name each.
 */
function splitNames(text: string): string[] {
  const parts = text.split(JOINER);
  if (parts.length > 1 && /&/u.test(text) && parts.some((p) => p.replace(/[^\p{L}]/gu, '').length < 2)) {
    return text.split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|、|和)\s*/iu);
  }
  return parts;
}

/** `siteName`, when given, is dropped: a meta author naming the site is not a byline. */
function joinNames(names: string[], siteName: string | null = null): string | null {
  const seen = new Set<string>();
  const kept: string[] = [];
  const site = siteName ? comparable(siteName) : '';
  for (const name of names) {
    const key = comparable(name);
    if (!key || seen.has(key) || key === site) continue;
    seen.add(key);
    kept.push(name);
    if (kept.length === MAX_AUTHORS) break;
  }
  return kept.length > 0 ? kept.join(', ') : null;
}

function fromJsonLd(article: JsonLdNode | null, nodes: readonly JsonLdNode[]): { people: string[]; orgs: string[] } {
  const people: string[] = [];
  const orgs: string[] = [];
  if (!article) return { people, orgs };
  const raw = article.author ?? article.creator;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  for (const item of list) {
    if (typeof item === 'string') {
      if (!looksLikeUrl(item)) people.push(...namesIn(item));
      continue;
    }
    for (const node of asNodes(resolveRef(item, nodes))) {
      const name = textOf(node.name);
      if (!name || looksLikeUrl(name)) continue;
      const isOrg = typesOf(node).some((t) => /Organization|Organisation|NewsMediaOrganization|Corporation/u.test(t));
      (isOrg ? orgs : people).push(...(isOrg ? [collapseSpace(name)] : namesIn(name)));
    }
  }
  return { people, orgs };
}

function fromMicrodata(index: PageIndex): string[] {
  const names: string[] = [];
  for (const { element: author, outsideStory } of (index.itemprops.get('author') ?? []).slice(0, MAX_AUTHORS)) {
    if (outsideStory) continue;
    const named = author.querySelector('[itemprop~="name"]') ?? author;
    const value = named.getAttribute('content') ?? named.textContent ?? '';
    if (!looksLikeUrl(value)) names.push(...namesIn(value));
  }
  return names;
}

function fromMeta(meta: PageMeta): string[] {
  // WordPress SEO plugins label it for Slack and Twitter: twitter:label1 "Written by".
  if (/written by|author|verfasst|auteur|autor/iu.test(meta.first('twitter:label1') ?? '')) {
    const names = namesIn(meta.first('twitter:data1') ?? '');
    if (names.length > 0) return names;
  }
  for (const key of AUTHOR_META) {
    const names = meta
      .all(key)
      .filter((v) => !looksLikeUrl(v))
      .flatMap(namesIn);
    if (names.length > 0) return names;
  }
  return [];
}

const BY_LINE = /^\s*(?:(?:written|posted|reported)\s+)?(?:by|von|par|por|door)\s+\p{Lu}/iu;

/**
 * An element that is nothing but a link to a site's front page: a menu entry such as a
 * "Bylines" section named by its class, never an author, whose page has a path of its own.
 */
function isLinkToFrontPage(element: Element, text: string): boolean {
  const link = element.tagName.toUpperCase() === 'A' ? element : element.querySelector('a[href]');
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
    if (outsideStory) continue;
    const text = element.textContent ?? '';
    if (text.length > 200 || (mustStartWithBy && !BY_LINE.test(text)) || isLinkToFrontPage(element, text)) continue;
    const names = namesIn(text);
    if (names.length > 0) return names;
  }
  return [];
}

/** The story's own opening line, when it is a byline: "Posted by Andrew Hayden, Software Engineer". */
function fromOpeningLine(lead: string | null): string[] {
  const line = lead?.split('\n', 1)[0] ?? '';
  return line.length <= 200 && BY_LINE.test(line) ? namesIn(line) : [];
}

export function findByline(
  index: PageIndex,
  meta: PageMeta,
  article: JsonLdNode | null,
  nodes: readonly JsonLdNode[],
  siteName: string | null,
  /** Whether a text names this site, and the start of the story's text. */
  context: { isSite?: SiteMatcher; lead?: string | null } = {},
): string | null {
  const ld = fromJsonLd(article, nodes);
  const declared =
    // A person the publisher names is the byline even on a one-person site named after them.
    joinNames(ld.people) ??
    joinNames(fromMicrodata(index)) ??
    joinNames(fromMeta(meta), siteName) ??
    joinNames(fromElements(index.authorLinks)) ??
    joinNames(fromElements(index.bylines), siteName) ??
    joinNames(fromElements(index.dates, true), siteName);
  // A team blog posts under the site's own account ("Android Developers" on the Android
  // Developers Blog) and names the writer in the story's first line.
  if (declared === null || context.isSite?.(declared)) {
    const opening = joinNames(fromOpeningLine(context.lead ?? null), siteName);
    if (opening) return opening;
  }
  return (
    declared ??
    joinNames(ld.orgs, siteName) ??
    // No person anywhere: the page credits the publisher itself ("BBC News", "Mac & i").
    joinNames(fromMeta(meta)) ??
    joinNames(ld.orgs)
  );
}
