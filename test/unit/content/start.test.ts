import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { type ContentState, SETTINGS_KEY, TRACKED_LIST_KEY } from '@/utils/tracked-list';
import {
  ARTICLE_URL,
  articleBody,
  articleHead,
  count,
  HOME_URL,
  settle,
  showArticle,
  showHomePage,
  start,
  stateItems,
  xiaomi,
} from './start-helpers';

describe('the content script’s start', () => {
  it('leaves the page alone, with the error reported, when storage cannot be read', async () => {
    showArticle();
    const failure = new Error('storage is gone');
    const { session, errors, statuses } = start(ARTICLE_URL, {}, () => Promise.reject(failure));
    await session.idle();
    expect(errors).toEqual([failure]);
    expect(session.highlights).toBeNull();
    expect(statuses).toEqual([]);
  });
});

describe('the start on a page', () => {
  it('does no work on a page that is not an article (and highlights it when every page is asked for)', async () => {
    await fakeBrowser.storage.local.set(stateItems([xiaomi]));
    showHomePage();
    const rejected = start(HOME_URL);
    await rejected.session.idle();
    expect(rejected.session.highlights).toBeNull();
    expect(rejected.session.panelHost).toBeNull();
    expect(rejected.statuses).toEqual([]);
    rejected.controller.abort();

    await fakeBrowser.storage.local.set(stateItems([xiaomi], { highlightScope: 'all' }));
    const everyPage = start(HOME_URL);
    await everyPage.session.idle();
    expect(count(everyPage.session, xiaomi)).toBe(1);
    expect(everyPage.statuses.at(-1)?.isArticle).toBe(false);
  });

  it('judges a same-origin frame by the article around it', async () => {
    await fakeBrowser.storage.local.set(stateItems([xiaomi]));
    // The frame's own document is a list of links; the page around it is the article.
    const top = document.implementation.createHTMLDocument('top');
    top.head.innerHTML = articleHead;
    top.body.innerHTML = articleBody;
    showHomePage();
    const { session } = start(`${ARTICLE_URL}#comments-frame`, {
      isTopFrame: false,
      topPage: () => ({ document: top, url: ARTICLE_URL }),
    });
    await session.idle();
    expect(count(session, xiaomi)).toBe(1);
  });

  it('decides on the page it is on when storage answers, if the address changed meanwhile', async () => {
    showHomePage();
    let url = HOME_URL;
    let answer: (state: ContentState) => void = () => {};
    const reading = new Promise<ContentState>((resolve) => {
      answer = resolve;
    });
    const { session } = start(HOME_URL, { url: () => url }, () => reading);
    // A single-page app shows an article before the storage read returns.
    showArticle();
    url = ARTICLE_URL;
    answer({ entities: [xiaomi], settings: DEFAULT_SETTINGS });
    await session.idle();
    expect(count(session, xiaomi)).toBe(2);
  });
});

describe('following the tracked list and settings', () => {
  it('picks up a change reported by storage.local alone (where session storage is not used)', async () => {
    await fakeBrowser.storage.local.set(stateItems([xiaomi]));
    showArticle();
    const { session } = start(ARTICLE_URL);
    await session.idle();
    expect(count(session, xiaomi)).toBe(2);

    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] } });
    await settle(session);
    expect(session.highlights).toBeNull();
  });

  it('stops following storage once the page is left (the signal aborts)', async () => {
    await fakeBrowser.storage.local.set(stateItems([]));
    showArticle();
    const { session, controller, trackedLists } = start(ARTICLE_URL);
    await session.idle();
    controller.abort();
    await fakeBrowser.storage.local.set({ [TRACKED_LIST_KEY]: [xiaomi] });
    await settle(session);
    expect(session.highlights).toBeNull();
    expect(trackedLists).toEqual([[]]);
  });
});
