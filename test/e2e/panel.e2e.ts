/**
 * The on-page panel as a person meets it, in the built extension in Chromium: it says what the
 * story says (the companies the article's text names, counted as the story counts them, then
 * those named only elsewhere on the page), it never claims a story for names in a menu, and it
 * is drawn light or dark as the page under it is, with named buttons of at least 24 px. Light
 * and dark screenshots go to test-artifacts/ for people to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryRecord } from '../../utils/stories';
import { callProtocol, openStatePage } from './extension-state';
import { type Harness, startHarness } from './harness';
import { PageProbe } from './highlight-helpers';
import { countHighlights } from './isolated-world';
import { ARTIFACTS } from './pages/accessibility';

/** How the panel is drawn: its colours, where it is, and each button's name, tooltip and size. */
interface PanelLook {
  background: string;
  color: string;
  box: { x: number; y: number; width: number; height: number };
  buttons: { name: string; title: string; width: number; height: number }[];
}

/** Reads a PanelLook in the page, on the panel's section (PageProbe.onPanel). */
const READ_LOOK = `function () {
  const box = this.getBoundingClientRect();
  return {
    background: getComputedStyle(this).backgroundColor,
    color: getComputedStyle(this).color,
    box: { x: box.x, y: box.y, width: box.width, height: box.height },
    buttons: [...this.querySelectorAll('button')].map((b) => {
      const r = b.getBoundingClientRect();
      return { name: b.getAttribute('aria-label') ?? '', title: b.title, width: r.width, height: r.height };
    }),
  };
}`;

/** Relative luminance of a computed `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/gu) ?? []).slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('the on-page panel in Chromium', () => {
  let harness: Harness;
  let state: Page;
  let names: Map<string, string>;

  beforeAll(async () => {
    harness = await startHarness();
    const options = await harness.openOptions();
    for (const name of ['Apple', 'Microsoft', 'Tesla']) await options.addCompany(name);
    await options.page.close();
    state = await openStatePage(harness.browser);
    names = new Map((await callProtocol(state, 'ui:listEntities', {})).map((e) => [e.id, e.name]));
  });
  afterAll(async () => harness?.close());

  const storyAt = async (url: string): Promise<StoryRecord | undefined> =>
    (await callProtocol(state, 'ui:exportData', {})).stories.find((s) => s.url === url);
  const companiesOf = (story: StoryRecord | undefined) =>
    story?.mentions.map((m) => `${names.get(m.entityId)} ${m.count}`);

  async function read(pathname: string): Promise<{ page: Page; probe: PageProbe; url: string }> {
    const page = await harness.browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 760 });
    const url = harness.server.url(pathname);
    await page.goto(url);
    return { page, probe: await PageProbe.attach(page), url };
  }

  async function thisPageOver(page: Page) {
    const popup = await harness.openPopup();
    await page.bringToFront();
    await popup.page.reload();
    await popup.thisPage.getByRole('switch', { name: 'Highlights on this site' }).waitFor();
    return popup;
  }

  it('says what the story says: the article’s companies with its counts, then those only elsewhere', async () => {
    const { page, probe, url } = await read('/correct/menu-and-story.html');
    // The page is read a slice at a time, so the counts may rise for a moment before they settle.
    await expect
      .poll(async () => (await probe.panel())?.text ?? '')
      .toBe(
        'News Tracker × In the article Apple 4 ‹ › Elsewhere on the page Apple 1 ‹ › Microsoft 2 ‹ › Tesla 2 ‹ › ‹ Previous 9 highlighted Next ›',
      );
    // The stored story lists exactly the article's companies, with the same counts.
    await expect.poll(async () => companiesOf(await storyAt(url))).toEqual(['Apple 4']);
    // Every name on the page is still highlighted: the menu and the list of other stories too.
    expect(await countHighlights(page)).toEqual({ Apple: 5, Microsoft: 2, Tesla: 2 });
    // The popup's "This page" says the same.
    const popup = await thisPageOver(page);
    const found = popup.thisPage.getByRole('list', { name: 'Tracked companies in the article' });
    expect(await found.getByRole('listitem').allTextContents()).toEqual(['Apple4, 4 mentions']);
    expect(await popup.thisPage.locator('.elsewhere').textContent()).toBe(
      'Elsewhere on the page, not in the story: Microsoft, Tesla',
    );
    await probe.clickPanelButton('Next mention of Apple');
    await expect.poll(async () => (await probe.panel())?.text).toContain('Apple: 1 of 5');
    await popup.page.close();
    await page.close();
  });

  it('claims no story for names in a menu alone, and none is recorded', async () => {
    const { page, probe, url } = await read('/correct/menu-only.html');
    await expect.poll(async () => (await probe.panel())?.text ?? '').toContain('Elsewhere on the page');
    expect((await probe.panel())?.text).toBe(
      'News Tracker × In the article None of your companies Elsewhere on the page Apple 1 ‹ › Microsoft 1 ‹ › ‹ Previous 2 highlighted Next ›',
    );
    // "This page" reads the page after the content script has decided it: then nothing is stored.
    const popup = await thisPageOver(page);
    await popup.thisPage.getByText('The article names no tracked company.').waitFor();
    expect(await storyAt(url)).toBeUndefined();
    // Negative control: the article that names Apple in its text was recorded by the same rule.
    expect(await storyAt(harness.server.url('/correct/menu-and-story.html'))).toBeDefined();
    await popup.page.close();
    await page.close();
  });

  /** Opens `pathname` in `scheme`, waits for the panel and photographs the corner it sits in. */
  async function look(pathname: string, scheme: 'light' | 'dark', shot: string | null): Promise<PanelLook> {
    const { page, probe } = await read(pathname);
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(async () => (await probe.panel())?.text ?? '').toContain('In the article');
    await probe.clickPanelButton('Next mention of Apple');
    await expect.poll(async () => (await probe.panel())?.text).toContain('Apple: 1 of 5');
    const seen = (await probe.onPanel<PanelLook>(READ_LOOK)) as PanelLook;
    if (shot) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const x = Math.max(0, seen.box.x - 260);
      const y = Math.max(0, seen.box.y - 120);
      await page.screenshot({
        path: path.join(ARTIFACTS, `${shot}.png`),
        clip: { x, y, width: 1100 - x, height: 760 - y },
      });
    }
    await page.close();
    return seen;
  }

  it('is drawn light or dark as the page under it is, with named buttons of at least 24 px', async () => {
    const light = await look('/correct/menu-and-story.html', 'light', 'panel-light');
    expect(luminance(light.background)).toBeGreaterThan(0.8);
    expect(luminance(light.color)).toBeLessThan(0.05);
    // A dark page gets a dark panel, whatever the system setting says.
    const dark = await look('/correct/menu-and-story-dark.html', 'light', 'panel-dark');
    expect(luminance(dark.background)).toBeLessThan(0.05);
    expect(luminance(dark.color)).toBeGreaterThan(0.8);
    // A page that leaves its background to the browser ("light dark") follows the system setting.
    expect(
      luminance((await look('/correct/menu-and-story-system.html', 'dark', 'panel-system-dark')).background),
    ).toBeLessThan(0.05);
    expect(luminance((await look('/correct/menu-and-story-system.html', 'light', null)).background)).toBeGreaterThan(
      0.8,
    );

    for (const button of [...light.buttons, ...dark.buttons]) {
      expect(button.name).not.toBe('');
      expect(button.title).toBe(button.name);
      expect(Math.min(button.width, button.height), button.name).toBeGreaterThanOrEqual(24);
    }
    expect(light.buttons.map((b) => b.name)).toEqual([
      'Close panel',
      'Previous mention of Apple',
      'Next mention of Apple',
      'Previous mention of Apple',
      'Next mention of Apple',
      'Previous mention of Microsoft',
      'Next mention of Microsoft',
      'Previous mention of Tesla',
      'Next mention of Tesla',
      'Previous mention',
      'Next mention',
    ]);
  });
});
