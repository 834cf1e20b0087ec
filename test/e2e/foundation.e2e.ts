import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { highlightedRangeCount, highlightedTexts } from './highlight-helpers';

describe('the walking skeleton in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    // news.test: a site on plain http that is not this machine, so not a secure context.
    harness = await startHarness({ plainHttpHost: 'news.test' });
  });
  afterAll(async () => harness?.close());

  it('records an article naming a company added on the options page, and lists it in the popup', async () => {
    const options = await harness.openOptions();
    await options.addCompany('Xiaomi', ['Xiaomi Corp']);
    await options.addCompany('Samsung');
    await expect.poll(() => options.companyNames()).toEqual(['Xiaomi', 'Samsung']);

    const article = await harness.browser.context.newPage();
    await article.goto(harness.server.url('/demo/business-article.html'));
    await expect.poll(() => highlightedRangeCount(article)).toBe(5);
    expect(new Set(await highlightedTexts(article))).toEqual(new Set(['Xiaomi', 'Samsung']));

    const popup = await harness.openPopup();
    expect(await popup.storyTitles(1)).toEqual(['Phone maker moves European user data to new Irish data centre']);
  });

  it('stops matching a company once it is removed, on the next page load', async () => {
    const options = await harness.openOptions();
    await options.deleteCompany('Samsung');
    await expect.poll(() => options.companyNames()).toEqual(['Xiaomi']);

    const article = await harness.browser.context.newPage();
    await article.goto(harness.server.url('/demo/business-article.html'));
    await expect.poll(() => highlightedRangeCount(article)).toBe(3);
    expect(new Set(await highlightedTexts(article))).toEqual(new Set(['Xiaomi']));
  });

  it('highlights on a news site served over plain http, which browsers do not count as a secure context', async () => {
    const article = await harness.browser.context.newPage();
    const { port } = new URL(harness.server.url('/'));
    await article.goto(`http://news.test:${port}/demo/business-article.html`);
    // What makes this page different: APIs such as crypto.randomUUID are missing here.
    expect(await article.evaluate(() => window.isSecureContext)).toBe(false);
    await expect.poll(() => highlightedRangeCount(article)).toBe(3);
  });

  it('leaves pages that are not articles alone', async () => {
    const page = await harness.browser.context.newPage();
    await page.goto(harness.server.url('/pages/not-an-article.html'));
    await page.waitForTimeout(500);
    expect(await highlightedRangeCount(page)).toBe(0);
  });
});
