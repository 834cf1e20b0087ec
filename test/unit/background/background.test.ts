import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { readContentState } from '@/utils/content-state';
import { openStoryReader } from '@/utils/db/reader';
import type { TrackedEntity } from '@/utils/entities';
import type { StoryReport } from '@/utils/stories';
import { report as storyReport } from '../db/story-fixtures';
import { type FakeMenus, installFakeMenus } from './fakes';

/** A report naming entity e1, under a short headline (too short to be grouped with others). */
const report = (overrides: Partial<StoryReport> = {}): StoryReport =>
  storyReport({
    title: 'Xiaomi moves data',
    mentions: [{ entityId: 'e1', count: 2, inHeadline: true, inLead: true }],
    ...overrides,
  });

// A message from an extension page has no tab; one from a content script does.
const fromPage = (message: unknown) => fakeBrowser.runtime.sendMessage(message);

describe('background service worker', () => {
  let menus: FakeMenus;
  beforeEach(() => {
    menus = installFakeMenus();
  });

  it('adds a company, publishes the tracked list for content scripts, and removes it again', async () => {
    background.main();
    const added = (await fromPage({
      type: 'ui:addEntity',
      payload: { name: ' Xiaomi ', aliases: ['Xiaomi Corp'] },
    })) as {
      ok: true;
      value: TrackedEntity;
    };
    expect(added.ok).toBe(true);
    expect(added.value.name).toBe('Xiaomi');
    expect(added.value.aliases.map((a) => a.text)).toEqual(['Xiaomi', 'Xiaomi Corp']);

    const published = (await readContentState()).entities;
    expect(published.map((e) => e.name)).toEqual(['Xiaomi']);

    expect(await fromPage({ type: 'ui:removeEntity', payload: { id: added.value.id } })).toEqual({
      ok: true,
      value: { removed: true },
    });
    expect((await readContentState()).entities).toEqual([]);
  });

  it('refuses a company tracked twice, with a message naming it', async () => {
    background.main();
    await fromPage({ type: 'ui:addEntity', payload: { name: 'Apple' } });
    expect(await fromPage({ type: 'ui:addEntity', payload: { name: 'apple' } })).toEqual({
      ok: false,
      error: '"Apple" is already tracked.',
    });
  });

  it('stores reported stories once per canonical URL and lists them newest first, published or read', async () => {
    background.main();
    await fromPage({ type: 'content:reportStory', payload: report() });
    await new Promise((r) => setTimeout(r, 2));
    await fromPage({
      type: 'content:reportStory',
      payload: report({ url: 'https://news.example/b', title: 'Second' }),
    });
    await new Promise((r) => setTimeout(r, 2));
    await fromPage({ type: 'content:reportStory', payload: report({ title: 'Xiaomi moves data (updated)' }) });

    // As the popup reads them: with no publication date, by when each was first read...
    const listed = await openStoryReader().listStories({ limit: 10 });
    expect(listed.stories.map((s) => s.title)).toEqual(['Second', 'Xiaomi moves data (updated)']);
    // ...or by when each was last read.
    const read = await openStoryReader().listStories({ limit: 10, order: 'read' });
    expect(read.stories.map((s) => s.title)).toEqual(['Xiaomi moves data (updated)', 'Second']);
  });

  it('rejects malformed and unknown messages with a specific error', async () => {
    background.main();
    expect(await fromPage('hello')).toEqual({ ok: false, error: 'Malformed message: not an object.' });
    expect(await fromPage({ type: 'ui:dropDatabase', payload: {} })).toEqual({
      ok: false,
      error: 'Unknown message type: ui:dropDatabase',
    });
    expect(await fromPage({ type: 'content:reportStory', payload: report({ url: 'javascript:alert(1)' }) })).toEqual({
      ok: false,
      error: 'url: URL scheme javascript: is not allowed',
    });
    expect(await fromPage({ type: 'ui:getPageStatus', payload: { tabId: 1.5 } })).toEqual({
      ok: false,
      error: 'tabId: expected a whole number',
    });
  });

  it('"Track “…”" on selected text adds it as a company and republishes the list; a tracked name is left alone', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(menus.items).toEqual([expect.objectContaining({ title: 'Track “%s”', contexts: ['selection'] })]);
    const published = async () => (await readContentState()).entities.map((e) => e.name);

    await menus.click({ menuItemId: 'track-selection', selectionText: '  Xiaomi   Corp ' });
    await expect.poll(published).toEqual(['Xiaomi Corp']);
    await menus.click({ menuItemId: 'track-selection', selectionText: 'xiaomi corp' });
    await menus.click({ menuItemId: 'track-selection', selectionText: '   ' });
    await new Promise((r) => setTimeout(r, 20));
    const listed = (await fromPage({ type: 'ui:listEntities', payload: {} })) as { value: TrackedEntity[] };
    expect(listed.value.map((e) => e.name)).toEqual(['Xiaomi Corp']);
  });

  it('keeps notifications off by default and shows one per new story once switched on', async () => {
    const created: unknown[] = [];
    Object.assign(fakeBrowser, {
      notifications: {
        create: async (id: string, options: unknown) => void created.push({ id, options }),
        clear: async () => true,
        onClicked: { addListener: () => undefined },
      },
    });
    background.main();
    await fromPage({ type: 'content:reportStory', payload: report({ url: 'https://news.example/one' }) });
    expect(created).toEqual([]);
    const settings = (await fromPage({ type: 'ui:getSettings', payload: {} })) as { value: object };
    await fromPage({ type: 'ui:saveSettings', payload: { ...settings.value, notifications: true } });
    await fromPage({ type: 'content:reportStory', payload: report({ url: 'https://news.example/two' }) });
    await fromPage({ type: 'content:reportStory', payload: report({ url: 'https://news.example/two' }) });
    expect(created).toEqual([expect.objectContaining({ id: 'story:https://news.example/two' })]);
  });

  it('shows the page’s company count on the tab’s badge, green once it was recorded as business news', async () => {
    background.main();
    const tab = { tab: { id: 4 }, url: 'https://news.example/a' };
    const fromTab = (message: unknown) =>
      new Promise((resolve) => {
        // The fake browser has no sender for runtime messages: call the listener as Chrome would.
        fakeBrowser.runtime.onMessage.trigger(message, tab as never, resolve as never);
      });
    const status = {
      url: 'https://news.example/a',
      isArticle: true,
      isBusiness: true,
      mentions: [
        { entityId: 'e1', count: 2 },
        { entityId: 'e2', count: 1 },
        { entityId: 'e3', count: 0 },
      ],
    };
    expect(await fromTab({ type: 'content:pageStatus', payload: status })).toEqual({ ok: true, value: { badge: '2' } });
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 4 })).toEqual([69, 90, 100, 255]);
    await fromTab({
      type: 'content:reportStory',
      payload: report({ url: 'https://news.example/a', visitedUrl: 'https://news.example/a' }),
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 4 })).toEqual([46, 125, 50, 255]);
  });
});
