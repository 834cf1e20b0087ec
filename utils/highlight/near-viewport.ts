/**
 * Which of the elements holding mentions are on or near the screen, for the Custom Highlight
 * painter (highlight-api.ts): an IntersectionObserver watches each, and as elements come within
 * a screen's height of the viewport they are handed to `paint`, a frame's share at a time, and
 * as they leave to `unpaint`.
 *
 * A frame's share: however many elements come near at once (a jump to the end of a huge page),
 * at most RANGES_PER_FRAME ranges are registered in one frame, since the browser pays for each
 * in the frame that follows; the rest wait for the next frame.
 */

/** Ranges registered in one frame at most: a screen of dense text holds a few hundred. */
const RANGES_PER_FRAME = 400;
/** How far beyond the viewport mentions are painted ahead of the reader: a screen's height each way. */
const NEAR_VIEWPORT = '100% 0px';

export interface NearViewport {
  /** Starts watching `element` (once; it is painted when the observer first finds it near). */
  watch(element: Element): void;
  unwatch(element: Element): void;
  /** Whether the observer last found `element` near the viewport. */
  isNear(element: Element): boolean;
  /** Paints `element` again at the next frame if it is near (it holds a mention found since). */
  repaint(element: Element): void;
  disconnect(): void;
}

export interface ElementPainter {
  /** Paints an element's mentions and says how many ranges that registered. */
  paint(element: Element): number;
  unpaint(element: Element): void;
  /** Called after each frame's painting, to apply it in one go. */
  painted(): void;
}

export function watchNearViewport(painter: ElementPainter): NearViewport {
  const near = new Set<Element>();
  /** Elements near the viewport whose mentions wait to be painted. */
  const waiting = new Set<Element>();
  let frame: number | null = null;

  const paintWaiting = () => {
    frame = null;
    let budget = RANGES_PER_FRAME;
    for (const element of waiting) {
      if (budget <= 0) break;
      waiting.delete(element);
      budget -= painter.paint(element);
    }
    painter.painted();
    if (waiting.size > 0) frame = requestAnimationFrame(paintWaiting);
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        if (isIntersecting) {
          near.add(target);
          waiting.add(target);
        } else {
          near.delete(target);
          waiting.delete(target);
          painter.unpaint(target);
        }
      }
      // A frame already waiting has this frame's share of ranges to register: these wait behind it.
      if (frame === null) paintWaiting();
    },
    { rootMargin: NEAR_VIEWPORT },
  );

  return {
    watch: (element) => observer.observe(element),
    unwatch(element) {
      near.delete(element);
      waiting.delete(element);
      observer.unobserve(element);
    },
    isNear: (element) => near.has(element),
    repaint(element) {
      if (!near.has(element) || waiting.has(element)) return;
      waiting.add(element);
      frame ??= requestAnimationFrame(paintWaiting);
    },
    disconnect() {
      observer.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      near.clear();
      waiting.clear();
    },
  };
}
