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
  /** Ranges in the page's highlight registry after that frame, counted from CSS.highlights itself. */
  registered: number;
  /** Mentions in the viewport, which must be painted first. */
  inViewport: number;
  /**
   * From the start of the scan to the frame that paints every mention in the viewport (the first
   * animation frame at which all of them are registered). NaN when that never happened.
   */
  firstViewportMs: number;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Where a range starts, as one string per text node and offset (nodes numbered as first met). */
function keyer() {
  const ids = new Map<Node, number>();
  return (node: Node, offset: number) => {
    const id = ids.get(node) ?? ids.size;
    ids.set(node, id);
    return `${id}:${offset}`;
  };
}

/**
 * Notes, at every animation frame from now until stopped, which ranges the registry holds: the
 * frame then paints them. Only mentions near the screen are registered, so each look is short.
 */
function watchRegistry(key: (node: Node, offset: number) => string) {
  const frames: { at: number; registered: Set<string> }[] = [];
  let running = true;
  const look = () => {
    if (!running) return;
    const registered = new Set<string>();
    for (const h of CSS.highlights.values()) for (const r of h) registered.add(key(r.startContainer, r.startOffset));
    frames.push({ at: performance.now(), registered });
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  return {
    frames,
    stop: () => {
      running = false;
    },
  };
}

/**
 * The part of a range's box a reader can see: clipped by the viewport and by every ancestor that
 * clips its overflow (a collapsed menu holds text inside the viewport that nobody sees).
 */
function visibleBox(range: Range) {
  const r = range.getBoundingClientRect();
  const box = {
    top: Math.max(r.top, 0),
    left: Math.max(r.left, 0),
    bottom: Math.min(r.bottom, innerHeight),
    right: Math.min(r.right, innerWidth),
  };
  for (let e = range.startContainer.parentElement; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const clip = e.getBoundingClientRect();
    box.top = Math.max(box.top, clip.top);
    box.left = Math.max(box.left, clip.left);
    box.bottom = Math.min(box.bottom, clip.bottom);
    box.right = Math.min(box.right, clip.right);
  }
  return box;
}

/** The mentions a reader can see in the viewport, by where they start. */
function mentionsInViewport(found: PageHighlights, key: (node: Node, offset: number) => string): Set<string> {
  const keys = new Set<string>();
  for (const m of found.mentions) {
    const range = document.createRange();
    range.setStart(m.startContainer, m.startOffset);
    range.setEnd(m.endContainer, m.endOffset);
    const box = visibleBox(range);
    if (box.bottom > box.top && box.right > box.left) {
      keys.add(key(m.startContainer, m.startOffset));
    }
  }
  return keys;
}

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
  const key = keyer();
  const registry = watchRegistry(key);
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
  const inViewport = mentionsInViewport(highlights, key);
  const painted = () => registry.frames.find((f) => [...inViewport].every((k) => f.registered.has(k)));
  // A viewport painted late (after the scan) still counts, up to a few seconds.
  for (let waited = 0; !painted() && waited < 3000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  registry.stop();
  const firstViewportMs = (painted()?.at ?? Number.NaN) - started;
  const mentions = highlights.mentions.length;
  return { ms, frameMs, longestTaskMs, mentions, registered, inViewport: inViewport.size, firstViewportMs };
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
    const [run, startBase] = where.get(m.startContainer) ?? [-1, 0];
    const [endRun, endBase] = where.get(m.endContainer) ?? [-2, 0];
    if (run !== endRun) throw new Error('A highlight spans two text runs.');
    return [run, startBase + m.startOffset, endBase + m.endOffset, m.entityId];
  });
  return { segments, found };
}

export function clear(): void {
  highlights?.clear();
  highlights = null;
}
