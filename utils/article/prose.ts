/**
 * Where a page's running text is: paragraphs long enough to be prose (not captions, labels or
 * teasers), credited to every ancestor, so the deepest element holding most of them is the
 * story's body. Used by detection (does this page have a body of prose at all?) and by
 * extraction (where does the main text start?). Reads `textContent` only, which never forces
 * a layout, and stops after a fixed number of paragraphs on huge pages.
 */
import { BESIDE_STORY_NAME } from './boilerplate';

/** Shorter paragraphs are captions, labels and teasers more often than story text. */
export const PROSE_PARAGRAPH_CHARS = 80;
const MAX_PARAGRAPHS = 1500;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
const CJK_WEIGHT = 2.5;
/** The body is the deepest element holding at least this share of the prose. */
const BODY_SHARE = 0.7;

export interface Prose {
  /** The deepest element holding most of the prose, or null when there is none. */
  root: Element | null;
  /** Long paragraphs under `root`. */
  paragraphs: number;
  /** Characters of long paragraphs under `root`. */
  chars: number;
  /** Characters of long paragraphs under any element (for telling body text from asides). */
  charsUnder(element: Element): number;
  /**
   * The element whose own child paragraphs hold the most prose. A story's paragraphs are
   * siblings; a section front's teasers each sit in their own box.
   */
  densest: { paragraphs: number; chars: number };
  /** The first long paragraph under `root` (where a dateline would be). */
  firstParagraph: Element | null;
}

/** Chinese and Japanese say in 40 characters what English says in 100. */
function weightedLength(text: string): number {
  return CJK.test(text) ? Math.round(text.length * CJK_WEIGHT) : text.length;
}

// Not FORM: ASP.NET sites wrap the whole page in one.
const ASIDE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER']);
const ASIDE_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);

/** Inside navigation, an aside, a footer or comments (answers cached per ancestor). */
export function insideAside(p: Element, cache: Map<Element, boolean>): boolean {
  const body = p.ownerDocument.body;
  for (let el = p.parentElement; el && el !== body; el = el.parentElement) {
    let aside = cache.get(el);
    if (aside === undefined) {
      aside =
        ASIDE_TAGS.has(el.tagName.toUpperCase()) ||
        ASIDE_ROLES.has(el.getAttribute('role') ?? '') ||
        BESIDE_STORY_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`);
      cache.set(el, aside);
    }
    if (aside) return true;
  }
  return false;
}

export function findProse(document: Document): Prose {
  const asides = new Map<Element, boolean>();
  const chars = new Map<Element, number>();
  const counts = new Map<Element, number>();
  const own = new Map<Element, { paragraphs: number; chars: number }>();
  let total = 0;
  const long: Element[] = [];
  const paragraphs = document.getElementsByTagName('p');
  const limit = Math.min(paragraphs.length, MAX_PARAGRAPHS);
  for (let i = 0; i < limit; i++) {
    const p = paragraphs[i] as Element;
    const length = weightedLength((p.textContent ?? '').trim());
    if (length < PROSE_PARAGRAPH_CHARS || insideAside(p, asides)) continue;
    total += length;
    long.push(p);
    const parent = p.parentElement;
    if (parent) {
      const entry = own.get(parent) ?? { paragraphs: 0, chars: 0 };
      entry.paragraphs += 1;
      entry.chars += length;
      own.set(parent, entry);
    }
    for (let el = p.parentElement; el; el = el.parentElement) {
      chars.set(el, (chars.get(el) ?? 0) + length);
      counts.set(el, (counts.get(el) ?? 0) + 1);
    }
  }
  let root: Element | null = null;
  if (total > 0) {
    // Walk down from <body> while a single child still holds most of the prose.
    root = document.body ?? document.documentElement;
    for (;;) {
      let next: Element | null = null;
      for (let child: Element | null = root.firstElementChild; child; child = child.nextElementSibling) {
        if ((chars.get(child) ?? 0) >= BODY_SHARE * total) {
          next = child;
          break;
        }
      }
      if (!next) break;
      root = next;
    }
  }
  let densest = { paragraphs: 0, chars: 0 };
  for (const entry of own.values()) if (entry.chars > densest.chars) densest = entry;
  return {
    root,
    densest,
    paragraphs: root ? (counts.get(root) ?? 0) : 0,
    chars: root ? (chars.get(root) ?? 0) : 0,
    charsUnder: (element) => chars.get(element) ?? 0,
    firstParagraph: root ? (long.find((p) => root?.contains(p)) ?? null) : null,
  };
}

/** A story written as lines in one box needs this much text of its own to be taken for one. */
const LINED_MIN_CHARS = 400;
/** Children looked at in all, so a box of a million lines costs no more than a story's worth. */
const MAX_LINE_NODES = 20_000;

/**
 * The element whose own lines of text (between its <br>s) run longest: where a page writes its
 * story as text and line breaks in one box instead of as <p>s (older pages, and some Korean
 * and Russian news sites). Found from the <br>s' parents, so a page without them costs
 * nothing; text inside links or bold type is not counted, so the figure is a floor.
 */
export function findLinedProse(document: Document): { element: Element; chars: number } | null {
  const asides = new Map<Element, boolean>();
  const seen = new Set<Element>();
  const breaks = document.getElementsByTagName('br');
  const limit = Math.min(breaks.length, MAX_PARAGRAPHS);
  let best: { element: Element; chars: number } | null = null;
  let budget = MAX_LINE_NODES;
  for (let i = 0; i < limit && budget > 0; i++) {
    const br = breaks[i] as Element;
    const parent = br.parentElement;
    if (!parent || seen.has(parent)) continue;
    seen.add(parent);
    let chars = 0;
    for (let node = parent.firstChild; node && budget > 0; node = node.nextSibling, budget--) {
      if (node.nodeType === 3) chars += weightedLength((node.nodeValue ?? '').trim());
    }
    if (chars >= LINED_MIN_CHARS && chars > (best?.chars ?? 0) && !insideAside(br, asides)) {
      best = { element: parent, chars };
    }
  }
  return best;
}
