/**
 * News Tracker at work in Firefox, as a person meets it: companies added on the options page,
 * articles from test/fixtures/highlight highlighted (at once, as content arrives late, and in
 * same-origin frames), the story recorded and listed in the popup, and the settings switch that
 * turns highlights off everywhere. Content scripts see the page through Xray wrappers there, so
 * each of these is a check that the content script runs through to the end in Firefox.
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlights } from '../e2e/highlight-helpers';
import { type FirefoxHarness, startFirefoxHarness } from './harness';

// The first colours of the palette new companies get, in the order they are added.
const XIAOMI = 'rgb(255, 213, 79)';
const SAMSUNG = 'rgb(129, 212, 250)';
const APPLE = 'rgb(165, 214, 167)';

const texts = async (where: Page | Frame) => (await highlights(where)).map((h) => h.text);

describe('highlights in Firefox', () => {
  let harness: FirefoxHarness;
  const open: Page[] = [];

  beforeAll(async () => {
    harness = await startFirefoxHarness();
    const options = await harness.openOptions();
    await options.addCompany('Xiaomi');
    await options.addCompany('Samsung', ['Samsung Electronics']);
    await options.addCompany('Apple', [], { matchCase: true });
    await options.page.close();
  });
  afterAll(async () => harness?.close());

  async function read(path: string): Promise<Page> {
    for (const page of open.splice(0)) await page.close();
    const page = await harness.open(path);
    open.push(page);
    return page;
  }

  function frame(page: Page, url: string): Frame {
    const found = page.frames().find((f) => f.url().endsWith(url));
    if (!found) throw new Error(`No frame at ${url} in ${page.url()}`);
    return found;
  }

  it('paints every mention of a bundled article in its company’s colour', async () => {
    const page = await read('/highlight/article.html');
    await expect
      .poll(() => texts(page))
      .toEqual(['Xiaomi', 'Samsung', 'Xiaomi', 'Samsung\u00a0Electronics', 'Xiaomi', 'Samsung', 'Xiaomi', 'Samsung']);
    const seen = await highlights(page);
    for (const h of seen) expect(h.color).toBe(h.text.startsWith('Xiaomi') ? XIAOMI : SAMSUNG);
    // The on-page panel is there (its content is in a closed shadow root no test can open).
    expect(await page.evaluate(() => document.querySelector('news-tracker-panel')?.outerHTML)).toBe(
      '<news-tracker-panel></news-tracker-panel>',
    );
  });

  it('records the story and lists it in the popup', async () => {
    await read('/highlight/article.html');
    const popup = await harness.openPopup();
    expect(await popup.storyTitles(1)).toEqual(['Xiaomi and Samsung race to build European data centres']);
    await popup.page.close();
  });

  it('finds late content, an open shadow root and one attached later', async () => {
    const page = await read('/highlight/late.html');
    await expect
      .poll(() => highlights(page), { timeout: 10_000 })
      .toEqual([
        { text: 'Xiaomi', color: XIAOMI },
        { text: 'Xiaomi', color: XIAOMI },
        { text: 'Xiaomi', color: XIAOMI }, // in the shadow root there from the start
        { text: 'Samsung', color: SAMSUNG }, // in the shadow root attached 900 ms after load
        { text: 'Samsung', color: SAMSUNG }, // the paragraph added at the end 400 ms after load
      ]);
    // Shadow trees get the highlight styles too (a document's ::highlight rules do not reach them).
    const shadowRules = await page.evaluate(() =>
      ['card-now', 'card-later'].map(
        (id) => document.getElementById(id)?.shadowRoot?.adoptedStyleSheets[0]?.cssRules.length ?? 0,
      ),
    );
    expect(shadowRules.every((n) => n >= 2)).toBe(true);
  });

  it('highlights inside same-origin frames of an article: a separate page and a srcdoc frame', async () => {
    const page = await read('/highlight/frame.html');
    await expect.poll(() => texts(page)).toEqual(['Samsung', 'Xiaomi', 'Samsung']);
    await expect
      .poll(() => highlights(frame(page, 'frame-inner.html')))
      .toEqual([
        { text: 'Xiaomi', color: XIAOMI },
        { text: 'Apple', color: APPLE },
      ]);
    await expect.poll(() => texts(frame(page, 'about:srcdoc'))).toEqual(['Samsung']);
  });

  it('removes every highlight at once when switched off in the settings, and paints them again when on', async () => {
    const page = await read('/highlight/article.html');
    await expect.poll(async () => (await texts(page)).length).toBe(8);
    const options = await harness.openOptions();
    await options.chooseHighlights('Nowhere');
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    // Switched off everywhere: a page opened now gets none either.
    const other = await harness.open('/highlight/late.html');
    await other.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    expect(await other.evaluate(() => CSS.highlights.size)).toBe(0);
    await options.chooseHighlights('On news articles (recommended)');
    await expect.poll(async () => (await texts(page)).length).toBe(8);
    await expect.poll(async () => (await texts(other)).length).toBe(5);
    await Promise.all([options.page.close(), other.close()]);
  });
});
