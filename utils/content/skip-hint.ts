/**
 * What the content script may know before it reads anything: that a page which is not an
 * article needs nothing from it (highlights are on articles only, or off).
 *
 * Reading the tracked list and settings is a round trip to the browser process, which on most
 * pages (home pages, search results, web apps) only confirms there is nothing to do. So, while
 * the settings say so, the background registers a tiny script (entrypoints/skip-non-articles.ts)
 * to run at document_end in the extension's isolated world of every page, ahead of the content
 * script (document_idle), and it leaves this mark there. The content script then looks at the
 * page first, and reads storage only for an article, or when something changes later.
 *
 * No mark (a browser that has not run the background yet, a registration that failed, Firefox
 * before 102, a page loaded before the registration) only means the slower start: storage first.
 */
const SKIP_NON_ARTICLES = Symbol.for('news-tracker.skip-non-articles');
const world = globalThis as { [SKIP_NON_ARTICLES]?: unknown };

/** Run by the registered script, before the content script starts. */
export function markNonArticlesNeedNothing(): void {
  world[SKIP_NON_ARTICLES] = true;
}

/** True when this page was loaded while non-articles needed nothing. */
export function nonArticlesNeedNothing(): boolean {
  return world[SKIP_NON_ARTICLES] === true;
}
