/**
 * Looks at the content script's reader in a tab's isolated world (utils/suggest/tab-reading.ts)
 * the way the popup reaches it, through scripting.executeScript from an extension page. Shared
 * by the end-to-end tests and the suggestion benchmark.
 */

export type ReaderLook = 'kept' | 'present' | 'drop';

/**
 * Runs in the tab, as executeScript's `func` (only its own source travels): `kept` whether the
 * reader answers with an article read earlier rather than the page as it is now (the page's text
 * is swapped while it answers, in one task), `present` whether the reader is there, `drop`
 * whether it was there before being removed.
 */
function probeReader(look: ReaderLook): boolean {
  const world = globalThis as Record<symbol, unknown>;
  const key = Symbol.for('news-tracker.suggestion-reader');
  const read = world[key];
  if (look === 'drop') delete world[key];
  if (look !== 'kept') return typeof read === 'function';
  if (typeof read !== 'function') return false;
  const body = document.body.innerHTML;
  document.body.innerHTML = '<article><p>Globex Corp and Initech Inc agreed a merger.</p></article>';
  const answer = read() as { reading: { text: string } | null };
  document.body.innerHTML = body;
  return answer.reading !== null && !answer.reading.text.includes('Globex');
}

/** An expression for `page.evaluate` in an extension page: the probe's answer in the tab showing `url`. */
export function probeTabReader(url: string, look: ReaderLook): string {
  return `(async () => {
    const [tab] = await chrome.tabs.query({ url: ${JSON.stringify(url)} });
    const [found] = await chrome.scripting.executeScript({
      target: { tabId: tab?.id ?? -1 },
      func: ${probeReader.toString()},
      args: [${JSON.stringify(look)}],
    });
    return found?.result;
  })()`;
}
