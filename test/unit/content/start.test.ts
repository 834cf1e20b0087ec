import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentState } from '@/utils/content-state';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { markedTexts, panelShadow } from './page-view';
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
  storageAnswers,
  storeState,
  xiaomi,
} from './start-helpers';

describe('the content script’s start', () => {
  it('leaves the page alone, with the error reported, when storage cannot be read', async () => {
    showArticle();
    const failure = new Error('storage is gone');
    storageAnswers(Promise.reject(failure));
    const { session, errors, statuses } = start(ARTICLE_URL);
    await session.idle();
    expect(errors).toEqual([failure]);
    expect(markedTexts()).toEqual([]);
    expect(statuses).toEqual([]);
  });
});

describe('the start on a page', () => {
  it('does no work on a page that is not an article (and highlights it when every page is asked for)', async () => {
    await storeState([xiaomi]);
    showHomePage();
    const rejected = start(HOME_URL);
    await rejected.session.idle();
    expect(markedTexts()).toEqual([]);
    expect(panelShadow()).toBeNull();
    expect(rejected.statuses).toEqual([]);
    rejected.controller.abort();

    await storeState([xiaomi], { highlightScope: 'all' });
    const everyPage = start(HOME_URL);
    await everyPage.session.idle();
    expect(count(xiaomi)).toBe(1);
    expect(everyPage.statuses.at(-1)?.isArticle).toBe(false);
  });

  it('judges a same-origin frame by the article around it', async () => {
    await storeState([xiaomi]);
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
    expect(count(xiaomi)).toBe(1);
  });

  /** Starts on one page; a single-page app moves to the other before the storage read returns. */
  async function moveBeforeStorageAnswers(from: [() => void, string], to: [() => void, string]) {
    from[0]();
    let url = from[1];
    let answer: (state: ContentState) => void = () => {};
    const reading = new Promise<ContentState>((resolve) => {
      answer = resolve;
    });
    storageAnswers(reading);
    const started = start(url, { url: () => url });
    to[0]();
    url = to[1];
    answer({ entities: [xiaomi], settings: DEFAULT_SETTINGS });
    await started.session.idle();
    return started;
  }

  it('decides on the page it is on when storage answers, if the address changed meanwhile', async () => {
    await moveBeforeStorageAnswers([showHomePage, HOME_URL], [showArticle, ARTICLE_URL]);
    expect(count(xiaomi)).toBe(2);
  });

  it('leaves a page alone that stopped being an article before storage answered', async () => {
    const { statuses } = await moveBeforeStorageAnswers([showArticle, ARTICLE_URL], [showHomePage, HOME_URL]);
    expect(markedTexts()).toEqual([]);
    expect(statuses).toEqual([]);
  });
});

describe('following the tracked list and settings', () => {
  it('picks up a settings change', async () => {
    await storeState([xiaomi]);
    showArticle();
    const { session } = start(ARTICLE_URL);
    await session.idle();
    expect(count(xiaomi)).toBe(2);

    await storeState([xiaomi], { disabledSites: ['news.example'] });
    await settle(session);
    expect(markedTexts()).toEqual([]);
  });

  it('stops following storage once the page is left (the signal aborts)', async () => {
    await storeState([]);
    showArticle();
    const { session, controller, trackedLists } = start(ARTICLE_URL);
    await session.idle();
    controller.abort();
    await storeState([xiaomi]);
    await settle(session);
    expect(markedTexts()).toEqual([]);
    expect(trackedLists).toEqual([[]]);
  });

  it('lets go of the page quietly after an update took the extension’s storage API away', async () => {
    await storeState([xiaomi]);
    showArticle();
    const { session, controller } = start(ARTICLE_URL);
    await session.idle();
    vi.spyOn(fakeBrowser.storage.local.onChanged, 'removeListener').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(() => controller.abort()).not.toThrow();
    expect(markedTexts()).toEqual([]);
  });
});
