/**
 * Finds mentions in the DOM: walks text runs (segments.ts), matches each with the compiled
 * matcher, and records every mention by the exact text nodes and offsets it covers. Works in
 * time slices (slicer.ts), looking at the clock between text runs, every 2,048 nodes walked,
 * every 32,768 characters inside a long run and every 256 mentions, and stops as soon as its
 * signal is aborted.
 *
 * A mention is a plain record, not a range: a huge page holds tens of thousands of them and only
 * those on screen are painted, so a range object is made (mentionRange) only for those. Ranges
 * are StaticRanges where available: the page's own DOM operations get slower with every live
 * Range in the document, and changed text is rescanned anyway.
 */
import type { Matcher, Mention } from '../match/matcher';
import { isInsideSkipped, type TextSegment, textSegmentsAndPauses, type WalkOptions, withoutPauses } from './segments';
import { afterRendering, type Slicer } from './slicer';

/** Where a mention is, in the fields of a StaticRange (so it can be given to `new StaticRange` as it is). */
export interface FoundMention {
  entityId: string;
  /** The block the mention was found in: a rescan of that block replaces it. */
  container: Node;
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
}

export interface ScanOptions extends WalkOptions {
  slicer: Slicer;
  signal?: AbortSignal;
  /** The painter's count of style sheet changes (Painter.styleChanges), when it makes any. */
  styleChanges?: () => number;
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

/** The mention of `entityId` at characters `start` to `end` of a text run. */
export function mentionAt(segment: TextSegment, entityId: string, start: number, end: number): FoundMention {
  const first = nodeIndexAt(segment.offsets, start);
  const last = nodeIndexAt(segment.offsets, end - 1);
  return {
    entityId,
    container: segment.container,
    startContainer: segment.nodes[first] as Text,
    startOffset: start - (segment.offsets[first] as number),
    endContainer: segment.nodes[last] as Text,
    endOffset: end - (segment.offsets[last] as number),
  };
}

const hasStaticRange = typeof StaticRange === 'function';

export function mentionRange(mention: FoundMention): AbstractRange {
  if (hasStaticRange) return new StaticRange(mention);
  const range = mention.startContainer.ownerDocument.createRange();
  range.setStart(mention.startContainer, mention.startOffset);
  range.setEnd(mention.endContainer, mention.endOffset);
  return range;
}

/**
 * Text hidden with CSS is not highlighted; asked only for elements that hold a mention. A document
 * whose root has no box is not laid out at all (Chromium leaves a cross-origin frame unrendered
 * until it has been shown), so nothing in it can be told hidden: its text counts as visible, and
 * is painted only once the frame is on the screen (near-viewport.ts).
 */
export function createVisibilityCheck(): (element: Element | null) => boolean {
  const known = new WeakMap<Element, boolean>();
  return (element) => {
    if (!element) return false;
    if (typeof element.checkVisibility !== 'function') return true;
    let visible = known.get(element);
    if (visible === undefined) {
      visible =
        element.checkVisibility({ visibilityProperty: true }) ||
        element.ownerDocument.documentElement?.checkVisibility() === false;
      known.set(element, visible);
    }
    return visible;
  };
}

/** Text runs under `roots` and the open shadow roots inside them (see segmentsAndPausesUnder). */
export function segmentsUnder(roots: readonly Node[], options: WalkOptions): Generator<TextSegment, boolean> {
  return withoutPauses(segmentsAndPausesUnder(roots, options));
}

/**
 * Text runs under `roots` (a document, elements or shadow roots) and under every open shadow
 * root found inside them, in that order, with the walk's pause points (null); a root listed
 * twice, or also found inside another, is walked once. Returns false when the page changed under
 * a walk so that part of it was missed.
 */
function* segmentsAndPausesUnder(roots: readonly Node[], options: WalkOptions): Generator<TextSegment | null, boolean> {
  const pending = [...roots];
  const walked = new Set<Node>();
  const walk: WalkOptions = {
    ...options,
    onShadowRoot(root) {
      pending.push(root);
      options.onShadowRoot?.(root);
    },
  };
  let complete = true;
  for (let i = 0; i < pending.length; i++) {
    const root = pending[i] as Node;
    if (walked.has(root)) continue;
    walked.add(root);
    // A block rescanned for late content may sit inside an editor or a hidden element.
    if (i < roots.length && isInsideSkipped(root, options)) continue;
    if (!(yield* textSegmentsAndPauses(root, walk))) complete = false;
  }
  return complete;
}

/** Characters matched between two looks at the clock: well under a millisecond of work. */
const PIECE = 1 << 15;

/**
 * Scans `roots`, pausing whenever the slicer says the page has waited long enough. Resolves to
 * false when the page moved or removed what the walk stood on during a pause (see textSegments).
 */
export async function scanForMentions(
  roots: readonly Node[],
  matcher: Matcher,
  options: ScanOptions,
): Promise<boolean> {
  const { slicer, signal } = options;
  const isVisible = createVisibilityCheck();
  const pause = async (wait?: () => Promise<void>) => {
    await slicer.pause(wait);
    return signal?.aborted === true;
  };
  const { styleChanges } = options;
  let applied = styleChanges?.() ?? 0;
  /**
   * Before checking visibility: after the painter changed the page's style sheets, waits for the
   * browser to apply the change in its own frame. Checked at once, on a huge page, the check
   * would make the browser restyle the whole page inside this task.
   */
  const settled = async () => {
    if (!styleChanges || styleChanges() === applied) return false;
    if (await pause(afterRendering)) return true;
    applied = styleChanges();
    return false;
  };
  const segments = segmentsAndPausesUnder(roots, options);
  for (let next = segments.next(); ; next = segments.next()) {
    if (next.done) return next.value;
    const segment = next.value;
    if (segment === null) {
      if (slicer.due() && (await pause())) return true;
      continue;
    }
    let mentions: Mention[];
    if (segment.text.length <= PIECE) mentions = matcher.findMentions(segment.text);
    else {
      const search = matcher.search(segment.text);
      while (!search.advance(PIECE)) if (slicer.due() && (await pause())) return true;
      mentions = search.mentions();
    }
    if (mentions.length > 0 && (await settled())) return true;
    for (const [i, m] of mentions.entries()) {
      const mention = mentionAt(segment, m.entityId, m.start, m.end);
      if (isVisible(mention.startContainer.parentElement)) options.onMention(mention);
      if ((i & 255) === 255 && slicer.due() && (await pause())) return true;
    }
    if (slicer.due() && (await pause())) return true;
  }
}
