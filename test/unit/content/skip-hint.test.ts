import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { judgedNotAnArticle } from '@/utils/content/kept-story';
import { markNonArticlesNeedNothing, nonArticlesNeedNothing } from '@/utils/content/skip-hint';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { type ContentState, readContentState, SETTINGS_KEY } from '@/utils/tracked-list';
import {
  ARTICLE_URL,
  count,
  HOME_URL,
  settle,
  showArticle,
  showHomePage,
  start,
  stateItems,
  xiaomi,
} from './start-helpers';

/** The start under the skip hint, counting storage reads. */
function startSkipping(url: string, env: Parameters<typeof start>[1] = {}) {
  const reads = vi.fn(readContentState);
  return { ...start(url, env, reads, true), reads };
}

describe('the skip hint', () => {
  it('is the mark the registered script leaves in the isolated world', () => {
    const world = globalThis as Record<symbol, unknown>;
    const mark = Symbol.for('news-tracker.skip-non-articles');
    delete world[mark];
    expect(nonArticlesNeedNothing()).toBe(false);
    markNonArticlesNeedNothing();
    expect(nonArticlesNeedNothing()).toBe(true);
    delete world[mark];
  });
});

describe('the start under the skip hint', () => {
  it('passes over a page that is not an article without reading storage, and keeps its verdict', async () => {
    await fakeBrowser.storage.local.set(stateItems([xiaomi]));
    showHomePage();
    const { session, reads, statuses, trackedLists } = startSkipping(HOME_URL);
    await session.idle();
    expect(reads).not.toHaveBeenCalled();
    expect(session.highlights).toBeNull();
    expect(statuses).toEqual([]);
    expect(trackedLists).toEqual([]);
    expect(judgedNotAnArticle(HOME_URL)).toBe(true);
  });

  it('reads storage on an article and highlights it', async () => {
    await fakeBrowser.storage.local.set(stateItems([xiaomi]));
    showArticle();
    const { session, reads, statuses } = startSkipping(ARTICLE_URL);
    await session.idle();
    expect(reads).toHaveBeenCalledTimes(1);
    expect(count(session, xiaomi)).toBe(2);
    expect(statuses.at(-1)).toMatchObject({ url: ARTICLE_URL, isArticle: true });
    expect(judgedNotAnArticle(ARTICLE_URL)).toBe(false);
  });

  it('highlights a passed-over page once every page is asked for, reading storage once', async () => {
    await fakeBrowser.storage.local.set(stateItems([xiaomi]));
    showHomePage();
    const { session, reads } = startSkipping(HOME_URL);
    await session.idle();
    // The background writes the change to both areas.
    const everyPage = { ...DEFAULT_SETTINGS, highlightScope: 'all' };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: everyPage });
    await fakeBrowser.storage.session.set({ [SETTINGS_KEY]: everyPage });
    await settle(session);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(count(session, xiaomi)).toBe(1);
  });

  it('looks again after a single-page-app navigation, and reads storage only when it reaches an article', async () => {
    await fakeBrowser.storage.local.set(stateItems([xiaomi]));
    showHomePage();
    let url = HOME_URL;
    const { session, reads } = startSkipping(HOME_URL, { url: () => url, quietMs: 10 });
    await session.idle();

    url = `${HOME_URL}?page=2`;
    await session.onLocationChanged();
    expect(reads).not.toHaveBeenCalled();
    expect(judgedNotAnArticle(url)).toBe(true);

    showArticle();
    url = ARTICLE_URL;
    await session.onLocationChanged();
    await session.idle();
    expect(reads).toHaveBeenCalledTimes(1);
    expect(count(session, xiaomi)).toBe(2);
  });

  it('decides on the page it is on when storage answers, if the address changed meanwhile', async () => {
    showArticle();
    let url = ARTICLE_URL;
    let answer: (state: ContentState) => void = () => {};
    const reading = new Promise<ContentState>((resolve) => {
      answer = resolve;
    });
    const { session } = start(ARTICLE_URL, { url: () => url }, () => reading, true);
    // The app moves to a page that is not an article before storage answers.
    showHomePage();
    url = HOME_URL;
    answer({ entities: [xiaomi], settings: DEFAULT_SETTINGS });
    await session.idle();
    expect(session.highlights).toBeNull();
    expect(judgedNotAnArticle(HOME_URL)).toBe(true);
  });
});
