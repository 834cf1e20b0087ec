/**
 * What the body of a page looks like, for detection once the cheap checks have not settled it:
 * is there a story's worth of running text, is the page a list of stories (many short boxes,
 * many linked headlines, several stories' comment links, many dates), is it a chapter of a
 * book or web serial, and does it mark itself up as one blog entry (hAtom / h-entry).
 * The chapter and blog-entry answers are short reasons (the cheap checks stop on them), or null.
 */
import { parseDate } from './date-parse';
import type { PageIndex } from './page-index';
import { insideAside, type Prose } from './prose';

/** Sibling paragraphs of running text that read as a story. */
const STORY_PARAGRAPHS = 3;
const STORY_CHARS = 600;
/** One block this long is a story written with line breaks instead of paragraphs. */
const STORY_BLOCK_CHARS = 1500;
/** Paragraphs in separate wrappers read as a story when they are long; teasers are short. */
const WRAPPED_STORY_CHARS = 1200;
const WRAPPED_PARAGRAPH_CHARS = 300;
/** Links to this many other pages' comments: each story on the page has its own. */
const OTHER_STORIES_COMMENTS = 3;

/**
 * Whether the page has a body of running text: paragraphs, one long block (of paragraphs, or of
 * lines broken by <br>: `longestBlock`, text-density.ts), or sentences in bullet points.
 */
export function runningText(document: Document, prose: Prose, longestBlock: number): boolean {
  if (prose.densest.paragraphs >= STORY_PARAGRAPHS && prose.chars >= STORY_CHARS) return true;
  if (Math.max(prose.densest.chars, longestBlock) >= STORY_BLOCK_CHARS) return true;
  const average = prose.paragraphs > 0 ? prose.chars / prose.paragraphs : 0;
  if (
    prose.paragraphs >= STORY_PARAGRAPHS &&
    prose.chars >= WRAPPED_STORY_CHARS &&
    average >= WRAPPED_PARAGRAPH_CHARS
  ) {
    return true;
  }
  return proseInLists(document);
}

/** Sentences in bullet points: release notes and weekly round-ups are written so. */
const LIST_ITEM_CHARS = 80;
const STORY_LIST_ITEMS = 8;
/** List items read at most: a huge page's first ones say enough. */
export const MAX_LIST_ITEMS = 1500;

function proseInLists(document: Document): boolean {
  const items = document.getElementsByTagName('li');
  const asides = new Map<Element, boolean>();
  let count = 0;
  let chars = 0;
  for (let i = 0; i < items.length && i < MAX_LIST_ITEMS; i++) {
    const item = items[i] as Element;
    // Bullet points, not numbered lines (code and paste viewers number every line of a text);
    // leaf items only, as a nested list's text belongs to its own items. (querySelector: a live
    // collection asked of each item would be cached on it for the page's life.)
    if (item.parentElement?.tagName.toUpperCase() !== 'UL' || item.querySelector('li')) continue;
    let length = (item.textContent ?? '').trim().length;
    if (length < LIST_ITEM_CHARS) continue;
    for (const link of item.querySelectorAll('a')) length -= (link.textContent ?? '').length;
    if (length < LIST_ITEM_CHARS || insideAside(item, asides)) continue;
    count += 1;
    chars += length;
  }
  return count >= STORY_LIST_ITEMS && chars >= STORY_BLOCK_CHARS;
}

/** What a list of stories shows: <article> boxes (and how many are long), linked headlines, comment links. */
export interface ListingSigns {
  boxes: number;
  longBoxes: number;
  headlineLinks: number;
  /** Other stories on the page that link to their own comments. */
  commented: number;
}

export function listingSigns(document: Document): ListingSigns {
  const boxes = document.getElementsByTagName('article');
  let longBoxes = 0;
  for (let i = 0; i < boxes.length && i < 60; i++) {
    if ((boxes[i]?.textContent ?? '').length >= 1500) longBoxes += 1;
  }
  return {
    boxes: boxes.length,
    longBoxes,
    headlineLinks: document.querySelectorAll('h2 a[href], h3 a[href], h4 a[href]').length,
    commented: otherStoriesCommented(document),
  };
}

/** Many short <article> boxes or many linked headlines: a section front, tag page or home page. */
export function looksLikeListing(
  document: Document,
  densestChars: number,
  signs: ListingSigns = listingSigns(document),
): boolean {
  return (
    (signs.boxes >= 5 && signs.longBoxes <= 1 && densestChars < 1500) ||
    (signs.headlineLinks >= 12 && densestChars < 1200) ||
    signs.commented >= OTHER_STORIES_COMMENTS
  );
}

/**
 * How many other stories on the page link to their own comments. A story links to its own
 * comments; a blog's front page or a weekly edition shows each entry's headline, linked to the
 * entry, and its "Comments (5)" link. A "most commented" box beside a story lists links without
 * headlines, so only targets that a heading also links to count.
 */
function otherStoriesCommented(document: Document): number {
  // "#comments", not "#comment-61899598": a widget of recent comments links to single comments.
  const links = document.querySelectorAll(
    'a[href$="#comments" i], a[href$="#comment" i], a[href$="#respond" i], a[href$="#disqus_thread" i]',
  );
  if (links.length < OTHER_STORIES_COMMENTS) return 0;
  const withoutFragment = (link: Element) =>
    ((link as HTMLAnchorElement).href || link.getAttribute('href') || '').replace(/#.*$/u, '');
  const headlined = new Set<string>();
  const headingLinks = document.querySelectorAll('h1 a[href], h2 a[href], h3 a[href], h4 a[href]');
  for (let i = 0; i < headingLinks.length && i < 400; i++) headlined.add(withoutFragment(headingLinks[i] as Element));
  const own = document.location?.href.replace(/#.*$/u, '') ?? '';
  const targets = new Set<string>();
  const asides = new Map<Element, boolean>();
  for (let i = 0; i < links.length && i < 200; i++) {
    const link = links[i] as Element;
    const target = withoutFragment(link);
    if (!target || target === own || !headlined.has(target) || insideAside(link, asides)) continue;
    targets.add(target);
  }
  return targets.size;
}

/** A path segment for chapters followed by one that holds a number: "/chapter/12/title". */
const CHAPTER_PATH = /\/(chapters?|chapitres?|kapitel|cap[ií]tulos?|capitoli?)(?:[-_]\d+)?(?:\/[^/?#]*\d|[-_]\d)/iu;
const NEXT_OR_PREVIOUS =
  /^\W*(next|previous|prev|older|newer|suivant|précédent|weiter|zurück|nächste|vorherige|siguiente|anterior|successivo|precedente)\b|[«»←→]\W*$/iu;

/** Links to the next or previous chapter: a book, a serial or fan fiction, not news. */
export function chapterNavigation(document: Document): string | null {
  const links = document.querySelectorAll(
    'a[href*="chap" i], a[href*="kapitel" i], a[href*="capitul" i], a[href*="capitol" i], link[rel~="next"], link[rel~="prev"]',
  );
  for (let i = 0; i < links.length && i < 300; i++) {
    const link = links[i] as Element;
    if (!CHAPTER_PATH.test(link.getAttribute('href') ?? '')) continue;
    const rel = link.getAttribute('rel') ?? '';
    if (/(^|\s)(next|prev)(\s|$)/iu.test(rel)) return 'links to the next or previous chapter';
    const text = (link.textContent ?? '').trim();
    if (text.length <= 40 && NEXT_OR_PREVIOUS.test(text)) return 'links to the next or previous chapter';
  }
  return null;
}

/**
 * One hAtom / h-entry post (WordPress, Blogger and most blog themes mark their posts so) that
 * carries its publication date: a blog post, though a blog post of song lyrics or photos is
 * one too, so this is a hint rather than a declaration. Comments are h-entries too and do not
 * count; several entries are a blog's front page.
 */
export function blogEntry(document: Document): string | null {
  const entries = [...document.querySelectorAll('.hentry, .h-entry')].filter(
    (e) => !/comment/iu.test(e.getAttribute('class') ?? ''),
  );
  if (entries.length !== 1) return null;
  const entry = entries[0] as Element;
  const dated = entry.querySelector('.published, .dt-published, [itemprop~="datePublished"]');
  const titled = entry.querySelector('.entry-title, .p-name, h1');
  return dated && titled ? 'a blog entry (h-entry) with its publication date' : null;
}

/** Distinct days shown in the page's main column: a blog index or weekly edition shows many. */
export function distinctDates(index: PageIndex): number {
  const seen = new Set<string>();
  for (const { element, outsideStory } of [...index.times, ...index.dates]) {
    if (outsideStory) continue;
    const raw = element.getAttribute('datetime') ?? element.textContent ?? '';
    if (raw.length > 80) continue;
    const iso = parseDate(raw);
    if (iso) seen.add(iso.slice(0, 10));
  }
  return seen.size;
}
