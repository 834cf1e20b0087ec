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

/**
 * A site name is never the main part of a title: the headline is. A short headline beside a
 * long site name ("„Unermüdlicher Einsatz“ - Die Neue Südtiroler Tageszeitung") still has two
 * words or more.
 */
function isMinorPart(part: string, parts: readonly string[]): boolean {
  const rest = parts
    .filter((p) => p !== part)
    .join('')
    .trim();
  return part.length * 2 < parts.join('').length || (rest.split(/\s+/u).length >= 2 && rest.length >= 12);
}

/** Chinese, Japanese and Korean titles end "-Section|Site" or "--Section--Site" without spaces. */
const CJK_TAIL = /(?:\s*(?:--|[-_|ㅣ｜])\s*[^-_|ㅣ｜]{1,12}){1,3}$/u;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
const MAX_H1 = 8;
const MAX_SITE_NAME_WORDS = 4;

/**
 * A declared title the visible headline continues: cut at a length limit ("…", 100 characters
 * and more) or at a quotation mark the page's markup did not escape.
 */
function cutShort(title: string, heading: string): boolean {
  const t = collapseSpace(title);
  const rest = collapseSpace(heading).slice(t.length).trim();
  return /(?:…|\.\.\.)$/u.test(t) || t.length >= 100 || /^["“”«„‘’']/u.test(rest);
}

/** "Above Avalon: Apple Watch Momentum Is Building" shown as "Apple Watch Momentum Is Building". */
function withSitePrefix(title: string, heading: string, isSite: SiteMatcher): boolean {
  const m = /^([^:]{2,40}):\s+(.{12,})$/u.exec(collapseSpace(title));
  return !!m?.[1] && comparable(m[2] ?? '') === comparable(heading) && isSite(m[1]);
}

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
  const tail = CJK.test(result) ? CJK_TAIL.exec(result) : null;
  const site = tail?.[0].split(/--|[-_|ㅣ｜]/u).pop() ?? '';
  if (!changed && tail && isSite(site.trim()) && tail.index > 0) {
    result = result.slice(0, tail.index);
    changed = true;
  }
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
  const t = collapseSpace(title).toLowerCase();
  const h = collapseSpace(heading).toLowerCase();
  if (h.length < 12 || t.length <= h.length) return false;
  if (t.startsWith(h)) {
    const rest = t.slice(h.length);
    return /^\s*(?:[|–—·•»«~:/\\(（[-]|::)/u.test(rest) && comparable(rest).length < comparable(h).length;
  }
  // A kicker or the site's name before the headline: "Vierschanzentournee | ...", "Above Avalon: ...".
  if (t.endsWith(h)) {
    const rest = t.slice(0, t.length - h.length);
    // Not a colon: "Nach Gaetz-Rückzug: Trump-Anwältin ..." is one headline.
    return /(?:[|–—·•»«~/\\-]|::)\s*$/u.test(rest) && rest.split(/\s+/u).length <= 4;
  }
  return false;
}

/** Words of four letters or more: enough to tell whether two titles are about the same story. */
function words(text: string): Set<string> {
  return new Set(
    text
      .normalize('NFKC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4 || /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u.test(w)),
  );
}

function sharesWords(title: string, others: readonly string[]): boolean {
  const own = words(title);
  return others.some((o) => [...words(o)].some((w) => own.has(w)));
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
  // A whole title or heading that names the site is not a headline; a long one is, even when
  // a page declares its story's title as its app name.
  const namesSite = (t: string) => t.split(' ').length <= MAX_SITE_NAME_WORDS && isSite(t);
  const strip = (t: string | null | undefined) => {
    const stripped = t && collapseSpace(t).length > 0 ? stripSiteName(t, isSite) : '';
    return stripped && !namesSite(stripped) ? stripped : null;
  };
  const others = [
    textOf(article?.headline),
    meta.first('twitter:title'),
    textOf(article?.name),
    meta.first('title', 'parsely-title', 'sailthru.title', 'dc.title', 'headline'),
    document.title,
  ]
    .map(strip)
    .filter((t): t is string => t !== null);
  const headings = headingTexts(index).filter((h) => !namesSite(h));
  // The visible headline when the title carries an addition ("- Jane Doe", "Kicker | ") or was
  // cut short; the title as declared when the two agree (its quotes as the publisher typed them).
  const shownAs = (title: string) => {
    const key = comparable(title);
    const heading = headings.find((h) => {
      const k = comparable(h);
      return (
        k === key ||
        (k.startsWith(key) && cutShort(title, h)) ||
        withAddition(title, h) ||
        withSitePrefix(title, h, isSite)
      );
    });
    // Same words: the declared title, unless the heading has a quote mark more it dropped.
    return heading && comparable(heading) === key && title.length >= heading.length ? title : heading;
  };
  // og:title first: what a shared link shows, and what most sites keep closest to the story;
  // unless it is about something else than every other title on the page (a section's or a
  // show's name left in the tag).
  const og = strip(meta.first('og:title'));
  if (og && (sharesWords(og, [...others, ...headings]) || others.length + headings.length === 0)) {
    return shownAs(og) ?? og;
  }
  // A heading the other titles agree with is the headline as shown.
  for (const heading of headings) {
    if (others.some((t) => shownAs(t) === heading)) return heading;
  }
  const best = others[0];
  if (best) return best;
  // No title anywhere: the first heading that reads like a headline.
  return headings.find((h) => h.split(' ').length >= 3) ?? headings[0] ?? '';
}
