import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, readPageForSuggestions } from '@/utils/suggest/page';
import { offerTabReader, readThroughContentScript, validateTabReading } from '@/utils/suggest/tab-reading';

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
