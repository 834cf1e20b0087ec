import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readContentState } from '@/utils/content-state';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { marks, panelShadow } from './page-view';
import { ARTICLE_URL, count, samsung, settle, showArticle, start, storeState, xiaomi } from './start-helpers';

describe('the content state content scripts read', () => {
  it('is one storage.local item, read once as the page starts', async () => {
    await storeState([xiaomi]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['contentState']);
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    showArticle();
    const { session } = start(ARTICLE_URL);
    await session.idle();
    expect(count(xiaomi)).toBe(2);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('reads as nothing tracked, with default settings, before the background has written it', async () => {
    expect(await readContentState()).toEqual({ entities: [], settings: DEFAULT_SETTINGS });
  });

  it('completes settings it cannot use with defaults and reads a broken list as empty', async () => {
    await fakeBrowser.storage.local.set({
      contentState: { entities: 'Xiaomi', settings: { highlightScope: 'sometimes', showPanel: false } },
    });
    expect(await readContentState()).toEqual({
      entities: [],
      settings: { ...DEFAULT_SETTINGS, showPanel: false },
    });
  });

  it('reaches an open page with each change: a new list rescans it, new settings only re-decide', async () => {
    await storeState([xiaomi]);
    showArticle();
    const { session, trackedLists } = start(ARTICLE_URL);
    await session.idle();
    const first = marks();

    await storeState([xiaomi, samsung]);
    await settle(session);
    expect(count(samsung)).toBe(2);
    const second = marks();
    expect(second[0]).not.toBe(first[0]);

    // The panel's switch changes nothing the highlights depend on: the scan is kept.
    await storeState([xiaomi, samsung], { showPanel: false });
    await settle(session);
    expect(marks()).toEqual(second);
    expect(marks().every((mark, i) => mark === second[i])).toBe(true);
    expect(panelShadow()).toBeNull();
    expect(trackedLists).toEqual([['Xiaomi'], ['Xiaomi', 'Samsung'], ['Xiaomi', 'Samsung']]);
  });

  it('follows the item alone: other keys in storage.local are not the content state', async () => {
    await storeState([xiaomi]);
    showArticle();
    const { session } = start(ARTICLE_URL);
    await session.idle();
    await fakeBrowser.storage.local.set({ trackedEntities: [samsung], storageProblem: 'Storage is full' });
    await settle(session);
    expect(count(samsung)).toBe(0);
    expect((await readContentState()).entities).toEqual([xiaomi]);
  });
});
