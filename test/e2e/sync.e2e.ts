/**
 * The sync switch in Chromium: it is on the options page, on, and a company added there reaches
 * chrome.storage.sync (an unpacked extension without a signed-in profile still has the area,
 * kept locally); switched off, the next company stays on this browser. The section is
 * photographed in light and dark mode.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { screenshot, useScheme } from './pages/accessibility';

declare const chrome: { storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } } };

/** The names of the companies in the sync area (deleted ones, kept as tombstones, left out). */
async function syncedNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const items = await chrome.storage.sync.get(null);
    return Object.entries(items)
      .filter(([key]) => key.startsWith('company:'))
      .map(([, item]) => (item as { value: { name: string } | null }).value?.name)
      .filter((name): name is string => typeof name === 'string')
      .sort();
  });
}

describe('sync in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('is on in the options, and a company added there reaches chrome.storage.sync', async () => {
    const options = await harness.openOptions();
    const page = options.page;
    const toggle = page.getByRole('checkbox', { name: 'Sync companies and settings across browsers' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    expect(await syncedNames(page)).toEqual([]);

    await options.addCompany('Siemens');
    await expect.poll(() => syncedNames(page), { timeout: 10_000 }).toEqual(['Siemens']);
    await page.reload();
    await page.getByText(/^Last synced /).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(page, scheme);
      await page.getByRole('heading', { name: 'Sync' }).scrollIntoViewIfNeeded();
      await screenshot(page, `options-sync-${scheme}`);
    }

    await toggle.uncheck();
    await page.getByRole('status').filter({ hasText: 'Sync is off' }).waitFor();
    await options.addCompany('Xiaomi');
    // Give a stray merge time to happen: it must not.
    await page.waitForTimeout(1500);
    expect(await syncedNames(page)).toEqual(['Siemens']);
    expect(await options.companyNames()).toEqual(['Siemens', 'Xiaomi']);
  });
});
