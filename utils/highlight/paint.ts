/**
 * Paints mentions with the CSS Custom Highlight API: the page's DOM is not changed at all.
 * Highlight names are random per page load so a page learns nothing from them.
 */
import type { TrackedEntity } from '../entities';
import type { Matcher } from '../match/matcher';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'TEMPLATE']);

export interface Painted {
  /** Number of ranges painted per entity id. */
  counts: Map<string, number>;
  clear(): void;
}

function opaqueName(): string {
  return `h${crypto.randomUUID().replaceAll('-', '')}`;
}

export function highlightMentions(root: Element, matcher: Matcher, entities: readonly TrackedEntity[]): Painted {
  const counts = new Map<string, number>();
  const supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  const colorOf = new Map(entities.map((e) => [e.id, e.color]));
  const byColor = new Map<string, Range[]>();
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && SKIP.has(node.parentElement.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const mention of matcher.findMentions(node.nodeValue ?? '')) {
      counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
      const range = doc.createRange();
      range.setStart(node, mention.start);
      range.setEnd(node, mention.end);
      const color = colorOf.get(mention.entityId) ?? '#ffd54f';
      byColor.set(color, [...(byColor.get(color) ?? []), range]);
    }
  }
  if (!supported) return { counts, clear() {} };
  const names: string[] = [];
  const sheet = new CSSStyleSheet();
  for (const [color, ranges] of byColor) {
    const name = opaqueName();
    names.push(name);
    CSS.highlights.set(name, new Highlight(...ranges));
    sheet.insertRule(`::highlight(${name}) { background-color: ${color}; color: #000; }`);
  }
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return {
    counts,
    clear() {
      for (const name of names) CSS.highlights.delete(name);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
