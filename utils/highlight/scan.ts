/**
 * Finds mentions in the DOM: walks text runs (segments.ts), matches each with the compiled
 * matcher, and turns every mention into a range over the exact text nodes it covers. Works in
 * time slices (slicer.ts) and stops as soon as its signal is aborted.
 *
 * Ranges are StaticRanges where available: the page's own DOM operations get slower with every
 * live Range in the document, and changed text is rescanned anyway.
 */
import type { Matcher } from '../match/matcher';
import { type TextSegment, textSegments, type WalkOptions } from './segments';
import type { Slicer } from './slicer';

export interface FoundMention {
  entityId: string;
  range: AbstractRange;
  /** The block the mention was found in: a rescan of that block replaces it. */
  container: Node;
}

export interface ScanOptions extends WalkOptions {
  slicer: Slicer;
  signal?: AbortSignal;
  onMention(mention: FoundMention): void;
}

/** Index of the node holding character `offset` (binary search over node start offsets). */
function nodeIndexAt(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

const hasStaticRange = typeof StaticRange === 'function';

export function rangeOf(segment: TextSegment, start: number, end: number): AbstractRange {
  const first = nodeIndexAt(segment.offsets, start);
  const last = nodeIndexAt(segment.offsets, end - 1);
  const startContainer = segment.nodes[first] as Text;
  const endContainer = segment.nodes[last] as Text;
  const startOffset = start - (segment.offsets[first] as number);
  const endOffset = end - (segment.offsets[last] as number);
  if (hasStaticRange) return new StaticRange({ startContainer, startOffset, endContainer, endOffset });
  const range = startContainer.ownerDocument.createRange();
  range.setStart(startContainer, startOffset);
  range.setEnd(endContainer, endOffset);
  return range;
}

/** Text hidden with CSS is not highlighted; asked only for elements that hold a mention. */
function createVisibilityCheck(): (element: Element | null) => boolean {
  const known = new WeakMap<Element, boolean>();
  return (element) => {
    if (!element) return false;
    if (typeof element.checkVisibility !== 'function') return true;
    let visible = known.get(element);
    if (visible === undefined) {
      visible = element.checkVisibility({ visibilityProperty: true });
      known.set(element, visible);
    }
    return visible;
  };
}

/** Scans `roots` (a document, elements or shadow roots), including open shadow roots found inside. */
export async function scanForMentions(roots: readonly Node[], matcher: Matcher, options: ScanOptions): Promise<void> {
  const { slicer, signal } = options;
  const pending = [...roots];
  const isVisible = createVisibilityCheck();
  const walk: WalkOptions = {
    ...options,
    onShadowRoot(root) {
      pending.push(root);
      options.onShadowRoot?.(root);
    },
  };
  for (let root = pending.shift(); root; root = pending.shift()) {
    for (const segment of textSegments(root, walk)) {
      for (const m of matcher.findMentions(segment.text)) {
        const range = rangeOf(segment, m.start, m.end);
        if (!isVisible((range.startContainer as Text).parentElement)) continue;
        options.onMention({ entityId: m.entityId, range, container: segment.container });
      }
      if (slicer.due()) {
        await slicer.pause();
        if (signal?.aborted) return;
      }
    }
  }
}
