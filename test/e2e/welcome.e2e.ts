/**
 * A new user's first steps in Chromium: the welcome page opens once on install and not on an
 * update; companies tracked there (typed, or picked with the keyboard) are in the options; an
 * import through the options page merges into what is tracked; the icon heads every page. The
 * welcome page is checked with axe and photographed in light and dark mode.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { ARTIFACTS, screenshot, seriousViolations, useScheme } from './pages/accessibility';
import { BROWSER_TARGET_ARGS, type ExtensionFolder, extensionFolder, reloadExtension, send } from './store-tools';

describe('a new user’s first week in Chromium', () => {
  let harness: Harness;
  let folder: ExtensionFolder;
  beforeAll(async () => {
    folder = extensionFolder();
    harness = await startHarness({ extensionDir: folder.dir, args: BROWSER_TARGET_ARGS, keepWelcome: true });
  });
  afterAll(async () => {
    await harness?.close();
    folder?.remove();
  });

  const welcomePages = () => harness.browser.context.pages().filter((p) => p.url().endsWith('/welcome.html'));

  /** Waits until the worker answers an extension page, then a while longer for any tab it would open. */
  async function settle(): Promise<void> {
    const control = await harness.browser.openExtensionPage('manifest.json');
    await send(control, 'ui:listEntities', {});
    await control.waitForTimeout(1000);
    await control.close();
  }

  async function iconShown(page: Page): Promise<boolean> {
    const icon = page.locator('img.brand-mark').first();
    await icon.waitFor();
    return icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  }

  it('opens the welcome page once on install; companies tracked there are in the options', async () => {
    await expect.poll(() => welcomePages().length).toBe(1);
    await settle();
    expect(welcomePages()).toHaveLength(1);
    const welcome = welcomePages()[0] as Page;
    await welcome.setViewportSize({ width: 900, height: 900 });
    await welcome.getByRole('heading', { name: 'Welcome to News Tracker' }).waitFor();
    expect(await iconShown(welcome)).toBe(true);

    // The keyboard alone: type a name and press Enter, then move to an example and press Space.
    await welcome.getByLabel('Company name').focus();
    await welcome.keyboard.type('Siemens');
    await welcome.keyboard.press('Enter');
    await welcome.getByRole('status').filter({ hasText: 'Now tracking Siemens.' }).waitFor();
    const apple = welcome.getByRole('button', { name: 'Apple', exact: true });
    for (let i = 0; i < 10 && !(await apple.evaluate((el) => el === document.activeElement)); i++) {
      await welcome.keyboard.press('Tab');
    }
    await welcome.keyboard.press('Space');
    await expect.poll(() => apple.getAttribute('aria-pressed')).toBe('true');
    const tracked = welcome.getByRole('list', { name: 'Companies you track' }).getByRole('listitem');
    await expect.poll(() => tracked.allTextContents()).toEqual(['Siemens', 'Apple']);

    const options = await harness.openOptions();
    await expect.poll(() => options.companyNames()).toEqual(['Siemens', 'Apple']);
    expect(await iconShown(options.page)).toBe(true);
    await options.page.close();
    const dashboard = await harness.browser.openExtensionPage('dashboard.html');
    expect(await iconShown(dashboard)).toBe(true);
    await dashboard.close();

    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(welcome, scheme);
      await screenshot(welcome, `welcome-${scheme}`);
      expect(await seriousViolations(welcome), `welcome in ${scheme} mode`).toEqual([]);
    }
  });

  it('merges an import through the options page: Apple keeps its alias, watchlist and colour, and gains AAPL', async () => {
    const options = await harness.openOptions();
    await options.editCompany('Apple', { aliases: ['Apple Inc'], watchlist: 'Big Tech' });
    await options.addCompany('Microsoft', [], { watchlist: 'Big Tech' });
    const before = JSON.parse((await options.export('Export companies (JSON)')).text).items;

    await options.chooseImportFile('apple.json', '{"name":"Apple","aliases":["AAPL"]}');
    const preview = options.importPreview;
    expect(await preview.getByRole('heading', { level: 3 }).textContent()).toBe(
      'apple.json: 0 to add, 1 to change, 0 skipped',
    );
    expect(await preview.getByRole('list', { name: 'To change' }).textContent()).toBe(
      'AppleAliases: Apple Inc → Apple Inc, AAPL',
    );
    await preview.getByText('an import never removes one').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(options.page, scheme);
      await preview.screenshot({ path: path.join(ARTIFACTS, `import-preview-${scheme}.png`) });
      expect(await seriousViolations(options.page), `options with the import preview in ${scheme} mode`).toEqual([]);
    }
    expect(await options.confirmImport()).toBe('Imported apple.json: 0 added, 1 changed.');

    const apple = options.companies.filter({ hasText: 'Apple' });
    await expect.poll(() => apple.textContent()).toContain('also Apple Inc, AAPL');
    await options.page.getByLabel('Show watchlist').selectOption('Big Tech');
    await expect.poll(() => options.companyNames()).toEqual(['Apple', 'Microsoft']);
    const after = JSON.parse((await options.export('Export companies (JSON)')).text).items;
    const colours = (items: { name: string; color: string }[]) => items.map((e) => [e.name, e.color]);
    expect(colours(after)).toEqual(colours(before));
    expect(new Set(after.map((e: { color: string }) => e.color)).size).toBe(after.length);
    await options.page.close();
  });

  it('opens no welcome page when the extension is updated', async () => {
    folder.install('.output/chrome-mv3', '0.1.1');
    await reloadExtension(harness.browser, folder.dir);
    await settle();
    expect(welcomePages()).toEqual([]);
    // The update kept what the first days tracked.
    const options = await harness.openOptions();
    await expect.poll(() => options.companyNames()).toEqual(['Siemens', 'Apple', 'Microsoft']);
  });
});
