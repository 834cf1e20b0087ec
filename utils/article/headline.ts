/**
 * The headline as a reader would name it: the page's `<h1>` when the publisher's metadata
 * agrees with it, otherwise the JSON-LD headline or `og:title`, and the document title last;
 * with the site's name removed from either end (" - Reuters", " | CNN Business", "BBC News - ").
 */
import type { JsonLdNode } from './jsonld';
import { textOf } from './jsonld';
import type { PageMeta } from './meta';
import type { PageIndex } from './page-index';
import type { SiteMatcher } from './site-name';
import { collapseSpace, comparable } from './text';

/**
 * Separators between a headline and a site or section name, kept so the rest can be rejoined.
 * Blog hosts write "Post title @ Blog name :: Host".
 */
const SEPARATOR = /(\s+[|–—·•»«~/\\@-]\s+|\s*\|\s*|\s+::\s+)/u;
/** A separator left dangling at either end: "Post :: Host ::". */
const DANGLING_SEPARATOR = /^\s*(?:::|[|–—·•»«~])\s+|\s+(?:::|[|–—·•»«~])\s*$/gu;

/** A site name is never the main part of a title: the headline is. */
function isMinorPart(part: string, parts: readonly string[]): boolean {
  return part.length * 2 < parts.join('').length;
}
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
const MAX_H1 = 8;

/** Removes site names (and a trailing section after a site name) from either end of a title. */
export function stripSiteName(title: string, isSite: SiteMatcher): string {
  const parts = collapseSpace(title).replace(DANGLING_SEPARATOR, '').split(SEPARATOR);
  // parts alternate text, separator, text, ...
  let changed = false;
  while (parts.length >= 3) {
    const last = parts[parts.length - 1] ?? '';
    const first = parts[0] ?? '';
    if (isSite(last) && isMinorPart(last, parts)) {
      parts.splice(-2, 2);
      changed = true;
    } else if (isSite(first) && isMinorPart(first, parts)) {
      parts.splice(0, 2);
      changed = true;
    } else break;
  }
  // Nothing named the site, but a short tail behind a pipe, a middle dot or "::" is one.
  if (!changed && parts.length === 3 && /[|·:]/u.test(parts[1] ?? '')) {
    const [head = '', , tail = ''] = parts;
    if (tail.split(' ').length <= 3 && head.split(' ').length >= 4) {
      parts.splice(1, 2);
      changed = true;
    }
  }
  // "Headline | Section" left after "| Site" went: a short tail behind a pipe is a section.
  if (changed && parts.length >= 3 && /\|/u.test(parts[parts.length - 2] ?? '')) {
    const tail = parts[parts.length - 1] ?? '';
    if (tail.split(' ').length <= 2) parts.splice(-2, 2);
  }
  let result = parts.join('');
  // Chinese and Japanese portals append "_Channel_Site" without spaces.
  if (!changed && CJK.test(result) && result.includes('_')) {
    const [head, ...rest] = result.split(/\s*_\s*/u);
    if (head && rest.every((r) => r.length <= 12)) result = head;
  }
  return result.trim() || collapseSpace(title);
}

/** The site's name as the title spells it ("Reuters" in "Oil rises - Reuters"), or null. */
export function siteNameInTitle(title: string, isSite: SiteMatcher): string | null {
  const parts = collapseSpace(title).replace(DANGLING_SEPARATOR, '').split(SEPARATOR);
  if (parts.length < 3) return null;
  const last = parts[parts.length - 1] ?? '';
  const first = parts[0] ?? '';
  if (isSite(last)) return last.trim();
  if (isSite(first)) return first.trim();
  return null;
}

/**
 * `title` is `heading` plus a shorter addition set off by a separator or brackets: an author
 * ("Post title - Jane Doe"), a source ("Headline（CNET Japan）") or a site name not recognised.
 */
function withAddition(title: string, heading: string): boolean {
  const t = collapseSpace(title);
  const h = collapseSpace(heading);
  if (h.length < 12 || t.length <= h.length || !t.toLowerCase().startsWith(h.toLowerCase())) return false;
  const rest = t.slice(h.length);
  return /^\s*(?:[|–—·•»«~:/\\(（[-]|::)/u.test(rest) && comparable(rest).length < comparable(h).length;
}

function headingTexts(index: PageIndex): string[] {
  const inStory = index.headings.filter((h) => !h.outsideStory);
  return (inStory.length > 0 ? inStory : index.headings)
    .slice(0, MAX_H1)
    .map((h) => collapseSpace(h.element.textContent ?? ''))
    .filter((text) => text.length > 0);
}

export function findHeadline(
  document: Document,
  index: PageIndex,
  meta: PageMeta,
  article: JsonLdNode | null,
  isSite: SiteMatcher,
): string {
  const declared = [
    textOf(article?.headline),
    meta.first('og:title'),
    meta.first('twitter:title'),
    textOf(article?.name),
    meta.first('title', 'parsely-title', 'sailthru.title', 'dc.title', 'headline'),
  ]
    .filter((t): t is string => typeof t === 'string' && collapseSpace(t).length > 0)
    .map((t) => stripSiteName(t, isSite));
  const documentTitle = stripSiteName(document.title ?? '', isSite);
  const titles = [...declared, documentTitle].filter((t) => t.length > 0);
  const keys = titles.map(comparable).filter((k) => k.length > 0);
  const headings = headingTexts(index).filter((h) => !isSite(h));
  // A heading the metadata agrees with is the headline as shown, in its own capitalisation.
  // The visible headline wins over a differently worded og:title or SEO title whenever some
  // other title on the page agrees with it, so the answer is what a reader sees.
  for (const heading of headings) {
    const key = comparable(heading);
    // JSON-LD headlines are often cut at 110 characters: a heading that continues one counts.
    if (keys.some((k) => k === key || (k.length >= 40 && key.startsWith(k)))) return heading;
    if (titles.some((t) => withAddition(t, heading))) return heading;
  }
  const best = declared[0] ?? documentTitle;
  if (best) return best;
  // No title anywhere: the first heading that reads like a headline.
  return headings.find((h) => h.split(' ').length >= 3) ?? headings[0] ?? '';
}
