/**
 * The person's word on a page, through the background: "This page" reads the tab, "Record this
 * page" takes back an earlier "Not a news story" and has the tab record itself, and "Not a news
 * story" deletes the story and refuses its address from then on. The tab is a stand-in content
 * session answering through the real answerTabMessage, as the content script does.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { answerTabMessage } from '@/utils/content/tab-messages';
import type { PageReading, StoryRecord } from '@/utils/stories';
import { report } from '../db/story-fixtures';
import { installFakeMenus } from './fakes';

const PAGE = 'https://shop.example/blog/xiaomi-opens?ref=home';
const STORY = 'https://shop.example/blog/xiaomi-opens';
const TAB = 4;

const fromPage = (message: unknown) => fakeBrowser.runtime.sendMessage(message) as Promise<unknown>;
/** A content script's message, with its tab as Chrome gives it. */
const fromTab = (message: unknown) =>
  new Promise((resolve) => {
    fakeBrowser.runtime.onMessage.trigger(message, { tab: { id: TAB }, url: PAGE } as never, resolve as never);
  });
const stories = async () =>
  ((await fromPage({ type: 'ui:exportData', payload: {} })) as { value: { stories: StoryRecord[] } }).value.stories;

/** The tab: what its content script would read and do. */
function installTab(reading: PageReading | null = null) {
  const verdicts: { url: string; isNews: boolean }[] = [];
  const session = {
    readPage: async () => reading,
    async setVerdict(url: string, isNews: boolean) {
      verdicts.push({ url, isNews });
      if (url !== reading?.url) return { applied: false, recorded: false };
      if (!isNews) return { applied: true, recorded: false };
      // Recording by hand goes the way every story goes: the content script reports it.
      const answer = (await fromTab({
        type: 'content:reportStory',
        payload: report({ url: STORY, visitedUrl: url }),
      })) as {
        value?: { saved: boolean };
      };
      return { applied: true, recorded: answer.value?.saved === true };
    },
  };
  const sendMessage = vi.fn(async (tabId: number, message: unknown) => {
    if (tabId !== TAB) throw new Error('Could not establish connection. Receiving end does not exist.');
    return answerTabMessage(session, message, { id: fakeBrowser.runtime.id }, fakeBrowser.runtime.id);
  });
  Object.assign(fakeBrowser.tabs, { sendMessage });
  return { verdicts, sendMessage };
}

const READING: PageReading = {
  url: PAGE,
  storyUrl: STORY,
  isArticle: false,
  isBusiness: false,
  mentions: [{ entityId: 'xiaomi', count: 2 }],
};

describe('corrections through the background', () => {
  beforeEach(() => {
    installFakeMenus();
    background.main();
  });

  it('reads the page in a tab, with whether its address is recorded; a tab without the content script gives null', async () => {
    installTab(READING);
    expect(await fromPage({ type: 'ui:readPage', payload: { tabId: TAB } })).toEqual({
      ok: true,
      value: { ...READING, recorded: false, notNews: false },
    });
    expect(await fromPage({ type: 'ui:readPage', payload: { tabId: TAB + 1 } })).toEqual({ ok: true, value: null });
  });

  it('refuses an answer from the tab that is not a page reading', async () => {
    installTab({ ...READING, storyUrl: 'javascript:alert(1)' });
    expect(await fromPage({ type: 'ui:readPage', payload: { tabId: TAB } })).toEqual({
      ok: false,
      error: 'storyUrl: URL scheme javascript: is not allowed',
    });
  });

  it('"Not a news story" deletes the story, tells the tab, and refuses the address from then on; another is stored', async () => {
    const { verdicts } = installTab(READING);
    await fromTab({ type: 'content:reportStory', payload: report({ url: STORY, visitedUrl: PAGE }) });
    expect((await stories()).map((s) => s.url)).toEqual([STORY]);

    const tab = { id: TAB, url: PAGE };
    expect(await fromPage({ type: 'ui:markNotNews', payload: { url: STORY, tab } })).toEqual({ ok: true, value: null });
    expect(await stories()).toEqual([]);
    expect(verdicts).toEqual([{ url: PAGE, isNews: false }]);
    expect(await fromTab({ type: 'content:reportStory', payload: report({ url: STORY }) })).toEqual({
      ok: true,
      value: { saved: false },
    });
    expect(await stories()).toEqual([]);
    const standing = (await fromPage({ type: 'ui:readPage', payload: { tabId: TAB } })) as { value: object };
    expect(standing.value).toMatchObject({ recorded: false, notNews: true });

    // Negative control: the next address is stored as ever.
    const next = `${STORY}-2`;
    expect(await fromTab({ type: 'content:reportStory', payload: report({ url: next }) })).toEqual({
      ok: true,
      value: { saved: true },
    });
    expect((await stories()).map((s) => s.url)).toEqual([next]);
  });

  it('"Record this page" takes back an earlier "Not a news story", and the tab records the page', async () => {
    const { verdicts } = installTab(READING);
    await fromPage({ type: 'ui:markNotNews', payload: { url: STORY } });
    expect(await fromPage({ type: 'ui:recordPage', payload: { tabId: TAB, url: PAGE } })).toEqual({
      ok: true,
      value: { recorded: true },
    });
    expect(verdicts).toEqual([{ url: PAGE, isNews: true }]);
    expect((await stories()).map((s) => s.url)).toEqual([STORY]);
  });

  it('records nothing when the tab has moved on to another page since the popup opened', async () => {
    const { verdicts } = installTab(READING);
    expect(await fromPage({ type: 'ui:recordPage', payload: { tabId: TAB, url: `${PAGE}&next=1` } })).toEqual({
      ok: false,
      error: 'The page in this tab has changed since the popup opened. Open the popup again.',
    });
    expect(verdicts).toEqual([]);
    expect(await stories()).toEqual([]);
  });

  it('refuses all three from a content script', async () => {
    const { verdicts } = installTab(READING);
    for (const [type, payload] of [
      ['ui:readPage', { tabId: TAB }],
      ['ui:recordPage', { tabId: TAB, url: PAGE }],
      ['ui:markNotNews', { url: STORY }],
    ] as const) {
      expect(await fromTab({ type, payload })).toEqual({
        ok: false,
        error: `Message ${type} is not allowed from a web page.`,
      });
    }
    expect(verdicts).toEqual([]);
  });
});
