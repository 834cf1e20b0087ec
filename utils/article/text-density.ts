/**
 * How the page's visible text is spread, whatever markup and language it is written in: how
 * much text there is, and the longest run of text outside links in one block (a story written
 * with <br> instead of <p> still has one; a list of headlines has none). One walk over the
 * body's nodes, skipping scripts and styles, stopping after a fixed number of elements on huge
 * pages.
 */

export interface TextDensity {
  /** Visible characters in the body (Chinese, Japanese and Korean weighted as in prose.ts). */
  chars: number;
  /** The most characters outside links directly inside one block element (inline children included). */
  longestBlock: number;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'SELECT', 'HEAD']);
/** Inline elements: their text belongs to the block around them. */
const INLINE = new Set([
  'A',
  'B',
  'I',
  'EM',
  'STRONG',
  'SPAN',
  'FONT',
  'SMALL',
  'U',
  'S',
  'SUB',
  'SUP',
  'ABBR',
  'CITE',
  'Q',
  'MARK',
  'TIME',
  'CODE',
  'BR',
  'WBR',
  'BIG',
]);
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
const CJK_WEIGHT = 2.5;
const MAX_ELEMENTS = 30_000;

function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) n++;
  return n;
}

interface Frame {
  next: Node | null;
  block: Element;
  inLink: boolean;
}

export function measureText(document: Document): TextDensity {
  const body = document.body;
  const result: TextDensity = { chars: 0, longestBlock: 0 };
  if (!body) return result;
  const blocks = new Map<Element, number>();
  // An explicit stack, not recursion: pages nest thousands of levels deep.
  const stack: Frame[] = [{ next: body.firstChild, block: body, inLink: false }];
  let elements = 0;
  while (stack.length > 0 && elements < MAX_ELEMENTS) {
    const frame = stack[stack.length - 1] as Frame;
    const node = frame.next;
    if (!node) {
      stack.pop();
      continue;
    }
    frame.next = node.nextSibling;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      let length = visibleLength(value);
      if (length === 0) continue;
      if (CJK.test(value)) length = Math.round(length * CJK_WEIGHT);
      result.chars += length;
      if (frame.inLink) continue;
      const inBlock = (blocks.get(frame.block) ?? 0) + length;
      blocks.set(frame.block, inBlock);
      if (inBlock > result.longestBlock) result.longestBlock = inBlock;
    } else if (node.nodeType === 1) {
      elements += 1;
      const element = node as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIP.has(tag) || !element.firstChild) continue;
      stack.push({
        next: element.firstChild,
        block: INLINE.has(tag) ? frame.block : element,
        inLink: frame.inLink || tag === 'A',
      });
    }
  }
  return result;
}
