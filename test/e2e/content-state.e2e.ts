/**
 * Where content scripts read the tracked list: storage.session (in memory, opened to them by the
 * background) and, while that is empty and closed as after a browser restart, storage.local.
 * Each phase gives the two areas different lists, so the highlights show which one a page read.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopServiceWorkers } from '../../scripts/lib/chromium';
import { type Harness, startHarness } from './harness';
import { highlightedRangeCount, highlightedTexts } from './highlight-helpers';

type Entity = { name: string };

declare const chrome: {
  storage: Record<
    'local' | 'session',
    {
      get(key: string): Promise<Record<string, Entity[] | undefined>>;
      set(items: Record<string, unknown>): Promise<void>;
      clear(): Promise<void>;
      setAccessLevel(options: { accessLevel: string }): Promise<void>;
    }
  >;
};

const LIST = 'trackedEntities';

/** The tracked list in one area, read from an extension page (which may read both). */
function listIn(control: Page, area: 'local' | 'session'): Promise<string[]> {
  return control.evaluate(async ([a, key]) => ((await chrome.storage[a].get(key))[key] ?? []).map((e) => e.name), [
    area,
    LIST,
  ] as const);
}

describe('the tracked list content scripts read', () => {
  let harness: Harness;
  let control: Page;
  /** What each page highlights: Xiaomi 3 times, Samsung twice. */
  const visit = async () => {
    const page = await harness.browser.context.newPage();
    await page.goto(harness.server.url('/demo/business-article.html'));
    return page;
  };
  const texts = async (page: Page) => [...new Set(await highlightedTexts(page))].sort();

  beforeAll(async () => {
    harness = await startHarness();
    const options = await harness.openOptions();
    await options.addCompany('Xiaomi');
    await options.addCompany('Samsung');
    control = options.page;
  });
  afterAll(async () => harness?.close());

  it('comes from session storage when the background has filled it', async () => {
    // The background keeps the list in both areas.
    await expect.poll(() => listIn(control, 'session')).toEqual(['Xiaomi', 'Samsung']);
    expect(await listIn(control, 'local')).toEqual(['Xiaomi', 'Samsung']);
    await control.evaluate(async (key) => {
      const both = (await chrome.storage.session.get(key))[key] ?? [];
      await chrome.storage.session.set({ [key]: both.filter((e) => e.name === 'Xiaomi') });
      await chrome.storage.local.set({ [key]: both.filter((e) => e.name === 'Samsung') });
    }, LIST);
    const page = await visit();
    await expect.poll(() => highlightedRangeCount(page)).toBe(3);
    expect(await texts(page)).toEqual(['Xiaomi']);
  });

  it('comes from storage.local in a browser whose session storage is empty and closed, as after a restart', async () => {
    await control.evaluate(async () => {
      await chrome.storage.session.clear();
      await chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    });
    const page = await visit();
    await expect.poll(() => highlightedRangeCount(page)).toBe(2);
    expect(await texts(page)).toEqual(['Samsung']);
  });

  it('comes from session storage again once the worker has started and republished the list', async () => {
    await stopServiceWorkers(control);
    // Any message starts the worker, which publishes the database's list to both areas.
    await harness.openPopup();
    await expect.poll(() => listIn(control, 'session')).toEqual(['Xiaomi', 'Samsung']);
    await control.evaluate((key) => chrome.storage.local.set({ [key]: [] }), LIST);
    const page = await visit();
    await expect.poll(() => highlightedRangeCount(page)).toBe(5);
    expect(await texts(page)).toEqual(['Samsung', 'Xiaomi']);
  });
});
