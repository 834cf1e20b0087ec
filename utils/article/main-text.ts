/**
 * The story's own text, in reading order, as the text companies are matched in: starts from
 * the element holding most of the page's prose (or the publisher's `articleBody`), then leaves
 * out navigation, related-story lists, sharing bars, comments, footers and link lists.
 *
 * One pass over the story's subtree: each element's text is appended as it is visited, and
 * taken back out if the element turns out to be a list of links (measured on the way back up),
 * so nothing is measured twice. Reads node values only (no `innerText`, which forces a layout).
 * A page of hundreds of thousands of elements takes longer to walk than one task should block
 * it, so the walk is a generator of steps (as the matcher's compilation is): the content script
 * gives the page a turn between them, other callers run it to the end at once.
 */
import type { Steps } from '../match/steps';
import { isBoilerplate } from './boilerplate';
import { findLinedProse, findProse, type Prose } from './prose';

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'BR',
  'HR',
  'FIGCAPTION',
]);

/** A list or box whose text is mostly links is navigation or "related stories", not story. */
const LINK_LIST_TAGS = new Set(['UL', 'OL', 'DIV', 'SECTION', 'TABLE', 'DL']);
const LINK_SHARE = 0.6;
/** Marks the end of a block in the collected text (a character pages do not use). */
const BLOCK_END = '\u0000';
const MIN_LINKS = 3;
/** Nodes visited between two moments the walk may pause at. */
const NODES_PER_STEP = 512;

/** How much more running text a box of lines needs than the <p>s have to be read as the story. */
const LINED_OVER_PROSE = 2;

/** The element the story text is read from. */
export function findStoryRoot(document: Document, prose: Prose): Element | null {
  const declared = document.querySelector('[itemprop="articleBody" i]');
  if (declared && (prose.root === null || prose.charsUnder(declared) >= 0.5 * prose.chars)) return declared;
  // A story written as lines of one box, beside a stray <p> or two (a caption, a promotion).
  const lined = findLinedProse(document);
  if (lined && lined.chars >= LINED_OVER_PROSE * prose.chars) return lined.element;
  return (
    prose.root ??
    document.querySelector('article') ??
    document.querySelector('main, [role="main"]') ??
    document.body ??
    null
  );
}

interface Measure {
  chars: number;
  linkChars: number;
  links: number;
}

function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) n++;
  return n;
}

/** Paragraph-separated text of the story, boilerplate left out. */
export function extractMainText(document: Document, prose: Prose = findProse(document)): string {
  const steps = mainTextSteps(document, prose);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same text as steps (match/steps.ts): each yields a moment the walk may pause at. */
export function* mainTextSteps(document: Document, prose: Prose = findProse(document)): Steps<string> {
  const root = findStoryRoot(document, prose);
  if (!root) return '';
  const rootChars = prose.charsUnder(root);
  // Text pieces, with BLOCK_END marking a block boundary.
  const out: string[] = [];

  // An explicit stack, not recursion: pages nest thousands of levels deep. Each frame is an
  // element being read; its measure is settled when its last child is done (post-order).
  interface Frame {
    element: Element;
    next: Node | null;
    inLink: boolean;
    holdsStory: boolean;
    start: number;
    measure: Measure;
  }
  const open = (element: Element, inLink: boolean, holdsStory: boolean): Frame => {
    const start = out.length;
    if (BLOCK_TAGS.has(element.tagName.toUpperCase())) out.push(BLOCK_END);
    return {
      element,
      next: element.firstChild,
      inLink,
      holdsStory,
      start,
      measure: { chars: 0, linkChars: 0, links: 0 },
    };
  };
  const stack: Frame[] = [open(root, false, true)];
  for (let visited = 1; stack.length > 0; visited++) {
    if (visited % NODES_PER_STEP === 0) yield;
    const frame = stack[stack.length - 1] as Frame;
    const child = frame.next;
    if (child) {
      frame.next = child.nextSibling;
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        out.push(value);
        const length = visibleLength(value);
        frame.measure.chars += length;
        if (frame.inLink) frame.measure.linkChars += length;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        // A wrapper holding most of the story is never boilerplate, whatever its class says.
        const holdsStory = rootChars > 0 && prose.charsUnder(element) >= 0.5 * rootChars;
        if (holdsStory || !isBoilerplate(element)) {
          stack.push(open(element, frame.inLink || element.tagName.toUpperCase() === 'A', holdsStory));
        }
      }
      continue;
    }
    stack.pop();
    const tag = frame.element.tagName.toUpperCase();
    if (BLOCK_TAGS.has(tag)) out.push(BLOCK_END);
    const inner = frame.measure;
    const links = inner.links + (tag === 'A' ? 1 : 0);
    const parent = stack[stack.length - 1];
    if (!parent) break;
    if (
      !frame.holdsStory &&
      LINK_LIST_TAGS.has(tag) &&
      links >= MIN_LINKS &&
      (inner.chars === 0 || inner.linkChars / inner.chars >= LINK_SHARE)
    ) {
      out.length = frame.start;
      continue;
    }
    parent.measure.chars += inner.chars;
    parent.measure.linkChars += inner.linkChars;
    parent.measure.links += links;
  }
  return yield* paragraphSteps(out);
}

/** Characters folded between two pauses: a few milliseconds of work at most. */
const CHARS_PER_STEP = 1 << 16;

/**
 * The collected pieces as paragraphs separated by blank lines, white space folded, a paragraph at
 * a time (a huge page's text, joined and folded at once, took tens of milliseconds in one step).
 */
function* paragraphSteps(out: readonly string[]): Steps<string> {
  const lines: string[] = [];
  let line: string[] = [];
  let chars = 0;
  const close = () => {
    const text = line
      .join('')
      .replace(/[\s\u00a0]+/gu, ' ')
      .trim();
    if (text.length > 0) lines.push(text);
    line = [];
  };
  for (const piece of out) {
    const parts = piece.includes(BLOCK_END) ? piece.split(BLOCK_END) : [piece];
    for (const [i, part] of parts.entries()) {
      if (i > 0) close();
      line.push(part);
      chars += part.length;
    }
    if (chars >= CHARS_PER_STEP) {
      chars = 0;
      yield;
    }
  }
  close();
  return lines.join('\n\n');
}
