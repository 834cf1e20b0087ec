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

const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'NOBR',
  'BIG',
  // The fallback painter's own wrapper (wrap.ts) must not split the text it wraps.
  'NEWS-TRACKER-MARK',
]);

/** Never contain readable prose, or contain what the user is typing. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'TEMPLATE',
  'SVG',
  'MATH',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
]);

export interface WalkOptions {
  /** Elements the walk must not enter (the extension's own panel). */
  isOwnElement?: (element: Element) => boolean;
  /** Called with each open shadow root found, which the caller walks as a separate root. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called with elements that may attach a shadow root later (custom elements without one yet). */
  onPossibleHost?: (element: Element) => void;
}

export function isSkippedElement(element: Element, options: WalkOptions): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED.has(tag) || element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return options.isOwnElement?.(element) ?? false;
}

export function isBlockElement(element: Element): boolean {
  return !INLINE.has(element.tagName.toUpperCase());
}

class SegmentBuilder {
  nodes: Text[] = [];
  offsets: number[] = [];
  parts: string[] = [];
  length = 0;
  hasContent = false;

  add(node: Text): void {
    const value = node.data;
    this.nodes.push(node);
    this.offsets.push(this.length);
    this.parts.push(value);
    this.length += value.length;
    // Whitespace between tags is common and can never hold a name.
    if (!this.hasContent && /\S/u.test(value)) this.hasContent = true;
  }

  take(container: Node): TextSegment | null {
    const segment = this.hasContent
      ? { container, nodes: this.nodes, offsets: this.offsets, text: this.parts.join('') }
      : null;
    this.nodes = [];
    this.offsets = [];
    this.parts = [];
    this.length = 0;
    this.hasContent = false;
    return segment;
  }
}

/** Text runs of `root` (light DOM only; open shadow roots go to `onShadowRoot`), in document order. */
export function* textSegments(root: Node, options: WalkOptions = {}): Generator<TextSegment> {
  const builder = new SegmentBuilder();
  // The container a run belongs to is the nearest enclosing block.
  const blocks: Node[] = [root];
  const flush = () => builder.take(blocks[blocks.length - 1] as Node);
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) builder.add(node as Text);
    else if (node.nodeType === 1) {
      const element = node as Element;
      if (!isSkippedElement(element, options)) {
        const shadow = element.shadowRoot;
        if (shadow) options.onShadowRoot?.(shadow);
        else if (element.tagName.includes('-') && isBlockElement(element)) options.onPossibleHost?.(element);
        if (isBlockElement(element)) {
          const segment = flush();
          if (segment) yield segment;
          blocks.push(element);
        }
        descend = element.firstChild !== null;
        if (!descend && isBlockElement(element)) blocks.pop();
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing the blocks left behind.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node === blocks[blocks.length - 1] && node !== root) {
        const segment = flush();
        if (segment) yield segment;
        blocks.pop();
      }
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  const last = flush();
  if (last) yield last;
}
