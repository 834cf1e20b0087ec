/**
 * What a person sees of the content script's work in a test page (happy-dom has no CSS
 * highlights, so the painter wraps mentions in marks): how often each name is highlighted, and
 * the panel. The panel's shadow root is closed on real pages; tests open it by making every
 * shadow root open, leaving the product code as it ships.
 */
import { beforeEach } from 'vitest';
import { MARK_TAG } from '@/utils/highlight/wrap';
import { PANEL_TAG } from '@/utils/panel/panel';

/** Makes every shadow root attached from now on open, so tests can read the panel. */
export function openShadowRoots(): void {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    return attach.call(this, { ...init, mode: 'open' });
  };
}

/** Every highlight mark on the page, shadow roots included, in order. */
export function marks(root: Document | ShadowRoot = document): Element[] {
  const found = [...root.querySelectorAll(MARK_TAG)];
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...marks(element.shadowRoot));
  return found;
}

/** How many times `text` is highlighted on the page, shadow roots included. */
export function marked(text: string, root: Document = document): number {
  return marks(root).filter((mark) => mark.textContent === text).length;
}

/** Every highlighted text on the page, in order. */
export function markedTexts(root: Document = document): string[] {
  return marks(root).map((mark) => mark.textContent ?? '');
}

/** The panel's contents, or null when no panel is shown. */
export function panelShadow(root: Document = document): ShadowRoot | null {
  return root.querySelector(PANEL_TAG)?.shadowRoot ?? null;
}

const running: AbortController[] = [];
beforeEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  document.body.innerHTML = '';
});

/** What ends a session (WXT's ctx in the extension); every one a test starts ends before the next test. */
export function sessionController(): AbortController {
  const controller = new AbortController();
  running.push(controller);
  return controller;
}
