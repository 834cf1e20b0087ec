/**
 * The extension's own matching and highlighting code, bundled into the benchmark's pages
 * (test/support/bundle.ts) as the global `NewsTrackerBench`: the same modules the content script
 * runs, driven the way the content session drives them.
 */
import type { TrackedEntity } from '@/utils/entities';
import { createPageHighlights, type PageHighlights } from '@/utils/highlight/page-highlights';
import { createVisibilityCheck, segmentsUnder } from '@/utils/highlight/scan';
import { createSlicer } from '@/utils/highlight/slicer';
import { compileMatcherSliced, type Matcher } from '@/utils/match/matcher';

let entities: TrackedEntity[] = [];
let matcher: Matcher | null = null;
let highlights: PageHighlights | null = null;

/**
 * Compiles the tracked list in slices, as the content script does on each page that needs it;
 * returns how long that took in all, and its longest slice.
 */
export async function compile(list: TrackedEntity[]): Promise<{ ms: number; longestTaskMs: number }> {
  const slicer = createSlicer();
  const started = performance.now();
  entities = list;
  matcher = await compileMatcherSliced(list, slicer);
  return { ms: performance.now() - started, longestTaskMs: slicer.longestSlice() };
}

export interface HighlightRun {
  /** From the start of the scan to every highlight registered. */
  ms: number;
  /** The browser's own work after that: until the next frame with the highlights is ready. */
  frameMs: number;
  /** The longest stretch of our work without giving the page a turn. */
  longestTaskMs: number;
  mentions: number;
  /** Ranges in the page's highlight registry, counted from CSS.highlights itself. */
  registered: number;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export async function highlight(): Promise<HighlightRun> {
  if (!matcher) throw new Error('compile() first');
  if (highlights) {
    // Removing the last run's highlights restyles the page: let that happen before timing.
    clear();
    await nextFrame();
  }
  highlights = createPageHighlights(document, matcher, entities, { paint: true });
  const slicer = createSlicer();
  // Marks for the benchmark's DevTools trace, which tells our tasks from the browser's frame after.
  performance.mark('news-tracker-scan-start');
  const started = performance.now();
  await highlights.scan([document.body], slicer);
  const ms = performance.now() - started;
  const longestTaskMs = slicer.longestSlice();
  performance.mark('news-tracker-scan-end');
  const registeredAt = performance.now();
  await nextFrame();
  const frameMs = performance.now() - registeredAt;
  performance.mark('news-tracker-frame-end');
  let registered = 0;
  for (const h of CSS.highlights.values()) registered += h.size;
  return { ms, frameMs, longestTaskMs, mentions: highlights.mentions.length, registered };
}

export interface CheckPayload {
  /** Every text run the scan reads, with where each of its text nodes starts and whether it is shown. */
  segments: { text: string; offsets: number[]; shown: boolean[] }[];
  /** What the last highlight() found: [run, start, end, entityId], in the run's own offsets. */
  found: [number, number, number, string][];
}

/** What the benchmark needs to hold the highlights against the slow reference matcher. */
export function checkPayload(): CheckPayload {
  if (!highlights) throw new Error('highlight() first');
  const isVisible = createVisibilityCheck();
  const where = new Map<Node, [number, number]>();
  const segments: CheckPayload['segments'] = [];
  for (const segment of segmentsUnder([document.body], {})) {
    for (const [i, node] of segment.nodes.entries()) where.set(node, [segments.length, segment.offsets[i] as number]);
    segments.push({
      text: segment.text,
      offsets: segment.offsets,
      shown: segment.nodes.map((n) => isVisible(n.parentElement)),
    });
  }
  const found: CheckPayload['found'] = highlights.mentions.map((m) => {
    const [run, startBase] = where.get(m.range.startContainer) ?? [-1, 0];
    const [endRun, endBase] = where.get(m.range.endContainer) ?? [-2, 0];
    if (run !== endRun) throw new Error('A highlight spans two text runs.');
    return [run, startBase + m.range.startOffset, endBase + m.range.endOffset, m.entityId];
  });
  return { segments, found };
}

export function clear(): void {
  highlights?.clear();
  highlights = null;
}
