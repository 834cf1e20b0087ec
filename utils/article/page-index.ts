/**
 * One walk over the page that collects every element the field readers look at (headings,
 * `<time>`, `itemprop` markup, author links, elements whose class or id names a byline or a
 * date), each marked with whether it sits outside the story (navigation, asides, footers,
 * comments, related lists). One walk is cheaper than a dozen attribute-substring selectors,
 * which every DOM runs as a full scan of its own, and it lets the readers skip `closest()`.
 */
import { BESIDE_STORY_NAME } from './boilerplate';

export interface IndexedElement {
  element: Element;
  /** Inside navigation, an aside, a footer, comments or a related-stories box. */
  outsideStory: boolean;
}

export interface PageIndex {
  /** <h1> elements. */
  headings: IndexedElement[];
  /** <h2> elements, for pages whose headline is not an <h1>. */
  subheadings: IndexedElement[];
  times: IndexedElement[];
  /** Elements by lower-cased `itemprop` token (author, name, datepublished, articlebody...). */
  itemprops: Map<string, IndexedElement[]>;
  authorLinks: IndexedElement[];
  /** Class or id names a byline or an author. */
  bylines: IndexedElement[];
  /** Class or id names a date, a time, publishing or the story's meta line. */
  dates: IndexedElement[];
}

const OUTSIDE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER']);
/** Bylines' class names, in English and the other languages sites name their markup in. */
const BYLINE_NAME = /byline|author(?!ity)|autor|auteur|autore|forfatter|författare|yazar|verfasser/iu;
const DATE_NAME = /date|time|publish|posted|byline|meta/iu;
/**
 * Dates that belong to something else than the page: hCard and hCalendar dates in an infobox
 * (a founding day, an event's start) and the day a cited source was retrieved.
 */
const OTHER_DATE_NAME = /(^|\s)(bday|dtstart|dtend|dt-start|dt-end|dt-bday)(\s|$)|access-?date/iu;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD']);
const MAX_PER_LIST = 80;
/** A story's headline, byline and dates come long before this many elements; a 200,000-element page stops here. */
const MAX_ELEMENTS = 10_000;

function push(list: IndexedElement[], entry: IndexedElement): void {
  if (list.length < MAX_PER_LIST) list.push(entry);
}

export function indexPage(document: Document): PageIndex {
  const index: PageIndex = {
    headings: [],
    subheadings: [],
    times: [],
    itemprops: new Map(),
    authorLinks: [],
    bylines: [],
    dates: [],
  };
  // An explicit stack, not recursion: pages nest thousands of levels deep (the call stack would
  // overflow), and the readers only need the first few hundred entries of each list.
  const stack: { el: Element | null; outside: boolean }[] = [];
  if (document.body) stack.push({ el: document.body.firstElementChild, outside: false });
  let visited = 0;
  while (stack.length > 0 && visited < MAX_ELEMENTS) {
    const frame = stack[stack.length - 1] as { el: Element | null; outside: boolean };
    const el = frame.el;
    if (!el) {
      stack.pop();
      continue;
    }
    frame.el = el.nextElementSibling;
    visited += 1;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    let outsideStory = frame.outside || OUTSIDE_TAGS.has(tag);
    // hasAttributes(), not attributes.length: the attribute list, once made, stays on every element visited.
    if (el.hasAttributes()) {
      const name = `${el.getAttribute('class') ?? ''} ${el.id}`;
      if (!outsideStory && name.length > 1 && BESIDE_STORY_NAME.test(name)) outsideStory = true;
      const entry = { element: el, outsideStory };
      const itemprop = el.getAttribute('itemprop');
      if (itemprop) {
        for (const token of itemprop.toLowerCase().split(/\s+/u)) {
          const list = index.itemprops.get(token) ?? [];
          push(list, entry);
          index.itemprops.set(token, list);
        }
      }
      if (tag === 'A' && /(^|\s)author(\s|$)/iu.test(el.getAttribute('rel') ?? '')) push(index.authorLinks, entry);
      if (name.length > 1) {
        if (BYLINE_NAME.test(name)) push(index.bylines, entry);
        if (DATE_NAME.test(name) && !OTHER_DATE_NAME.test(name)) push(index.dates, entry);
      }
    }
    if (tag === 'H1') push(index.headings, { element: el, outsideStory });
    else if (tag === 'H2') push(index.subheadings, { element: el, outsideStory });
    else if (tag === 'TIME') push(index.times, { element: el, outsideStory });
    if (el.firstElementChild) stack.push({ el: el.firstElementChild, outside: outsideStory });
  }
  return index;
}
