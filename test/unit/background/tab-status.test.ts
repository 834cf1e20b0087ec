/**
 * What each tab's page holds (badge, "This page") lives in IndexedDB: a worker stopped and
 * started again still knows it, and no storage area a content script can read ever holds
 * another tab's address.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/utils/background/start';
import { BUSINESS_BADGE_COLOR, createTabStatus } from '@/utils/background/tab-status';
import { openNewsDb } from '@/utils/db/schema';
import type { PageStatus } from '@/utils/stories';
import { report } from '../db/story-fixtures';
import { installFakeMenus } from './fakes';

const status = (url: string, counts: number[]): PageStatus => ({
  url,
  isArticle: true,
  isBusiness: false,
  mentions: counts.map((count, i) => ({ entityId: `e${i}`, count })),
});

/** One connection per test, as the worker keeps one. */
function database() {
  let db: ReturnType<typeof openNewsDb> | null = null;
  return () => {
    db ??= openNewsDb();
    return db;
  };
}

describe('tab states', () => {
  it('survive the worker: a new worker reads the page status and colour the last one kept', async () => {
    const getDb = database();
    const first = createTabStatus(getDb);
    expect(await first.updatePageStatus(7, status('https://news.example/a', [2, 1]))).toBe('2');
    await first.markStoryRecorded(
      7,
      report({ url: 'https://news.example/a', visitedUrl: 'https://news.example/a', isBusiness: true }),
    );

    const restarted = createTabStatus(getDb);
    expect(await restarted.readPageStatus(7)).toEqual(status('https://news.example/a', [2, 1]));
    // The next scan keeps the colour of the story recorded before the restart.
    await restarted.updatePageStatus(7, status('https://news.example/a', [3, 1, 1]));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('3');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual([46, 125, 50, 255]);
    expect(BUSINESS_BADGE_COLOR).toBe('#2e7d32');
  });

  it('never reach the storage areas content scripts can read', async () => {
    const tabs = createTabStatus(database());
    await tabs.updatePageStatus(3, status('https://private.example/deal', [1]));
    await tabs.markStoryRecorded(3, report({ url: 'https://private.example/deal' }));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('are kept in the worker’s memory when the database cannot be opened, so the badge still works', async () => {
    const tabs = createTabStatus(() => Promise.reject(new Error('IndexedDB is unavailable')));
    expect(await tabs.updatePageStatus(5, status('https://news.example/b', [1, 1, 1]))).toBe('3');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('3');
    expect((await tabs.readPageStatus(5))?.url).toBe('https://news.example/b');
    await tabs.forgetTab(5);
    expect(await tabs.readPageStatus(5)).toBeNull();
  });

  it('are forgotten when the tab closes, after "delete all data" (badges cleared), and when the browser starts', async () => {
    const getDb = database();
    const tabs = createTabStatus(getDb);
    for (const tabId of [1, 2, 3]) await tabs.updatePageStatus(tabId, status(`https://news.example/${tabId}`, [1]));
    await tabs.forgetTab(1);
    expect(await tabs.readPageStatus(1)).toBeNull();
    expect(await tabs.readPageStatus(2)).not.toBeNull();

    await tabs.forgetAllTabs();
    expect(await (await getDb()).count('tabStates')).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 2 })).toBe('');

    // A browser start: tab ids begin again, so the last session's states must not be handed to new tabs.
    installFakeMenus();
    startBackground(getDb);
    await tabs.updatePageStatus(9, status('https://news.example/old', [1]));
    await fakeBrowser.runtime.onStartup.trigger();
    await expect.poll(async () => (await getDb()).count('tabStates')).toBe(0);
  });
});
