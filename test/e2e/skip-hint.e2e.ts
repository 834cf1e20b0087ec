/**
 * The skip hint (utils/content/skip-hint.ts) in real Chromium: while highlights are on articles
 * only, the background registers a script that runs before the content script and tells it a
 * page that is not an article needs nothing, so such a page is passed over without a storage
 * read. To show no read happened, storage is given settings the hint contradicts (written
 * behind the background's back): a page passed over ignores them until they change again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContentScriptWorld, openInContentScriptWorld } from '../../scripts/lib/content-world';
import { type Harness, startHarness } from './harness';
import { highlightedTexts } from './highlight-helpers';

declare const chrome: {
  scripting: {
    getRegisteredContentScripts(): Promise<Array<{ id: string; runAt?: string; allFrames?: boolean }>>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
  storage: Record<
    'local' | 'session',
    { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }
  >;
};

const NOT_AN_ARTICLE = '/pages/not-an-article.html';
const SETTINGS = 'settings';

describe('pages that are not articles, while highlights are on articles only', () => {
  let harness: Harness;
  let control: Page;

  const registered = () =>
    control.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
  /** Opens a page that is not an article (it names Xiaomi once) and its content script's world. */
  const visit = async (query: string): Promise<{ page: Page; world: ContentScriptWorld }> => {
    const page = await harness.browser.context.newPage();
    const world = await openInContentScriptWorld(
      page,
      harness.browser.extensionId,
      harness.server.url(`${NOT_AN_ARTICLE}?${query}`),
    );
    // The content script has run once it has kept its verdict on the page.
    await expect
      .poll(() => world.evaluate<boolean>(`globalThis[Symbol.for('news-tracker.not-an-article')] === location.href`))
      .toBe(true);
    return { page, world };
  };
  const hinted = (world: ContentScriptWorld) =>
    world.evaluate<boolean>(`globalThis[Symbol.for('news-tracker.skip-non-articles')] === true`);
  /** Writes the settings to both areas as the background would, but without it (so the hint stays as it is). */
  const writeSettings = (changes: Record<string, unknown>) =>
    control.evaluate(
      async ([key, more]) => {
        const current = (await chrome.storage.local.get(key))[key] as Record<string, unknown>;
        for (const area of ['session', 'local'] as const)
          await chrome.storage[area].set({ [key]: { ...current, ...more } });
      },
      [SETTINGS, changes] as const,
    );

  beforeAll(async () => {
    harness = await startHarness();
    const options = await harness.openOptions();
    await options.addCompany('Xiaomi');
    control = options.page;
  });
  afterAll(async () => harness?.close());

  it('registers the hint to run before the content script in every frame', async () => {
    await expect.poll(registered).toEqual(['skip-non-articles']);
    const [hint] = await control.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(hint).toMatchObject({ runAt: 'document_end', allFrames: true });
    const { world } = await visit('plain');
    expect(await hinted(world)).toBe(true);
  });

  it('passes a page over without reading storage, and reads it at the next change', async () => {
    // Storage now says "every page"; the hint, still registered, says otherwise.
    await writeSettings({ highlightScope: 'all' });
    const { page } = await visit('passed-over');
    await page.waitForTimeout(500);
    expect(await highlightedTexts(page)).toEqual([]);

    // Negative control: the same page without the hint reads storage and highlights.
    await control.evaluate(() => chrome.scripting.unregisterContentScripts({ ids: ['skip-non-articles'] }));
    const unhinted = await visit('no-hint');
    expect(await hinted(unhinted.world)).toBe(false);
    await expect.poll(() => highlightedTexts(unhinted.page)).toEqual(['Xiaomi']);

    // Any later change reaches the passed-over page, which then reads everything.
    await writeSettings({ showPanel: false });
    await expect.poll(() => highlightedTexts(page)).toEqual(['Xiaomi']);
  });

  it('follows the options: gone while every page is highlighted, back on articles only', async () => {
    const options = await harness.openOptions();
    await options.page.getByLabel('On every page').check();
    await expect.poll(registered).toEqual([]);
    const everyPage = await visit('every-page');
    expect(await hinted(everyPage.world)).toBe(false);
    await expect.poll(() => highlightedTexts(everyPage.page)).toEqual(['Xiaomi']);

    await options.page.getByLabel('On news articles (recommended)').check();
    await expect.poll(registered).toEqual(['skip-non-articles']);
    const articlesOnly = await visit('articles-only');
    expect(await hinted(articlesOnly.world)).toBe(true);
    await articlesOnly.page.waitForTimeout(500);
    expect(await highlightedTexts(articlesOnly.page)).toEqual([]);
  });
});
