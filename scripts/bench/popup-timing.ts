/**
 * Times the popup's suggestion request from outside it, so the extension ships no timing code.
 * The popup is opened as a tab over the article (as the end-to-end tests open it: loaded while
 * the article's tab is the active one, so it reads that tab), with a script of Playwright's run
 * ahead of its own. The script notes when the popup first calls scripting.executeScript (the
 * request starts by reading the tab) and when the suggestions are on screen; the figure is the
 * time between, what a person waits for once the popup has loaded.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../test/support/chromium';

/** Where the added script leaves its figure in the popup. */
const RESULT = '__newsTrackerSuggestMs';

/**
 * Runs in every page of the context before its own scripts; does something only in the popup.
 * A string, not a function: the script runner's transforms must not touch code run in the page.
 */
const NOTE_POPUP_REQUEST = `(() => {
  if (location.pathname !== '/popup.html') return;
  const scripting = chrome.scripting;
  const execute = scripting.executeScript;
  let began;
  scripting.executeScript = function (...args) {
    if (began === undefined) began = performance.now();
    return execute.apply(this, args);
  };
  const shown = () => {
    if (document.querySelector('.suggestion-list')) return true;
    const note = document.querySelector('.suggestions-note')?.textContent ?? '';
    return note !== '' && !note.startsWith('Looking for companies');
  };
  new MutationObserver((records, observer) => {
    if (began === undefined || !shown()) return;
    globalThis.${RESULT} = performance.now() - began;
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true, characterData: true });
})()`;

const instrumented = new WeakSet<ExtensionBrowser>();

/** Opens the popup over `tab` (which is brought to the front) and returns its request's milliseconds. */
export async function timePopupOver(browser: ExtensionBrowser, tab: Page): Promise<number> {
  if (!instrumented.has(browser)) {
    instrumented.add(browser);
    await browser.context.addInitScript(NOTE_POPUP_REQUEST);
  }
  const popup = await browser.context.newPage();
  try {
    await tab.bringToFront();
    // Loaded in the background, so the tab it asks about is the article's.
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const figure = (name: string) => (globalThis as Record<string, unknown>)[name];
    await popup.waitForFunction((name) => typeof (globalThis as Record<string, unknown>)[name] === 'number', RESULT, {
      timeout: 30_000,
    });
    return (await popup.evaluate(figure, RESULT)) as number;
  } finally {
    await popup.close();
  }
}
