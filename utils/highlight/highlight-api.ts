/**
 * Painter on the CSS Custom Highlight API: one Highlight per colour, styled by rules scoped to
 * the elements of the mentions painted (highlight-rules.ts). The page's DOM is not changed.
 *
 * Only mentions on or near the screen are painted: every mention is found and counted, but the
 * browser pays for each registered range in every frame that follows a change to the page, and
 * for each rule each time the rules change, so a page of forty thousand mentions would stall.
 * An IntersectionObserver watches the element around each mention; as elements come within a
 * screen's height of the viewport their mentions are painted, and as they leave they are taken
 * off again. However many come at once, at most RANGES_PER_FRAME ranges are registered in one
 * frame; the rest wait for the next. The mention the panel steps to is painted at once, before
 * the panel scrolls to it.
 */
import { createHighlightRules } from './highlight-rules';
import { opaqueName, type Painter, safeColor } from './paint';
import { type FoundMention, mentionRange } from './scan';

const FOCUS_STYLE = 'background-color: #ff9800; color: #000; text-decoration: underline 2px;';
/** Ranges registered in one frame at most: a screen of dense text holds a few hundred. */
const RANGES_PER_FRAME = 400;
/** How far beyond the viewport mentions are painted ahead of the reader: a screen's height each way. */
const NEAR_VIEWPORT = '100% 0px';

/**
 * The element an observer watches for a mention: the block it was found in (a shadow root's host,
 * a document's body, where its text sits right inside one). Fixed when the mention is found, so
 * a mention is always filed under the same element, however the page moves its text since.
 */
function watchedElement(m: FoundMention): Element | null {
  const block = m.container;
  if (block.nodeType === Node.ELEMENT_NODE) return block as Element;
  const { host, body, documentElement } = block as Partial<ShadowRoot & Document>;
  return host ?? body ?? documentElement ?? null;
}

/** The elements a mention's style must reach: those holding its first and last characters. */
function styledElements(m: FoundMention): Element[] {
  const first = m.startContainer.parentElement;
  const last = m.endContainer.parentElement;
  const elements = first ? [first] : [];
  if (last && last !== first) elements.push(last);
  return elements;
}

interface Painted {
  range: AbstractRange;
  name: string;
  elements: Element[];
}

export function createHighlightPainter(): Painter {
  // Written to, never iterated: a content script in Firefox sees the page's registry and its
  // Highlights through Xray wrappers, which refuse to iterate them ("Xray wrapping of iterators
  // not supported"), so this painter keeps its own map of what it registered.
  const registry = CSS.highlights;
  const rules = createHighlightRules();
  const colors = new Map<string, { name: string; highlight: Highlight }>();
  const colorOf = new Map<string, string>();
  /** Every mention not yet taken off the page, by the element watched for it. */
  const byElement = new Map<Element, FoundMention[]>();
  const painted = new Map<FoundMention, Painted>();
  /** Elements near the viewport, as the observer last said. */
  const near = new Set<Element>();
  /** Elements whose mentions are waiting to be painted. */
  const waiting = new Set<Element>();
  let frame: number | null = null;
  const focusName = opaqueName();
  rules.define(focusName, FOCUS_STYLE);
  let focused: { mention: FoundMention; painted: Painted } | null = null;
  let focusHighlight: Highlight | null = null;

  const highlightOf = (color: string) => {
    let entry = colors.get(color);
    if (!entry) {
      entry = { name: opaqueName(), highlight: new Highlight() };
      colors.set(color, entry);
      rules.define(entry.name, `background-color: ${color}; color: #000;`);
      registry.set(entry.name, entry.highlight);
    }
    return entry;
  };
  const paint = (mention: FoundMention) => {
    if (painted.has(mention)) return;
    const { name, highlight } = highlightOf(colorOf.get(mention.entityId) ?? safeColor(''));
    const entry = { range: mentionRange(mention), name, elements: styledElements(mention) };
    highlight.add(entry.range);
    rules.add(name, entry.elements);
    painted.set(mention, entry);
  };
  const unpaint = (mention: FoundMention) => {
    const entry = painted.get(mention);
    if (!entry) return;
    colors.get(colorOf.get(mention.entityId) ?? '')?.highlight.delete(entry.range);
    rules.remove(entry.name, entry.elements);
    painted.delete(mention);
  };
  /** Paints waiting elements until the frame's share of ranges is used up; the rest go in the next frame. */
  const paintWaiting = () => {
    frame = null;
    let budget = RANGES_PER_FRAME;
    for (const element of waiting) {
      if (budget <= 0) break;
      waiting.delete(element);
      for (const mention of byElement.get(element) ?? []) {
        if (!painted.has(mention)) budget--;
        paint(mention);
      }
    }
    rules.write();
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
          for (const mention of byElement.get(target) ?? []) if (mention !== focused?.mention) unpaint(mention);
        }
      }
      // A frame already waiting has this frame's share of ranges to register: these wait behind it.
      if (frame === null) paintWaiting();
    },
    { rootMargin: NEAR_VIEWPORT },
  );

  return {
    changesDom: false,
    add(mention, color) {
      const element = watchedElement(mention);
      if (!element) return;
      colorOf.set(mention.entityId, safeColor(color));
      const mentions = byElement.get(element);
      if (mentions) mentions.push(mention);
      else {
        byElement.set(element, [mention]);
        observer.observe(element);
      }
      if (near.has(element) && !waiting.has(element)) {
        waiting.add(element);
        frame ??= requestAnimationFrame(paintWaiting);
      }
    },
    remove(mention) {
      const element = watchedElement(mention);
      if (focused?.mention === mention) this.focus(null);
      unpaint(mention);
      const mentions = element ? byElement.get(element) : undefined;
      const at = mentions?.indexOf(mention) ?? -1;
      if (!element || !mentions || at === -1) return;
      mentions.splice(at, 1);
      if (mentions.length > 0) return;
      byElement.delete(element);
      near.delete(element);
      waiting.delete(element);
      observer.unobserve(element);
    },
    // Mentions are painted as they come near the viewport; nothing waits for the end of a scan.
    flush() {
      rules.write();
    },
    focus(mention) {
      if (focused) {
        rules.remove(focusName, focused.painted.elements);
        // Painted only because the panel stepped to it: off again once the reader has scrolled away.
        const element = watchedElement(focused.mention);
        if (element && !near.has(element)) unpaint(focused.mention);
      }
      focusHighlight?.clear();
      focused = null;
      if (mention) {
        paint(mention);
        const entry = painted.get(mention) as Painted;
        focused = { mention, painted: entry };
        if (!focusHighlight) {
          focusHighlight = new Highlight();
          focusHighlight.priority = 1;
          registry.set(focusName, focusHighlight);
        }
        focusHighlight.add(entry.range);
        rules.add(focusName, entry.elements);
      }
      rules.write();
    },
    clear() {
      observer.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      for (const { name } of colors.values()) registry.delete(name);
      registry.delete(focusName);
      rules.clear();
      colors.clear();
      colorOf.clear();
      byElement.clear();
      painted.clear();
      near.clear();
      waiting.clear();
      focused = null;
      focusHighlight = null;
    },
  };
}
