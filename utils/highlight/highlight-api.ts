/**
 * Painter on the CSS Custom Highlight API: one Highlight per colour, styled by one constructed
 * stylesheet adopted into the document and into each shadow root that holds a mention (a
 * document's ::highlight rules do not reach inside shadow trees).
 */
import { opaqueName, type Painter, safeColor } from './paint';
import type { FoundMention } from './scan';

const FOCUS_STYLE = 'background-color: #ff9800; color: #000; text-decoration: underline 2px;';

export function createHighlightPainter(doc: Document): Painter {
  const registry = CSS.highlights;
  const sheet = new CSSStyleSheet();
  const byColor = new Map<string, { name: string; highlight: Highlight }>();
  const adopted = new Set<Document | ShadowRoot>();
  const focusName = opaqueName();
  let focusHighlight: Highlight | null = null;

  const adopt = (scope: Document | ShadowRoot) => {
    if (adopted.has(scope)) return;
    adopted.add(scope);
    scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  };
  const highlightFor = (color: string): Highlight => {
    const safe = safeColor(color);
    let entry = byColor.get(safe);
    if (!entry) {
      entry = { name: opaqueName(), highlight: new Highlight() };
      byColor.set(safe, entry);
      sheet.insertRule(`::highlight(${entry.name}) { background-color: ${safe}; color: #000; }`);
      registry.set(entry.name, entry.highlight);
    }
    return entry.highlight;
  };

  return {
    add(mention, color) {
      adopt(doc);
      const root = mention.range.startContainer.getRootNode();
      if (root instanceof ShadowRoot) adopt(root);
      highlightFor(color).add(mention.range);
    },
    remove(mention) {
      for (const { highlight } of byColor.values()) highlight.delete(mention.range);
      focusHighlight?.delete(mention.range);
    },
    flush() {},
    focus(mention: FoundMention | null) {
      if (!focusHighlight) {
        focusHighlight = new Highlight();
        focusHighlight.priority = 1;
        sheet.insertRule(`::highlight(${focusName}) { ${FOCUS_STYLE} }`);
        registry.set(focusName, focusHighlight);
      }
      focusHighlight.clear();
      if (mention) focusHighlight.add(mention.range);
    },
    clear() {
      for (const { name } of byColor.values()) registry.delete(name);
      registry.delete(focusName);
      byColor.clear();
      focusHighlight = null;
      while (sheet.cssRules.length > 0) sheet.deleteRule(0);
      for (const scope of adopted) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
      adopted.clear();
    },
  };
}
