/**
 * The one channel content scripts learn the tracked list and settings through: the content
 * state, one storage.local item the background alone writes. Pages read it as they load and
 * follow its change; a worker that was stopped writes it again from the database as it starts.
 * Each step gives the item a list the database does not hold, so the highlights show what a
 * page read.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopServiceWorkers } from '../support/chromium';
import { type Harness, startHarness } from './harness';
import { highlightedRangeCount, highlightedTexts } from './highlight-helpers';

type State = { entities: { name: string }[]; settings: unknown };

declare const chrome: {
  storage: {
    local: {
      get(key: string): Promise<Record<string, State | undefined>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
};

const KEY = 'contentState';

/** The names in the content state, read from an extension page. */
function namesIn(control: Page): Promise<string[]> {
  return control.evaluate(
    async (key) => ((await chrome.storage.local.get(key))[key]?.entities ?? []).map((e) => e.name),
    KEY,
  );
}

/** Writes the content state with only the companies named, behind the background's back. */
function keepOnly(control: Page, names: string[]): Promise<void> {
  return control.evaluate(
    async ([key, kept]) => {
      const state = (await chrome.storage.local.get(key))[key] as State;
      const all = (globalThis as { allTracked?: State['entities'] }).allTracked ?? state.entities;
      (globalThis as { allTracked?: State['entities'] }).allTracked = all;
      await chrome.storage.local.set({ [key]: { ...state, entities: all.filter((e) => kept.includes(e.name)) } });
    },
    [KEY, names] as const,
  );
}

describe('the content state in Chromium', () => {
  let harness: Harness;
  let control: Page;
  /** What the page highlights: Xiaomi 3 times, Samsung twice. */
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

  it('is what a page reads as it loads', async () => {
    await expect.poll(() => namesIn(control)).toEqual(['Xiaomi', 'Samsung']);
    await keepOnly(control, ['Samsung']);
    const page = await visit();
    await expect.poll(() => highlightedRangeCount(page)).toBe(2);
    expect(await texts(page)).toEqual(['Samsung']);
    await page.close();
  });

  it('reaches a page already open when it changes', async () => {
    await keepOnly(control, ['Xiaomi']);
    const page = await visit();
    await expect.poll(() => texts(page)).toEqual(['Xiaomi']);
    await keepOnly(control, ['Xiaomi', 'Samsung']);
    await expect.poll(() => highlightedRangeCount(page)).toBe(5);
    await page.close();
  });

  it('is written again from the database when a stopped worker starts', async () => {
    await keepOnly(control, []);
    await stopServiceWorkers(control);
    // Any message starts the worker, which writes the database's list.
    await harness.openPopup();
    await expect.poll(() => namesIn(control)).toEqual(['Xiaomi', 'Samsung']);
    const page = await visit();
    await expect.poll(() => highlightedRangeCount(page)).toBe(5);
    expect(await texts(page)).toEqual(['Samsung', 'Xiaomi']);
  });
});
