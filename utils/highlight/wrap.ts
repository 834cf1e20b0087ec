/**
 * Fallback painter for browsers without the CSS Custom Highlight API: wraps each mention's
 * text in a <news-tracker-mark> element. This does change the page's DOM, so it is used only
 * where the API is missing, and it writes in one batch (flush) that the caller keeps its
 * mutation observer away from.
 *
 * A mention's range points into text nodes that wrapping splits, so pending mentions are
 * wrapped from the last to the first: splitting a node never moves text before the split.
 */
import { type Painter, safeColor } from './paint';
import type { FoundMention } from './scan';

export const MARK_TAG = 'news-tracker-mark';

interface Piece {
  node: Text;
  start: number;
  end: number;
}

/** The text-node pieces a mention covers, in document order. */
function piecesOf(mention: FoundMention): Piece[] {
  const start = mention.startContainer;
  const end = mention.endContainer;
  if (start === end) return [{ node: start, start: mention.startOffset, end: mention.endOffset }];
  const pieces: Piece[] = [{ node: start, start: mention.startOffset, end: start.data.length }];
  const walker = start.ownerDocument.createTreeWalker(start.ownerDocument, NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  for (let node = walker.nextNode(); node && node !== end; node = walker.nextNode()) {
    const text = node as Text;
    pieces.push({ node: text, start: 0, end: text.data.length });
  }
  pieces.push({ node: end, start: 0, end: mention.endOffset });
  return pieces;
}

function compareMentions(a: FoundMention, b: FoundMention): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  return a.startContainer.compareDocumentPosition(b.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export function createWrapPainter(doc: Document): Painter {
  const pending: { mention: FoundMention; color: string }[] = [];
  const wrappers = new Map<FoundMention, HTMLElement[]>();
  let focused: FoundMention | null = null;

  const unwrap = (mark: HTMLElement) => {
    const parent = mark.parentNode;
    if (!parent) return;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  };
  const styleFocus = (mention: FoundMention | null, on: boolean) => {
    for (const mark of (mention && wrappers.get(mention)) ?? []) mark.style.textDecoration = on ? 'underline 2px' : '';
  };

  return {
    changesDom: true,
    add(mention, color) {
      pending.push({ mention, color: safeColor(color) });
    },
    remove(mention) {
      for (const mark of wrappers.get(mention) ?? []) unwrap(mark);
      wrappers.delete(mention);
    },
    flush() {
      pending.sort((a, b) => compareMentions(b.mention, a.mention));
      for (const { mention, color } of pending.splice(0)) {
        const marks: HTMLElement[] = [];
        for (const piece of piecesOf(mention).reverse()) {
          if (piece.end <= piece.start || !piece.node.parentNode) continue;
          const tail = piece.node.splitText(piece.start);
          tail.splitText(piece.end - piece.start);
          const mark = doc.createElement(MARK_TAG);
          mark.style.backgroundColor = color;
          mark.style.color = '#000';
          tail.replaceWith(mark);
          mark.append(tail);
          marks.unshift(mark);
        }
        wrappers.set(mention, marks);
      }
    },
    focus(mention) {
      styleFocus(focused, false);
      focused = mention;
      styleFocus(mention, true);
    },
    clear() {
      pending.length = 0;
      for (const marks of wrappers.values()) for (const mark of marks) unwrap(mark);
      wrappers.clear();
      focused = null;
    },
  };
}
