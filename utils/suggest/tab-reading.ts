/**
 * How the popup gets the article out of its tab for the suggestions. The content script offers
 * its reader (page.ts) in the extension's isolated world of the top frame, which the page cannot
 * see; the popup runs readThroughContentScript there, a function that only calls it, so asking
 * costs the tab no new script to compile. A tab without the content script (opened before News
 * Tracker was installed) is read by injecting entrypoints/suggest-read.ts, the same reader as a
 * file. What comes back left a web page's tab, so the popup checks it (validateTabReading) like
 * any message from a content script before it reads a word of it.
 */
import * as v from '../validate';
import type { SuggestInput } from './suggest';

/** An article longer than this is read only this far: the suggestions come from the top anyway. */
export const MAX_TEXT_LENGTH = 100_000;

/** What the tab answers: the article, or null where the content script found no article. */
export interface TabReading {
  reading: SuggestInput | null;
}

/** The name the reader is offered under; readThroughContentScript spells it out itself. */
const READER_KEY = 'news-tracker.suggestion-reader';

/** Called by the content script in the top frame: `read` answers the popup's requests. */
export function offerPageReader(read: () => SuggestInput | null): void {
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
