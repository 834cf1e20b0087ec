/**
 * Company suggestions in the built extension in Chromium: a person reads an article, presses the
 * toolbar button, sees the companies it is about in the popup's "This page" region, tracks one
 * with a click, and finds it highlighted on the page and the story recorded.
 *
 * The toolbar button is pressed through DevTools (test/support/toolbar.ts), as a person does;
 * the popup itself is then opened as a tab over the article, as in ui.e2e.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_WEIGHTS } from '@/utils/suggest/model-weights';
import { CANNOT_READ_TAB, TAB_ANSWER_MS, UNREADABLE_TAB } from '@/utils/suggest/tab-reading';
import { WORD_CLUSTERS } from '@/utils/suggest/word-clusters';
import { EXTENSION_DIR, type ExtensionBrowser } from '../support/chromium';
import { probeTabReader, type ReaderLook } from '../support/tab-reader-probe';
import { pressToolbarButton, TOOLBAR_SWITCH } from '../support/toolbar';
import { type Harness, startHarness } from './harness';
import { highlightedTexts } from './highlight-helpers';
import { screenshot, seriousViolations, useScheme } from './pages/accessibility';
import type { PopupPage } from './pages/popup';

const ARTICLE = '/suggest/xiaomi-results.html';

function chunkText(file: string): string {
  return file ? readFileSync(path.join(EXTENSION_DIR, 'chunks', file), 'utf8') : '';
}
const HEADLINE = 'Xiaomi profit jumps as phone sales recover';

describe('suggested companies in Chromium', () => {
  let harness: Harness;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    harness = await startHarness({ args: [TOOLBAR_SWITCH] });
    browser = harness.browser;
  });
  afterAll(async () => harness?.close());

  async function read(pathname: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(harness.server.url(pathname));
    return page;
  }

  async function popupOver(article: Page): Promise<PopupPage> {
    const popup = await harness.openPopup();
    await popup.page.setViewportSize({ width: 380, height: 640 });
    await article.bringToFront();
    await popup.page.reload();
    return popup;
  }

  /** The content script's reader in the article's tab, looked at as the popup reaches it (test/support/tab-reader-probe.ts). */
  async function inTabWorld(article: Page, look: ReaderLook): Promise<boolean> {
    const page = await browser.openExtensionPage('manifest.json');
    try {
      return await page.evaluate<boolean>(probeTabReader(article.url(), look));
    } finally {
      await page.close();
    }
  }

  it('ships the finder with the popup alone, never in the content script or in a tab', () => {
    const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toContain('scripting');
    // It reaches no page the content script does not.
    expect(manifest.host_permissions).toEqual(manifest.content_scripts[0].matches);
    const scripts: string[] = manifest.content_scripts.flatMap((c: { js: string[] }) => c.js);
    // The model's data, its word groups, and a message of the finder's code (its ranker's weight check).
    const samples = [MODEL_WEIGHTS.slice(1000, 1060), WORD_CLUSTERS.slice(1000, 1060), 'The ranker has'];
    for (const file of [...scripts, 'suggest-read.js']) {
      const built = readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
      for (const sample of samples) expect(built, `${file} carries ${sample}`).not.toContain(sample);
    }
    // Negative control: the samples do identify the finder where it is shipped, a chunk the popup loads.
    const chunks = readdirSync(path.join(EXTENSION_DIR, 'chunks'));
    const finder = chunks.filter((f) => samples.every((sample) => chunkText(f).includes(sample)));
    expect(finder).toHaveLength(1);
    const [chunk] = finder;
    expect(readFileSync(path.join(EXTENSION_DIR, 'popup.html'), 'utf8')).toContain(`/chunks/${chunk}`);
    // The options page and the dashboard neither list it nor import it from their own code.
    for (const page of ['options', 'dashboard']) {
      expect(readFileSync(path.join(EXTENSION_DIR, `${page}.html`), 'utf8')).not.toContain(chunk);
      const entry = chunks.find((f) => f.startsWith(`${page}-`)) ?? '';
      expect(chunkText(entry)).not.toContain(`./${chunk}"`);
    }
  });

  it('with nothing tracked yet, has the article read once the page is idle, so the popup need not read it', async () => {
    const article = await read(ARTICLE);
    await expect.poll(() => inTabWorld(article, 'kept'), { timeout: 10_000 }).toBe(true);
    // Nothing tracked, so nothing is highlighted or recorded: the page was only read.
    expect(await highlightedTexts(article)).toEqual([]);
    await article.close();
  });

  it('suggests the untracked companies of the article and tracks one with a click', async () => {
    const options = await harness.openOptions();
    await options.addCompany('Apple', ['AAPL']);
    await options.page.close();

    const article = await read(ARTICLE);
    await pressToolbarButton(browser, article);
    const popup = await popupOver(article);
    const list = popup.thisPage.getByRole('list', { name: 'Also in this article' });
    await list.waitFor();
    const names = await list.locator('.name').allTextContents();
    expect(names[0]).toBe('Xiaomi');
    expect(names).toContain('Samsung Electronics');
    expect(names.length).toBeLessThanOrEqual(5);
    for (const wrong of ['Apple', 'Lei Jun', 'Hong Kong', 'Test Courier', 'Ines Park', 'Thursday']) {
      expect(names).not.toContain(wrong);
    }

    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(popup.page, scheme);
      await screenshot(popup.page, `popup-suggestions-${scheme}`);
      expect(await seriousViolations(popup.page), `popup with suggestions, ${scheme}`).toEqual([]);
    }

    await popup.thisPage.getByRole('button', { name: 'Track Xiaomi' }).click();
    await popup.thisPage.getByRole('status').filter({ hasText: 'Now tracking Xiaomi.' }).waitFor();
    await expect.poll(() => popup.thisPage.getByRole('button', { name: 'Track Xiaomi' }).count()).toBe(0);

    // The content script picks up the new company: highlighted on the page, recorded with the story.
    await expect
      .poll(async () => (await highlightedTexts(article)).filter((t) => /^Xiaomi/u.test(t)).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(4);
    expect(await highlightedTexts(article)).toEqual(expect.arrayContaining(['Xiaomi Corp', 'Xiaomi Inc.']));
    await expect
      .poll(
        async () => {
          await popup.page.reload();
          await popup.storyTitles(1);
          return popup.story(HEADLINE).textContent();
        },
        { timeout: 10_000 },
      )
      .toContain('Xiaomi');
    const after = await harness.openOptions();
    await after.companies.first().waitFor();
    expect(await after.companies.filter({ hasText: 'Xiaomi' }).textContent()).toContain(
      'also Xiaomi Corp, Xiaomi Inc.',
    );
    await after.page.close();
    await popup.page.close();
    await article.close();
  });

  /** Suggested names in the popup opened over `article`, its toolbar button pressed first. */
  async function suggestedNames(article: Page): Promise<string[]> {
    await pressToolbarButton(browser, article);
    const popup = await popupOver(article);
    const list = popup.thisPage.getByRole('list', { name: 'Also in this article' });
    await list.waitFor();
    const names = await list.locator('.name').allTextContents();
    await popup.page.close();
    return names;
  }

  it('suggests from the article the content script already read, and from the page as it is at another address', async () => {
    // Companies are tracked by now (the test above), so the content script reads the article and keeps it.
    const article = await read(ARTICLE);
    await pressToolbarButton(browser, article);
    await expect.poll(() => inTabWorld(article, 'kept'), { timeout: 10_000 }).toBe(true);
    // The page rewrites its story after the content script read it.
    await article.evaluate(() => {
      const story = document.querySelector('article');
      if (story) story.innerHTML = '<p>Globex Corp and Initech Inc agreed on a merger, Globex Corp said on Friday.</p>';
    });
    const kept = await suggestedNames(article);
    expect(kept).toContain('Samsung Electronics');
    expect(kept).not.toContain('Globex');
    // Negative control: at another address (a single-page app moved on) nothing kept applies and the page is read.
    await article.evaluate(() => history.pushState(null, '', '?next-story'));
    const readNow = await suggestedNames(article);
    expect(readNow).toContain('Globex');
    expect(readNow).not.toContain('Samsung Electronics');
    await article.close();
  });

  it('reads the article the popup is open over, as the content script could, without a press of the toolbar button', async () => {
    const article = await read(ARTICLE);
    const popup = await popupOver(article);
    const list = popup.thisPage.getByRole('list', { name: 'Also in this article' });
    await list.waitFor();
    // Xiaomi is tracked by now (above): the rest of the article's companies are offered.
    expect(await list.locator('.name').allTextContents()).toContain('Samsung Electronics');
    expect(await popup.thisPage.getByText(CANNOT_READ_TAB).count()).toBe(0);
    await popup.page.close();
    await article.close();
  });

  it('reads a tab where no content script offers its reader with the injected reader file', async () => {
    // Xiaomi is tracked by now (above), so the content script has started on the page.
    const article = await read(ARTICLE);
    await expect.poll(async () => (await highlightedTexts(article)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // As in a tab opened before News Tracker was installed: the content script's reader is not there.
    expect(await inTabWorld(article, 'drop')).toBe(true);
    expect(await inTabWorld(article, 'present')).toBe(false);
    const names = await suggestedNames(article);
    expect(names).toContain('Samsung Electronics');
    await article.close();
  });

  it('over Chrome’s page for an address that did not load, says to reload and shows no browser error', async () => {
    // A body that is not the gzip it claims to be: Chrome shows its own error page in the tab.
    harness.server.route('/broken-download.html', { body: 'not gzip', headers: { 'content-encoding': 'gzip' } });
    const broken = await browser.context.newPage();
    await broken.goto(harness.server.url('/broken-download.html'), { waitUntil: 'commit' }).catch(() => undefined);
    const popup = await popupOver(broken);
    await popup.thisPage.getByText(/Nothing checked on this page yet/u).waitFor();
    // Chrome never answers a script sent to this page: the popup stops looking and says so.
    await popup.thisPage.getByText(UNREADABLE_TAB).waitFor({ timeout: TAB_ANSWER_MS + 5000 });
    expect(await popup.thisPage.getByText(/Looking for companies/u).count()).toBe(0);
    expect(await popup.thisPage.textContent()).not.toMatch(/error page|frame with id/iu);
    expect(await popup.thisPage.getByRole('alert').count()).toBe(0);
    // Control: over an article the same popup reads the tab and suggests its companies.
    const article = await read(ARTICLE);
    await article.bringToFront();
    await popup.page.reload();
    const list = popup.thisPage.getByRole('list', { name: 'Also in this article' });
    await list.waitFor();
    expect(await list.locator('.name').allTextContents()).toContain('Samsung Electronics');
    await Promise.all([popup.page.close(), broken.close(), article.close()]);
  });
});
