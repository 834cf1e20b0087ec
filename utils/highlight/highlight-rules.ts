/**
 * The ::highlight rules of one page, each scoped to the elements that hold a painted mention:
 * `p:nth-child(7)::highlight(h…)` rather than `::highlight(h…)` alone.
 *
 * Why scoped: a rule whose selector could match any element makes the browser restyle the whole
 * page when it is added, in one task it cannot split and that grows with the page, while a rule
 * whose last compound names a tag and a position restyles only the elements it matches. A rule that also matches a few other elements
 * is harmless: a ::highlight style paints only the ranges registered under that name, and every
 * one of those is a mention. Text inside an inline element of a styled element is painted too
 * (highlight styles are inherited), and a mention that spans elements styles each of them.
 *
 * A rule costs the browser a look at every element of the page each time the sheet changes, and
 * more so with each rule, so only the elements of mentions on screen are listed (the painter,
 * highlight-api.ts, adds and removes them as the reader scrolls) and every change of a frame
 * is written in one go.
 *
 * One constructed stylesheet holds them all, adopted by the document and by each shadow root
 * holding a styled element (a document's rules do not reach into shadow trees).
 */

/** Compounds in a scoping selector: enough to match one element on all but repetitive pages. */
const DEPTH = 4;

/** A selector matching `element` (and, rarely, a few elements placed alike): tags and positions up to DEPTH levels. */
export function selectorOf(element: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = element; e && parts.length < DEPTH; e = e.parentElement) {
    let position = 1;
    for (let sibling = e.previousElementSibling; sibling; sibling = sibling.previousElementSibling) position++;
    parts.push(`${CSS.escape(e.localName)}:nth-child(${position})`);
  }
  return parts.reverse().join(' > ');
}

export interface HighlightRules {
  /** Styles highlight `name` (a name from opaqueName) with `declarations` wherever it is scoped. */
  define(name: string, declarations: string): void;
  /** Scopes `name` to `elements` once more (each counted, so a second mention in one element keeps it styled). */
  add(name: string, elements: readonly Element[]): void;
  /**
   * Counts `elements` once less. An element no longer counted leaves the rules at the next write
   * that adds one: until then its rule paints nothing (its ranges are gone), and every write
   * makes the browser look at the whole page again.
   */
  remove(name: string, elements: readonly Element[]): void;
  /** Writes the rules, in one go, if an element was added since the last write. */
  write(): void;
  /** How many times the rules were written (each makes the browser look at the whole page again). */
  writes(): number;
  clear(): void;
}

export function createHighlightRules(): HighlightRules {
  const sheet = new CSSStyleSheet();
  const declarationsOf = new Map<string, string>();
  /** For each highlight name, its elements and how many painted mentions hold each. */
  const scoped = new Map<string, Map<Element, number>>();
  /** The selector of each element some rule lists, made when it is first listed (positions change). */
  const selectors = new Map<Element, { selector: string; uses: number }>();
  const adopted = new Set<Document | ShadowRoot>();
  let changed = false;
  let writes = 0;

  const adopt = (element: Element) => {
    const scope = element.getRootNode() as Document | ShadowRoot;
    if (adopted.has(scope) || !('adoptedStyleSheets' in scope)) return;
    adopted.add(scope);
    scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  };
  const text = () => {
    const rules: string[] = [];
    for (const [name, elements] of scoped) {
      if (elements.size === 0) continue;
      const list = [...elements.keys()].map((e) => `${selectors.get(e)?.selector}::highlight(${name})`);
      rules.push(`${list.join(', ')} { ${declarationsOf.get(name)} }`);
    }
    return rules.join('\n');
  };

  return {
    define: (name, declarations) => void declarationsOf.set(name, declarations),
    add(name, elements) {
      const counts = scoped.get(name) ?? new Map<Element, number>();
      scoped.set(name, counts);
      for (const element of elements) {
        const count = counts.get(element) ?? 0;
        counts.set(element, count + 1);
        if (count > 0) continue;
        changed = true;
        const known = selectors.get(element);
        if (known) known.uses++;
        else selectors.set(element, { selector: selectorOf(element), uses: 1 });
        adopt(element);
      }
    },
    remove(name, elements) {
      const counts = scoped.get(name);
      for (const element of elements) {
        const count = counts?.get(element) ?? 0;
        if (count > 1) counts?.set(element, count - 1);
        if (count !== 1) continue;
        counts?.delete(element);
        const known = selectors.get(element);
        if (known && --known.uses === 0) selectors.delete(element);
      }
    },
    write() {
      if (!changed) return;
      changed = false;
      writes++;
      sheet.replaceSync(text());
    },
    writes: () => writes,
    clear() {
      scoped.clear();
      selectors.clear();
      changed = false;
      sheet.replaceSync('');
      for (const scope of adopted) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
      adopted.clear();
    },
  };
}
