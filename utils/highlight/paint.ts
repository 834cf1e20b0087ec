/**
 * Paints mentions. With the CSS Custom Highlight API (highlight-api.ts) the page's DOM is not
 * changed at all, and only mentions on or near the screen are painted; where the API is missing,
 * every mention is wrapped in a custom element instead (wrap.ts). The pipeline only sees this
 * interface.
 *
 * What the page can see: CSS.highlights and adoptedStyleSheets belong to the page, so its
 * scripts can read which of its own words are highlighted and in which colours. Names are
 * random per page load and only colours that have a mention on this page are registered, so
 * nothing about companies absent from the page, stories or settings is revealed.
 */
import type { FoundMention } from './scan';

export interface Painter {
  /** True when painting writes to the page's DOM (the wrapping fallback), so those writes must be ignored. */
  readonly changesDom: boolean;
  add(mention: FoundMention, color: string): void;
  remove(mention: FoundMention): void;
  /** Applies what was added; the wrapping fallback changes the DOM only here, in one batch. */
  flush(): void;
  /** Marks the mention the user stepped to from the panel (null: none), painting it first if it was not. */
  focus(mention: FoundMention | null): void;
  /** Removes every highlight at once. */
  clear(): void;
  /**
   * How many times painting has changed the page's style sheets. Until the browser has applied
   * such a change, reading any element's style (a visibility check) makes it restyle the page
   * in the reader's task. Absent where painting changes no style sheet.
   */
  styleChanges?(): number;
}

const DEFAULT_COLOR = '#ffd54f';

/** Colours come from storage; only plain hex colours ever reach a style rule. */
export function safeColor(color: string): string {
  return /^#[0-9a-f]{6}$/iu.test(color) ? color.toLowerCase() : DEFAULT_COLOR;
}

/**
 * A name the page cannot guess, for the highlight registry. From getRandomValues: randomUUID
 * exists only in secure contexts, and a news site on plain http is not one.
 */
export function opaqueName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `h${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function supportsHighlightApi(view: Window & typeof globalThis): boolean {
  return typeof view.CSS !== 'undefined' && 'highlights' in view.CSS && typeof view.Highlight === 'function';
}
