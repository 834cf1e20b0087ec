/**
 * The reader corrects the tracker, in the built extension in Chromium, from the popup's "This
 * page" as a person would: "Record this page" on a page News Tracker did not take for news,
 * "Treat pages on this site as news", and "Not a news story" (in "This page" and on a listed
 * story). Each guard has its negative control beside it: another address, another site, and
 * the same message from an extension page rather than a content script.
 */
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryRecord } from '../../utils/stories';
import { callProtocol, openStatePage } from './extension-state';
import { type Harness, startHarness } from './harness';
import { countHighlights } from './isolated-world';
import { ARTIFACTS, screenshot, seriousViolations, useScheme } from './pages/accessibility';
import type { PopupPage } from './pages/popup';

const PARTNER = 'Orbital Freight partners with Tesla on electric trucks';
const MUNICH = 'Apple opens a second research centre in Munich';
const CHIP_DEAL = 'Nvidia and Arm agree chip licensing deal worth $2 billion';
const OTHER_SITE = 'other.test';

describe('the reader corrects the tracker, in Chromium', () => {
  let harness: Harness;
  let state: Page;

  beforeAll(async () => {
    harness = await startHarness({ plainHttpHost: OTHER_SITE });
    const options = await harness.openOptions();
    await options.addCompany('Tesla');
    await options.addCompany('Apple');
    await options.addCompany('Nvidia');
    await options.page.close();
    state = await openStatePage(harness.browser);
  });
  afterAll(async () => harness?.close());

  const stories = async (): Promise<StoryRecord[]> => (await callProtocol(state, 'ui:exportData', {})).stories;
  const storyAt = async (url: string) => (await stories()).find((s) => s.url === url);

  async function read(url: string): Promise<Page> {
    const page = await harness.browser.context.newPage();
    await page.goto(url);
    return page;
  }

  /** Opens the popup with `page` as the active tab, as when the toolbar button is pressed over it. */
  async function popupOver(page: Page): Promise<PopupPage> {
    const popup = await harness.openPopup();
    await popup.page.setViewportSize({ width: 380, height: 640 });
    await page.bringToFront();
    await popup.page.reload();
    await popup.thisPage.getByRole('switch', { name: 'Highlights on this site' }).waitFor();
    return popup;
  }

  it('records a page it did not take for news when asked, as if recognised, and highlights it', async () => {
    const url = harness.server.url('/correct/partner-note.html');
    const page = await read(url);
    const popup = await popupOver(page);
    const region = popup.thisPage;
    await region.getByText('Not a news article', { exact: true }).waitFor();
    expect(await region.getByRole('list', { name: 'Tracked companies on this page' }).textContent()).toBe(
      'Tesla3, 3 mentions',
    );
    await region.getByText('Not recognised as a news story, so it was not recorded.').waitFor();
    // Before the person asks: nothing stored, nothing highlighted.
    expect(await storyAt(url)).toBeUndefined();
    expect(await countHighlights(page)).toEqual({});
    await photograph(popup, 'popup-record-this-page');

    await region.getByRole('button', { name: 'Record this page' }).click();
    await region.getByText('Recorded: the page is in your stories and highlighted.').waitFor();
    const story = await storyAt(url);
    expect(story).toMatchObject({
      url,
      visitedUrl: url,
      title: PARTNER,
      mentions: [expect.objectContaining({ count: 3, inHeadline: true, inLead: true })],
    });
    expect(typeof story?.isBusiness).toBe('boolean');
    expect(await popup.storyTitles(1)).toContain(PARTNER);
    await expect.poll(() => countHighlights(page)).toEqual({ Tesla: 3 });
    // The popup now offers the way back.
    await region.getByText('News article', { exact: true }).waitFor();
    await region.getByRole('button', { name: 'Not a news story' }).waitFor();
    await photograph(popup, 'popup-recorded-by-hand');

    // On a later visit the page still does not look like news, but the popup says what the person said.
    await page.reload();
    const later = await popupOver(page);
    await later.thisPage.getByText('News article', { exact: true }).waitFor();
    await later.thisPage.getByRole('button', { name: 'Not a news story' }).waitFor();
    expect(await later.thisPage.getByRole('button', { name: 'Record this page' }).count()).toBe(0);
    expect((await storyAt(url))?.title).toBe(PARTNER);
    for (const open of [popup.page, later.page, page]) await open.close();
  });

  it('"Not a news story" removes the story and keeps that exact address out; another address is recorded', async () => {
    const url = harness.server.url('/correct/menu-and-story.html');
    const page = await read(url);
    await expect.poll(() => storyAt(url).then((s) => s?.title)).toBe(MUNICH);
    const popup = await popupOver(page);
    await popup.thisPage.getByRole('button', { name: 'Not a news story' }).click();
    await popup.thisPage.getByText('Removed. This address will not be recorded again.').waitFor();
    expect(await storyAt(url)).toBeUndefined();
    // The open page is no longer taken for an article: its highlights go.
    await expect.poll(() => countHighlights(page)).toEqual({});

    // A revisit: the page is still recognised as an article, and the background refuses it.
    await page.reload();
    const again = await popupOver(page);
    await again.thisPage.getByText('You said this address is not a news story, so it is not recorded.').waitFor();
    expect(await storyAt(url)).toBeUndefined();
    expect(await countHighlights(page)).toEqual({});

    // Negative control: the same story at another address is recorded as ever.
    const elsewhere = `${url}?edition=weekend`;
    const copy = await read(elsewhere);
    await expect.poll(() => storyAt(elsewhere).then((s) => s?.title)).toBe(MUNICH);
    expect(await storyAt(url)).toBeUndefined();

    // Recording it by hand takes the person's earlier word back.
    const undo = await popupOver(page);
    await undo.thisPage.getByRole('button', { name: 'Record this page' }).click();
    await undo.thisPage.getByText('Recorded: the page is in your stories and highlighted.').waitFor();
    expect((await storyAt(url))?.title).toBe(MUNICH);
    await expect.poll(async () => (await countHighlights(page)).Apple).toBeGreaterThan(0);
    for (const open of [popup.page, again.page, undo.page, copy, page]) await open.close();
  });

  it('"Not a news story" on a listed story removes it and refuses its address from then on', async () => {
    const url = harness.server.url('/ui/chip-deal.html');
    const article = await read(url);
    await expect.poll(() => storyAt(url).then((s) => s?.title)).toBe(CHIP_DEAL);
    await article.close();
    const popup = await harness.openPopup();
    await popup.storyTitles(1);
    await popup.story(CHIP_DEAL).getByRole('button', { name: 'Not a news story' }).click();
    await popup.page.getByText(`Removed “${CHIP_DEAL}”. Its address will not be recorded again.`).waitFor();
    expect(await popup.storyLinks.allTextContents()).not.toContain(CHIP_DEAL);
    expect(await storyAt(url)).toBeUndefined();
    // Negative control: the other stories stay.
    expect((await stories()).map((s) => s.title)).toContain(PARTNER);

    const page = await read(url);
    const over = await popupOver(page);
    await over.thisPage.getByText('You said this address is not a news story, so it is not recorded.').waitFor();
    expect(await storyAt(url)).toBeUndefined();
    for (const open of [popup.page, over.page, page]) await open.close();
  });

  it('treats every page of a site as news once switched on there, and no other site', async () => {
    const depot = harness.server.url('/correct/depot-update.html');
    const page = await read(depot);
    const popup = await popupOver(page);
    await popup.thisPage.getByText('Not a news article', { exact: true }).waitFor();
    expect(await storyAt(depot)).toBeUndefined();

    const news = popup.thisPage.getByRole('switch', { name: 'Treat pages on this site as news' });
    expect(await news.isChecked()).toBe(false);
    await news.click();
    // The open page follows at once: highlighted and recorded.
    await expect.poll(() => storyAt(depot).then((s) => s?.mentions.length)).toBe(1);
    await expect.poll(() => countHighlights(page)).toEqual({ Tesla: 1 });

    // Another page of the site is handled as an article from the start...
    const careers = harness.server.url('/correct/careers.html');
    const next = await read(careers);
    await expect.poll(() => storyAt(careers).then((s) => s?.mentions.length)).toBe(1);
    await expect.poll(() => countHighlights(next)).toEqual({ Tesla: 1 });
    // ...and the same page on another site is not (negative control).
    const port = new URL(harness.server.origin).port;
    const foreign = `http://${OTHER_SITE}:${port}/correct/careers.html`;
    const other = await read(foreign);
    const overOther = await popupOver(other);
    await overOther.thisPage.getByText('Not a news article', { exact: true }).waitFor();
    expect(await storyAt(foreign)).toBeUndefined();
    expect(await countHighlights(other)).toEqual({});

    // Listed in the options, exported with the settings, and removable there.
    const options = await harness.openOptions();
    const sites = options.page.getByRole('list', { name: 'Sites treated as news' });
    await expect.poll(() => sites.getByRole('listitem').allTextContents()).toEqual(['127.0.0.1Remove']);
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(options.page, scheme);
      const field = options.page.getByRole('group', { name: 'Sites treated as news' });
      await field.screenshot({ path: path.join(ARTIFACTS, `options-news-sites-${scheme}.png`) });
    }
    const backup = await options.export('Export companies (JSON)');
    expect(JSON.parse(backup.text).settings.newsSites).toEqual(['127.0.0.1']);
    await options.page.getByRole('button', { name: 'Stop treating 127.0.0.1 as news' }).click();
    await options.page.getByText('None yet.', { exact: false }).waitFor();
    // The list follows the click at once; the setting is saved just after.
    await expect.poll(async () => (await callProtocol(state, 'ui:getSettings', {})).newsSites).toEqual([]);
    for (const open of [popup.page, overOther.page, options.page, page, next, other]) await open.close();
  });

  it('a content script can neither mark a site as news nor record a page; an extension page can', async () => {
    const port = new URL(harness.server.origin).port;
    const url = `http://${OTHER_SITE}:${port}/correct/careers.html`;
    const recorded = harness.server.url('/correct/careers.html');
    const page = await read(url);
    const settings = await callProtocol(state, 'ui:getSettings', {});
    const tabId = await state.evaluate(
      async (address) => (await chrome.tabs.query({})).find((t) => t.url === address)?.id ?? -1,
      url,
    );
    expect(tabId).toBeGreaterThan(0);
    const asked = [
      { type: 'ui:saveSettings', payload: { ...settings, newsSites: [OTHER_SITE] } },
      { type: 'ui:recordPage', payload: { tabId, url } },
      { type: 'ui:markNotNews', payload: { url: recorded } },
    ];
    const session = await page.context().newCDPSession(page);
    const world = await contentScriptWorld(session);
    for (const message of asked) {
      const reply = await session.send('Runtime.evaluate', {
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
        contextId: world,
        awaitPromise: true,
        returnByValue: true,
      });
      expect(reply.result.value).toEqual({
        ok: false,
        error: `Message ${message.type} is not allowed from a web page.`,
      });
    }
    await session.detach();
    expect((await callProtocol(state, 'ui:getSettings', {})).newsSites).toEqual([]);
    expect(await storyAt(url)).toBeUndefined();
    expect(await storyAt(recorded)).toBeDefined();
    expect(await countHighlights(page)).toEqual({});

    // Negative control: the same request from an extension page is carried out.
    expect(await callProtocol(state, 'ui:recordPage', { tabId, url })).toEqual({ recorded: true });
    expect((await storyAt(url))?.mentions).toHaveLength(1);
    await expect.poll(() => countHighlights(page)).toEqual({ Tesla: 1 });
    await page.close();
  });
});

/** Checks the popup with axe and photographs it, light and dark. */
async function photograph(popup: PopupPage, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await useScheme(popup.page, scheme);
    expect(await seriousViolations(popup.page)).toEqual([]);
    await screenshot(popup.page, `${name}-${scheme}`);
  }
  await useScheme(popup.page, 'light');
}

/** The id of News Tracker's content-script world in the page's top frame. */
async function contentScriptWorld(session: CDPSession): Promise<number> {
  const worlds: { id: number; origin: string; auxData?: { isDefault?: boolean } }[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await session.send('Runtime.enable');
  const world = worlds.find((c) => c.origin.startsWith('chrome-extension://') && c.auxData?.isDefault === false);
  if (!world) throw new Error('News Tracker’s content script has no world in this page.');
  return world.id;
}

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
