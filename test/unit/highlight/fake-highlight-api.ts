/**
 * The CSS Custom Highlight API and an IntersectionObserver the test drives, for happy-dom, which
 * has neither: the test says which elements are near the viewport, as a scroll would.
 */
import { vi } from 'vitest';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

class FakeObserver {
  readonly targets = new Set<Element>();
  constructor(readonly callback: IntersectionObserverCallback) {
    observers.push(this);
  }
  private fresh: Element[] = [];
  /** Like a browser's, new targets are reported together at the next frame, near the viewport or not. */
  observe(target: Element) {
    this.targets.add(target);
    if (this.fresh.push(target) > 1) return;
    requestAnimationFrame(() => {
      const entries = this.fresh
        .splice(0)
        .filter((e) => this.targets.has(e))
        .map((e) => ({ target: e, isIntersecting: viewport.has(e) }) as IntersectionObserverEntry);
      if (entries.length > 0) this.callback(entries, this as unknown as IntersectionObserver);
    });
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
}

const observers: FakeObserver[] = [];
/** The elements the test has scrolled near the viewport. */
const viewport = new Set<Element>();

export function installFakeHighlightApi() {
  const registry = new Map<string, FakeHighlight>();
  observers.length = 0;
  viewport.clear();
  vi.stubGlobal('CSS', { escape: CSS.escape, highlights: registry });
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('IntersectionObserver', FakeObserver);

  /** Tells the observers that `elements` came near the viewport (or, with `near` false, left it). */
  const scroll = (elements: readonly Element[], near = true) => {
    for (const e of elements) near ? viewport.add(e) : viewport.delete(e);
    for (const observer of observers) {
      const entries = elements
        .filter((e) => observer.targets.has(e))
        .map((target) => ({ target, isIntersecting: near }) as IntersectionObserverEntry);
      if (entries.length > 0) observer.callback(entries, observer as unknown as IntersectionObserver);
    }
  };
  /** The text of every range registered in a mention colour (not the panel's focus), in document order. */
  const painted = () =>
    [...registry.values()]
      .filter((h) => h.priority === 0)
      .flatMap((h) => [...h])
      .map((r) => r as Range)
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((r) => r.toString());
  /** The text of the ranges in the panel's focus highlight. */
  const focused = () =>
    [...registry.values()].filter((h) => h.priority === 1).flatMap((h) => [...h].map((r) => (r as Range).toString()));
  /** How many ranges are registered in mention colours. */
  const paintedCount = () => [...registry.values()].reduce((n, h) => n + (h.priority === 0 ? h.size : 0), 0);
  return { registry, scroll, painted, paintedCount, focused };
}

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
