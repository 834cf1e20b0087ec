/**
 * Keeps the content script's skip hint (utils/content/skip-hint.ts) registered exactly while the
 * settings say a page that is not an article needs nothing.
 *
 * The hint must never claim that while it is false, or pages would go unhighlighted: so when
 * highlights are switched to every page, the hint is unregistered *before* the new settings are
 * published (tracked-list.ts calls this first). A page loading in between reads storage and gets
 * the old settings, then the change, as before. The opposite switch is safe in either order.
 *
 * Registration persists across browser restarts; it is checked again at every worker start,
 * which also covers an extension update. Failures are only a slower start for pages (they read
 * storage first), so they are logged, never thrown.
 *
 * Chromium injects a registered script only where the extension holds host permissions, which
 * is why the manifest asks for them on exactly the content script's pages (CONTENT_PAGES).
 */
import { type Browser, browser } from 'wxt/browser';
import { CONTENT_PAGES } from '../content/pages';
import { nonArticlesNeedWork } from '../content/scope';
import type { Settings } from '../settings';

export const SKIP_HINT_ID = 'skip-non-articles';
const SKIP_HINT_FILE = 'skip-non-articles.js';

/** One change at a time: two overlapping registrations of the same id would fail. */
let queue: Promise<void> = Promise.resolve();

export function syncSkipHint(settings: Settings): Promise<void> {
  const wanted = !nonArticlesNeedWork(settings);
  queue = queue
    .then(() => applySkipHint(wanted))
    .catch((error: unknown) => {
      console.warn('News Tracker: could not update the content script hint:', error);
    });
  return queue;
}

/**
 * At document_end: after the page's own parser-run scripts, in a task of its own, rather than in
 * front of them (at document_start it shared the parser's task with a page's heavy inline
 * script), and still before the content script (document_idle).
 */
const SKIP_HINT: Browser.scripting.RegisteredContentScript = {
  id: SKIP_HINT_ID,
  js: [SKIP_HINT_FILE],
  // The content script's own pages and frames (entrypoints/content.ts).
  matches: CONTENT_PAGES,
  allFrames: true,
  runAt: 'document_end',
  persistAcrossSessions: true,
};

async function applySkipHint(wanted: boolean): Promise<void> {
  const scripting = browser.scripting;
  // Missing where the browser has no dynamic content scripts: pages just read storage first.
  if (typeof scripting?.registerContentScripts !== 'function') return;
  const [registered] = await scripting.getRegisteredContentScripts({ ids: [SKIP_HINT_ID] });
  // One registered by an earlier version, differently, is replaced.
  const current = registered && registered.runAt === SKIP_HINT.runAt && registered.js?.join() === SKIP_HINT.js?.join();
  if (registered && (!wanted || !current)) await scripting.unregisterContentScripts({ ids: [SKIP_HINT_ID] });
  if (wanted && !current) await scripting.registerContentScripts([SKIP_HINT]);
}
