/**
 * Painter on the CSS Custom Highlight API: one Highlight per colour, styled by one constructed
 * stylesheet adopted into the document and into each shadow root that holds a mention (a
 * document's ::highlight rules do not reach inside shadow trees).
 *
 * Ranges go into their Highlight as they are found, but new highlights, rules and adopted sheets
 * reach the page only in flush(): each of those invalidates the page's styles, and the scan asks
 * for styles (checkVisibility) as it goes, so registering early would make the browser restyle
 * the whole page again and again in the middle of a scan.
 *
 * Each time rules are added the browser restyles the whole page, in one task it cannot split,
 * and that costs about the same whatever the number of rules. So the rule for the mention the panel steps to goes in with the first colours, and the first
 * step from the panel does not pay for a restyle of its own.
 */
import { opaqueName, type Painter, safeColor } from './paint';
import type { FoundMention } from './scan';

const FOCUS_STYLE = 'background-color: #ff9800; color: #000; text-decoration: underline 2px;';

export function createHighlightPainter(doc: Document): Painter {
  // Written to, never iterated: a content script in Firefox sees the page's registry and its
  // Highlights through Xray wrappers, which refuse to iterate them ("Xray wrapping of iterators
  // not supported"), so this painter keeps its own map of what it registered.
  const registry = CSS.highlights;
  const sheet = new CSSStyleSheet();
  const byColor = new Map<string, { name: string; highlight: Highlight }>();
  const adopted = new Set<Document | ShadowRoot>();
  const unregistered: { name: string; highlight: Highlight; color: string }[] = [];
  const toAdopt = new Set<Document | ShadowRoot>();
  const focusName = opaqueName();
  const focusRule = `::highlight(${focusName}) { ${FOCUS_STYLE} }`;
  let focusHighlight: Highlight | null = null;
  let focusRuleWritten = false;
  const writeFocusRule = () => {
    if (focusRuleWritten) return;
    sheet.insertRule(focusRule);
    focusRuleWritten = true;
  };

  const adopt = (scope: Document | ShadowRoot) => {
    if (adopted.has(scope)) return;
    adopted.add(scope);
    scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  };
  const adoptLater = (scope: Document | ShadowRoot) => {
    if (!adopted.has(scope)) toAdopt.add(scope);
  };
  const highlightFor = (color: string): Highlight => {
    const safe = safeColor(color);
    let entry = byColor.get(safe);
    if (!entry) {
      entry = { name: opaqueName(), highlight: new Highlight() };
      byColor.set(safe, entry);
      unregistered.push({ ...entry, color: safe });
    }
    return entry.highlight;
  };

  return {
    changesDom: false,
    add(mention, color) {
      adoptLater(doc);
      const root = mention.range.startContainer.getRootNode();
      if (root instanceof ShadowRoot) adoptLater(root);
      highlightFor(color).add(mention.range);
    },
    remove(mention) {
      for (const { highlight } of byColor.values()) highlight.delete(mention.range);
      focusHighlight?.delete(mention.range);
    },
    flush() {
      for (const { name, highlight, color } of unregistered.splice(0)) {
        sheet.insertRule(`::highlight(${name}) { background-color: ${color}; color: #000; }`);
        registry.set(name, highlight);
      }
      if (sheet.cssRules.length > 0) writeFocusRule();
      for (const scope of toAdopt) adopt(scope);
      toAdopt.clear();
    },
    focus(mention: FoundMention | null) {
      if (!focusHighlight) {
        focusHighlight = new Highlight();
        focusHighlight.priority = 1;
        writeFocusRule();
        registry.set(focusName, focusHighlight);
      }
      focusHighlight.clear();
      if (mention) focusHighlight.add(mention.range);
    },
    clear() {
      for (const { name } of byColor.values()) registry.delete(name);
      registry.delete(focusName);
      byColor.clear();
      unregistered.length = 0;
      toAdopt.clear();
      focusHighlight = null;
      focusRuleWritten = false;
      while (sheet.cssRules.length > 0) sheet.deleteRule(0);
      for (const scope of adopted) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
      adopted.clear();
    },
  };
}
