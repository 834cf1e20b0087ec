/**
 * Painter on the CSS Custom Highlight API: one Highlight per colour, styled by rules scoped to
 * the elements of the mentions painted (highlight-rules.ts). The page's DOM is not changed.
 *
 * Only mentions on or near the screen are painted: every mention is found and counted, but the
 * browser pays for each registered range in every frame that follows a change to the page, and
 * for each rule each time the rules change, so a page of forty thousand mentions would stall.
 * Mentions are filed under the element around them, and near-viewport.ts says which of those
 * elements are near the screen, a frame's share at a time. The mention the panel steps to is
 * painted at once, before the panel scrolls to it.
 */
import { createHighlightRules } from './highlight-rules';
import { watchNearViewport } from './near-viewport';
import { opaqueName, type Painter, safeColor } from './paint';
import { type FoundMention, mentionRange } from './scan';

const FOCUS_STYLE = 'background-color: #ff9800; color: #000; text-decoration: underline 2px;';

/**
 * The element watched for a mention: the block it was found in (a shadow root's host, a
 * document's body, where its text sits right inside one). Fixed when the mention is found, so
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

/** The ranges registered, one Highlight per colour, with the rules that style them. */
function createRangeRegistry() {
  // Written to, never iterated: a content script in Firefox sees the page's registry and its
  // Highlights through Xray wrappers, which refuse to iterate them ("Xray wrapping of iterators
  // not supported"), so this painter keeps its own map of what it registered.
  const registry = CSS.highlights;
  const rules = createHighlightRules();
  const colors = new Map<string, { name: string; highlight: Highlight }>();
  const colorOf = new Map<string, string>();
  const painted = new Map<FoundMention, Painted>();

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
  return {
    registry,
    rules,
    painted,
    setColor: (entityId: string, color: string) => void colorOf.set(entityId, safeColor(color)),
    /** Registers a mention's range unless it is already; returns what is registered for it. */
    paint(mention: FoundMention): Painted {
      const known = painted.get(mention);
      if (known) return known;
      const { name, highlight } = highlightOf(colorOf.get(mention.entityId) ?? safeColor(''));
      const entry = { range: mentionRange(mention), name, elements: styledElements(mention) };
      highlight.add(entry.range);
      rules.add(name, entry.elements);
      painted.set(mention, entry);
      return entry;
    },
    unpaint(mention: FoundMention) {
      const entry = painted.get(mention);
      if (!entry) return;
      colors.get(colorOf.get(mention.entityId) ?? '')?.highlight.delete(entry.range);
      rules.remove(entry.name, entry.elements);
      painted.delete(mention);
    },
    clear() {
      for (const { name } of colors.values()) registry.delete(name);
      rules.clear();
      colors.clear();
      colorOf.clear();
      painted.clear();
    },
  };
}

export function createHighlightPainter(): Painter {
  const ranges = createRangeRegistry();
  const { registry, rules } = ranges;
  /** Every mention not yet taken off the page, by the element watched for it. */
  const byElement = new Map<Element, FoundMention[]>();
  const focusName = opaqueName();
  rules.define(focusName, FOCUS_STYLE);
  let focused: { mention: FoundMention; painted: Painted } | null = null;
  let focusHighlight: Highlight | null = null;

  const viewport = watchNearViewport({
    paint(element) {
      let added = 0;
      for (const mention of byElement.get(element) ?? []) {
        if (!ranges.painted.has(mention)) added++;
        ranges.paint(mention);
      }
      return added;
    },
    unpaint(element) {
      for (const mention of byElement.get(element) ?? []) if (mention !== focused?.mention) ranges.unpaint(mention);
    },
    painted: () => rules.write(),
  });

  return {
    changesDom: false,
    styleChanges: () => rules.writes(),
    add(mention, color) {
      const element = watchedElement(mention);
      if (!element) return;
      ranges.setColor(mention.entityId, color);
      const mentions = byElement.get(element);
      if (mentions) mentions.push(mention);
      else {
        byElement.set(element, [mention]);
        viewport.watch(element);
      }
      viewport.repaint(element);
    },
    remove(mention) {
      const element = watchedElement(mention);
      if (focused?.mention === mention) this.focus(null);
      ranges.unpaint(mention);
      const mentions = element ? byElement.get(element) : undefined;
      const at = mentions?.indexOf(mention) ?? -1;
      if (!element || !mentions || at === -1) return;
      mentions.splice(at, 1);
      if (mentions.length > 0) return;
      byElement.delete(element);
      viewport.unwatch(element);
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
        if (element && !viewport.isNear(element)) ranges.unpaint(focused.mention);
      }
      focusHighlight?.clear();
      focused = null;
      if (mention) {
        focused = { mention, painted: ranges.paint(mention) };
        if (!focusHighlight) {
          focusHighlight = new Highlight();
          focusHighlight.priority = 1;
          registry.set(focusName, focusHighlight);
        }
        focusHighlight.add(focused.painted.range);
        rules.add(focusName, focused.painted.elements);
      }
      rules.write();
    },
    clear() {
      viewport.disconnect();
      registry.delete(focusName);
      ranges.clear();
      byElement.clear();
      focused = null;
      focusHighlight = null;
    },
  };
}
