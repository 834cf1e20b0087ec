import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_TEXT_LENGTH, readPageForSuggestions } from '@/utils/suggest/page';
import {
  CANNOT_READ_TAB,
  offerTabReader,
  readTabArticle,
  readThroughContentScript,
  TAB_ANSWER_MS,
  UNREADABLE_TAB,
  validateTabReading,
} from '@/utils/suggest/tab-reading';

const URL = 'https://courier.example/deal';
const READER = Symbol.for('news-tracker.suggestion-reader');

function article(): Document {
  const doc = document.implementation.createHTMLDocument('Nokia wins order - The Test Courier');
  doc.body.innerHTML =
    '<article><h1>Nokia wins order</h1><p>Nokia Oyj said on Monday it won a network order.</p></article>';
  return doc;
}

/** The function as the browser sends it to the tab: its source alone, without this module around it. */
function asInjected(): () => unknown {
  return new Function(`return (${readThroughContentScript.toString()})();`) as () => unknown;
}

describe('reading the tab through the content script', () => {
  afterEach(() => {
    (globalThis as Record<symbol, unknown>)[READER] = undefined;
  });

  it('answers with the article the content script’s reader reads, even as source alone', () => {
    const doc = article();
    offerTabReader(() => readPageForSuggestions(doc, URL));
    const answer = asInjected()();
    const reading = validateTabReading(answer);
    expect(reading?.title).toBe('Nokia wins order');
    expect(reading?.text).toContain('Nokia Oyj said on Monday');
  });

  it('answers "not an article" where the content script found none, and nothing where no content script is', () => {
    offerTabReader(() => null);
    expect(validateTabReading(asInjected()())).toBeNull();
    (globalThis as Record<symbol, unknown>)[READER] = undefined;
    expect(asInjected()()).toBeNull();
    expect(validateTabReading(null)).toBeUndefined();
  });
});

describe('validateTabReading', () => {
  const good = { title: 'Nokia wins order', publisher: 'The Test Courier', url: URL, text: 'Nokia Oyj said…' };

  it('keeps a well-formed reading and only its fields', () => {
    expect(validateTabReading({ reading: { ...good, html: '<img onerror=alert(1)>' } })).toEqual(good);
    expect(validateTabReading({ reading: { text: 'Nokia' } })).toEqual({
      text: 'Nokia',
      title: null,
      publisher: null,
      url: null,
    });
  });

  it('refuses what another version or a broken page left: the popup then reads the tab with the injected file', () => {
    expect(validateTabReading({ reading: { ...good, text: 42 } })).toBeUndefined();
    expect(validateTabReading({ reading: { ...good, title: ['a'] } })).toBeUndefined();
    expect(validateTabReading({ reading: { ...good, text: 'x'.repeat(MAX_TEXT_LENGTH + 1) } })).toBeUndefined();
    expect(validateTabReading({ story: good })).toBeUndefined();
    expect(validateTabReading('Nokia')).toBeUndefined();
  });
});

describe('readTabArticle', () => {
  /** The browser refuses to run anything in the tab, with this message. */
  function refuse(message: string) {
    Object.assign(fakeBrowser.scripting, {
      executeScript: async () => {
        throw new Error(message);
      },
    });
  }

  it('takes Chrome’s page for an address that did not load as a tab with no article, not as an error', async () => {
    refuse('Frame with ID 0 is showing error page');
    await expect(readTabArticle(7)).resolves.toBeNull();
  });

  it('says in a sentence when the browser keeps the tab closed, and when anything else goes wrong', async () => {
    refuse('Cannot access contents of url "chrome://settings/". Extension manifest must request permission.');
    await expect(readTabArticle(7)).rejects.toThrow(CANNOT_READ_TAB);
    refuse('No frame with id 0 in tab 7.');
    await expect(readTabArticle(7)).rejects.toThrow(UNREADABLE_TAB);
  });

  it('gives up on a tab that never answers, and says so in a sentence', async () => {
    vi.useFakeTimers();
    try {
      Object.assign(fakeBrowser.scripting, { executeScript: () => new Promise(() => undefined) });
      const reading = readTabArticle(7);
      const settled = expect(reading).rejects.toThrow(UNREADABLE_TAB);
      await vi.advanceTimersByTimeAsync(TAB_ANSWER_MS);
      await settled;
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the article the tab answers with (control: the same path succeeds)', async () => {
    const reading = { title: 'Nokia wins order', publisher: null, url: URL, text: 'Nokia Oyj said on Monday.' };
    Object.assign(fakeBrowser.scripting, { executeScript: async () => [{ frameId: 0, result: { reading } }] });
    expect((await readTabArticle(7))?.title).toBe('Nokia wins order');
  });
});
