/**
 * The one exchange between contexts outside the message protocol (utils/messaging.ts): the
 * popup reads the article in its tab for the suggestions.
 *
 *   popup ── scripting.executeScript({ func: readThroughContentScript }) ──► the tab's isolated world
 *              the content script's reader there (offerTabReader) answers with the article it
 *              kept, the page read now, or null where it found no article
 *   popup ── scripting.executeScript({ files: ['suggest-read.js'] }) ──► a tab without the content
 *              script (opened before News Tracker was installed): the same reader, as a file
 *   popup ◄── validateTabReading: the answer left a web page's tab, so it is checked like a message
 *
 * The reader is the one thing News Tracker leaves in the isolated world's global object, which
 * the page cannot see, under a Symbol.for name: the injected function can name nothing from
 * outside its own source. Asking through it costs the tab no new script to compile.
 */
import { browser } from 'wxt/browser';
import * as v from '../validate';
import { MAX_TEXT_LENGTH } from './page';
import type { SuggestInput } from './suggest';

/** What the tab answers: the article, or null where the content script found no article. */
export interface TabReading {
  reading: SuggestInput | null;
}

/** The name the reader is offered under; readThroughContentScript spells it out itself. */
const READER_KEY = 'news-tracker.suggestion-reader';

/** Called by the content script in the top frame: `read` answers the popup's requests. */
export function offerTabReader(read: () => SuggestInput | null): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(READER_KEY)] = (): TabReading => ({ reading: read() });
}

/**
 * Injected into the tab by the popup (scripting.executeScript's `func`): the content script's
 * reading, or null when no content script offers one. The browser sends only this function's
 * source, so it names nothing from outside it.
 */
export function readThroughContentScript(): unknown {
  const read = (globalThis as Record<symbol, unknown>)[Symbol.for('news-tracker.suggestion-reader')];
  return typeof read === 'function' ? read() : null;
}

const MAX_TITLE = 2000;
const MAX_PUBLISHER = 500;
const MAX_URL = 8192;

/**
 * The tab's answer checked: the article to suggest from, null for "not an article", or
 * undefined when the answer is not a reading at all (no content script, or one an older
 * version left with another shape), so the popup reads the tab with the injected file instead.
 */
export function validateTabReading(raw: unknown): SuggestInput | null | undefined {
  if (typeof raw !== 'object' || raw === null || !('reading' in raw)) return undefined;
  const { reading } = raw as { reading: unknown };
  if (reading === null) return null;
  try {
    const o = v.object(reading, 'reading');
    return {
      text: v.string(o.text, 'reading.text', MAX_TEXT_LENGTH),
      title: v.nullableString(o.title ?? null, 'reading.title', MAX_TITLE),
      publisher: v.nullableString(o.publisher ?? null, 'reading.publisher', MAX_PUBLISHER),
      url: v.nullableString(o.url ?? null, 'reading.url', MAX_URL),
    };
  } catch {
    return undefined;
  }
}

/** Shown when the tab cannot be read: the browser keeps it closed to extensions (its own pages, its web store, a policy). */
export const CANNOT_READ_TAB =
  'This browser does not let extensions read this page, so News Tracker cannot suggest companies here.';

/** Shown when what the tab answered is not an article reading (a page that broke the reader). */
export const UNREADABLE_TAB = 'News Tracker could not read the article in this tab. Reload the page and try again.';

/**
 * How long the tab may take to answer. On some of Chrome's own pages for an address that did not
 * load (a body that failed to decode), the call is never answered, and the popup would say it
 * is looking for companies for as long as it stays open.
 */
export const TAB_ANSWER_MS = 8000;

function answered<T>(call: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(UNREADABLE_TAB)), TAB_ANSWER_MS);
  });
  return Promise.race([call, late]).finally(() => clearTimeout(timer));
}

/**
 * Called by the popup: the article in the tab, or null where the content script found none. The
 * file is injected only where no content script offers its reader. It reaches the web pages
 * the content script runs on (the manifest's host permissions are those pages) and no others.
 */
export async function readTabArticle(tabId: number): Promise<SuggestInput | null> {
  const target = { tabId };
  try {
    const [offered] = await answered(browser.scripting.executeScript({ target, func: readThroughContentScript }));
    const reading = validateTabReading(offered?.result);
    if (reading !== undefined) return reading;
    const [read] = await answered(browser.scripting.executeScript({ target, files: ['/suggest-read.js'] }));
    const fromFile = validateTabReading(read?.result);
    if (fromFile === undefined) throw new Error(UNREADABLE_TAB);
    return fromFile;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Chrome's own page for an address that did not load: no article, and "This page" says to reload.
    if (/showing error page/iu.test(message)) return null;
    if (/cannot access|permission|cannot be scripted/iu.test(message)) throw new Error(CANNOT_READ_TAB);
    // Anything else the browser says (a tab closed, a frame gone) is no sentence for the reader.
    throw new Error(UNREADABLE_TAB);
  }
}
