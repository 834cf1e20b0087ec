/**
 * Splits a page into runs of text that read as one line of prose: the text nodes between two
 * block boundaries, joined, so a name split across inline elements (`Xia<b>omi</b>`) is still
 * one string, while a name never continues from one paragraph or table cell into the next.
 *
 * Block boundaries are judged by tag name, not computed style: reading styles for every element
 * of a large page would cost more than matching it. Unknown elements count as blocks, which can
 * only split a name, never join two unrelated texts.
 */

export interface TextSegment {
  /** The element (or shadow root, or document) whose text this run belongs to. */
  container: Node;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  offsets: number[];
  text: string;
}

/** Elements that do not break a line of prose (local names; the page's are lowercase). */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'nobr',
  'big',
  // The fallback painter's own wrapper (wrap.ts) must not split the text it wraps.
  'news-tracker-mark',
]);

/** Never contain readable prose, or contain what the user is typing. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'textarea',
  'input',
  'select',
  'option',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'head',
  'title',
]);

/** Elements skipped for their attributes: hidden, or editable (what the user is typing is theirs). */
const SKIPPED_BY_ATTRIBUTE = '[hidden], [contenteditable]:not([contenteditable="false" i])';

/** Built-in elements that can hold a shadow root (besides custom elements, whose names have a dash). */
const SHADOW_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

export interface WalkOptions {
  /** Elements the walk must not enter (the extension's own panel). */
  isOwnElement?: (element: Element) => boolean;
  /** Called with each open shadow root found, which the caller walks as a separate root. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called with elements that may attach a shadow root later (custom elements without one yet). */
  onPossibleHost?: (element: Element) => void;
}

function isEditable(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

export function isSkippedElement(element: Element, options: WalkOptions): boolean {
  if (SKIPPED.has(element.localName) || element.hasAttribute('hidden') || isEditable(element)) return true;
  return options.isOwnElement?.(element) ?? false;
}

export function isBlockElement(element: Element): boolean {
  return !INLINE.has(element.localName);
}

/** True when `node` lies inside something the walk skips (checked once per root, not per node). */
export function isInsideSkipped(node: Node, options: WalkOptions): boolean {
  const doc = node.ownerDocument ?? (node as Document);
  if (doc.designMode === 'on') return true;
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n.nodeType === 1 && isSkippedElement(n as Element, options)) return true;
  }
  return false;
}

class SegmentBuilder {
  nodes: Text[] = [];
  offsets: number[] = [];
  parts: string[] = [];
  length = 0;

  add(node: Text): void {
    const value = node.data;
    this.nodes.push(node);
    this.offsets.push(this.length);
    this.parts.push(value);
    this.length += value.length;
  }

  take(container: Node): TextSegment | null {
    const text = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    // Whitespace between tags is common and can never hold a name.
    const segment = NOT_BLANK.test(text) ? { container, nodes: this.nodes, offsets: this.offsets, text } : null;
    if (segment || this.nodes.length > 0) {
      this.nodes = [];
      this.offsets = [];
      this.parts = [];
      this.length = 0;
    }
    return segment;
  }
}

const NOT_BLANK = /\S/;

/**
 * Text runs of `root` (light DOM only; open shadow roots go to `onShadowRoot`), in document order.
 * The walk is the hot path on large pages, so each element costs as few calls into the DOM as
 * possible: its name, its first child, and its shadow root only where one can exist; elements
 * skipped for their attributes are found by one selector query for the whole root.
 *
 * Between runs, and every few thousand nodes (a page may hold long stretches of elements with no
 * text), it yields null: a point where the caller may look at the clock and pause. The page may
 * move or remove the node the walk stands on meanwhile; the walk then cannot know what it has
 * not seen yet, and returns false.
 */
export function* textSegmentsAndPauses(root: Node, options: WalkOptions = {}): Generator<TextSegment | null, boolean> {
  const builder = new SegmentBuilder();
  const skippedByAttribute =
    'querySelectorAll' in root
      ? new Set<Element>((root as ParentNode).querySelectorAll(SKIPPED_BY_ATTRIBUTE))
      : new Set<Element>();
  const { isOwnElement, onShadowRoot, onPossibleHost } = options;
  // The container a run belongs to is the nearest enclosing block.
  const blocks: Node[] = [root];
  const flush = () => builder.take(blocks[blocks.length - 1] as Node);
  let node: Node | null = root.firstChild;
  let visited = 0;
  while (node) {
    if ((++visited & 2047) === 0) yield null;
    const type = node.nodeType;
    if (type === 3) builder.add(node as Text);
    else if (type === 1) {
      const element = node as Element;
      const name = element.localName;
      if (!SKIPPED.has(name) && !skippedByAttribute.has(element) && !isOwnElement?.(element)) {
        const isCustom = name.includes('-');
        if (isCustom || SHADOW_HOSTS.has(name)) {
          const shadow = element.shadowRoot;
          if (shadow) onShadowRoot?.(shadow);
          else if (isCustom && !INLINE.has(name)) onPossibleHost?.(element);
        }
        const child = element.firstChild;
        if (!INLINE.has(name)) {
          const segment = flush();
          if (segment) yield segment;
          if (child) blocks.push(element);
        }
        if (child) {
          node = child;
          continue;
        }
      }
    }
    // Climb until a next sibling exists, closing the blocks left behind.
    let next: Node | null = node.nextSibling;
    while (!next) {
      node = node.parentNode as Node | null;
      if (!node) return false;
      if (node === root) break;
      if (node === blocks[blocks.length - 1]) {
        const segment = flush();
        if (segment) yield segment;
        blocks.pop();
      }
      next = node.nextSibling;
    }
    node = next;
  }
  const last = flush();
  if (last) yield last;
  return true;
}

/** The text runs alone (textSegmentsAndPauses without its pause points). */
export function* textSegments(root: Node, options: WalkOptions = {}): Generator<TextSegment, boolean> {
  return yield* withoutPauses(textSegmentsAndPauses(root, options));
}

export function* withoutPauses(walk: Generator<TextSegment | null, boolean>): Generator<TextSegment, boolean> {
  for (;;) {
    const next = walk.next();
    if (next.done) return next.value;
    if (next.value) yield next.value;
  }
}
