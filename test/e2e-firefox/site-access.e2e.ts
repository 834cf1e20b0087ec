/**
 * Site access in Firefox. Firefox grants a Manifest V3 add-on its host permissions at install,
 * but lets a person withdraw them; then no content script runs. The popup must say so, and the
 * options page must explain why News Tracker needs them and ask for them again.
 * Firefox's permission prompt is a browser panel no test can click: the preference
 * `extensions.webextOptionalPermissionPrompts` stands in for the person answering yes.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_PAGES } from '../../utils/content/pages';
import type { Scheme } from '../e2e/pages/accessibility';
import { type FirefoxHarness, startFirefoxHarness } from './harness';
import type { OptionsPage } from './pages/options';
import type { PopupPage } from './pages/popup';
import { schemePrefs, screenshot } from './pages/screenshots';

const NOTICE = /^This browser does not let News Tracker read web pages, so it highlights nothing/u;

const highlightCount = (page: Page) => page.evaluate(() => CSS.highlights.size);

async function start(scheme: Scheme): Promise<{ harness: FirefoxHarness; options: OptionsPage }> {
  const harness = await startFirefoxHarness({
    prefs: { 'extensions.webextOptionalPermissionPrompts': false, ...schemePrefs(scheme) },
  });
  const options = await harness.openOptions();
  await options.addCompany('Xiaomi');
  return { harness, options };
}

/** Withdraws the access as Firefox's add-on manager does; then the popup and options page say so. */
async function withdrawSiteAccess(harness: FirefoxHarness, options: OptionsPage): Promise<PopupPage> {
  const stillThere = await options.page.evaluate(async (origins) => {
    const { permissions } = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
    await permissions.remove({ origins });
    return permissions.contains({ origins });
  }, CONTENT_PAGES);
  expect(stillThere).toBe(false);
  const popup = await harness.openPopup();
  await expect.poll(() => popup.siteAccessNotice()).toMatch(NOTICE);
  await expect.poll(() => options.siteAccessRequest()).toMatch(/sends nothing anywhere/u);
  return popup;
}

async function screenshots(popup: PopupPage, options: OptionsPage, scheme: Scheme): Promise<void> {
  await popup.page.setViewport({ width: 380, height: 640 });
  await screenshot(popup.page, 'popup-no-site-access', scheme);
  await options.page.setViewport({ width: 900, height: 700 });
  await screenshot(options.page, 'options-no-site-access', scheme);
}

describe('site access in Firefox', () => {
  let harness: FirefoxHarness;
  let options: OptionsPage;

  beforeAll(async () => {
    ({ harness, options } = await start('light'));
  });
  afterAll(async () => harness?.close());

  it('is there after install: the popup shows no notice and articles are highlighted', async () => {
    const article = await harness.open('/highlight/article.html');
    await expect.poll(() => highlightCount(article)).toBeGreaterThan(0);
    const popup = await harness.openPopup();
    await popup.loaded();
    expect(await popup.siteAccessNotice()).toBeNull();
    expect(await options.siteAccessRequest()).toBeNull();
    await Promise.all([article.close(), popup.page.close()]);
  });

  it('when withdrawn, the popup says so and the options page explains and asks; once given, pages are read again', async () => {
    const popup = await withdrawSiteAccess(harness, options);
    const unread = await harness.open('/highlight/article.html');
    await screenshots(popup, options, 'light');
    // Long enough after load for the highlights that the first test saw at once.
    expect(await highlightCount(unread)).toBe(0);

    await options.allowSiteAccess();
    await expect.poll(() => options.siteAccessRequest()).toBeNull();
    const article = await harness.open('/highlight/article.html');
    await expect.poll(() => highlightCount(article)).toBeGreaterThan(0);
    await popup.reopen();
    await popup.loaded();
    expect(await popup.siteAccessNotice()).toBeNull();
  });
});

describe('site access in Firefox, dark mode', () => {
  let harness: FirefoxHarness | undefined;
  afterAll(async () => harness?.close());

  it('shows the same notice and request', async () => {
    const started = await start('dark');
    harness = started.harness;
    await screenshots(await withdrawSiteAccess(harness, started.options), started.options, 'dark');
  });
});
