/**
 * The popup as a person sees it after a week of reading, in the built extension in Chromium:
 * at 380 × 600 px over a page that is not an article, six stories fit fully, each row at most
 * about 80 px (measured from bounding boxes); a headline runs to two lines at most, the
 * publisher, date and companies to one, the text around a mention to one, cut on whole words
 * and never joined to a heading; search, count and filters take one line; the row's
 * actions are named icon buttons reachable by keyboard; stories are ordered by when they were
 * published, a story published years ago says so, and "Recently read" is the second order.
 * Checked with axe and photographed in light and dark mode.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { type NewsPage, serveNewsPages, serveNonArticle } from './news-pages';
import { screenshot, seriousViolations, useScheme } from './pages/accessibility';
import type { PopupPage } from './pages/popup';

const HOUR = 3_600_000;
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
const filler =
  'Analysts said the figures were broadly in line with expectations, and the shares moved little in early trading as investors waited for the full-year outlook.';

const PAGES: NewsPage[] = [
  {
    slug: 'orbital-forecast',
    title: 'Orbital Foods raises its full-year forecast after a strong quarter for frozen meals',
    publisher: 'Harbour Business Wire',
    published: hoursAgo(2),
    body: [
      'Orbital Foods said on Wednesday that sales of its frozen meals grew faster than expected in every region.',
      filler,
    ],
  },
  {
    slug: 'lumen-plant',
    title: 'Lumen Energy opens a battery plant that will employ 800 people',
    publisher: 'The Test Ledger',
    published: hoursAgo(5),
    body: [
      'The plant is the largest of its kind in the region.',
      '## Hardware',
      'Despite weak demand for home batteries, Lumen Energy expects the plant to run at full capacity by the spring, its chief executive told reporters.',
      filler,
    ],
  },
  {
    slug: 'kestrel-routes',
    title: 'Kestrel Air adds twelve routes and orders new aircraft',
    publisher: 'Northern Syndicate',
    published: hoursAgo(9),
    body: ['Kestrel Air will fly to twelve new cities from March, the airline said.', filler],
  },
  {
    slug: 'orbital-lumen-deal',
    title: 'Orbital Foods and Lumen Energy sign a ten-year solar supply deal covering six factories',
    publisher: 'The Daily Courier of Commerce and Industry',
    published: hoursAgo(20),
    body: [
      'Orbital Foods will buy solar power from Lumen Energy for its six factories under a ten-year agreement signed on Monday.',
      filler,
    ],
  },
  {
    slug: 'kestrel-strike',
    title: 'Kestrel Air pilots vote on strike over pay',
    publisher: 'Harbour Business Wire',
    published: hoursAgo(30),
    body: [
      'The vote closes on Friday. In the last round of talks, Kestrel Air offered a rise of four percent over two years, which the union rejected as too little.',
      filler,
    ],
  },
  {
    slug: 'lumen-results',
    title: 'Lumen Energy quarterly profit beats estimates as grid storage orders double',
    publisher: 'The Test Ledger',
    published: hoursAgo(50),
    body: ['Lumen Energy reported a quarterly profit well above what analysts had expected.', filler],
  },
  {
    slug: 'orbital-ceo',
    title: 'Orbital Foods names a new chief executive',
    publisher: 'Northern Syndicate',
    published: hoursAgo(70),
    body: ['Orbital Foods appointed its finance chief as chief executive, effective in January.', filler],
  },
  {
    slug: 'kestrel-archive',
    title: 'Kestrel Air completes its first transatlantic flight',
    publisher: 'The Test Ledger',
    published: '2016-03-12T09:00:00Z',
    body: ['Kestrel Air landed in Boston on Saturday after its first flight across the Atlantic.', filler],
  },
];
const ARCHIVE = 'Kestrel Air completes its first transatlantic flight';

describe('the popup after a week of reading', () => {
  let harness: Harness;
  let popup: PopupPage;

  beforeAll(async () => {
    harness = await startHarness();
    const options = await harness.openOptions();
    for (const name of ['Orbital Foods', 'Lumen Energy', 'Kestrel Air', 'Northwind Mining', 'Harbour Freight']) {
      await options.addCompany(name);
    }
    await options.page.close();
    const read: Page[] = [];
    // The archive story is read last: the most recently read, the oldest published.
    for (const path of serveNewsPages(harness.server, PAGES)) {
      const page = await harness.browser.context.newPage();
      await page.goto(harness.server.url(path));
      read.push(page);
    }
    const markets = await harness.browser.context.newPage();
    await markets.goto(harness.server.url(serveNonArticle(harness.server)));
    popup = await harness.openPopup();
    await popup.page.setViewportSize({ width: 380, height: 600 });
    expect(await popup.storyTitles(PAGES.length, 15_000)).toHaveLength(PAGES.length);
    for (const page of read) await page.close();
    await markets.bringToFront();
    await popup.page.reload();
    // No article here: nothing found on the page, and nothing to suggest.
    await popup.thisPage.getByRole('switch', { name: 'Highlights on this site' }).waitFor();
    await popup.page.getByText(/Looking for companies/u).waitFor({ state: 'detached' });
    await popup.storyLinks.nth(PAGES.length - 1).waitFor();
  });
  afterAll(async () => harness?.close());

  it('shows six whole stories in 600 px, each row about 80 px at most', async () => {
    expect(await popup.thisPage.getByText(/found in this article/u).count()).toBe(0);
    await screenshot(popup.page, 'popup-many-stories-light');
    const rows = popup.storyList.locator(':scope > li');
    const boxes = await Promise.all(Array.from({ length: 6 }, (_, i) => rows.nth(i).boundingBox()));
    for (const [i, box] of boxes.entries()) {
      expect(box, `row ${i}`).not.toBeNull();
      expect(box?.height, `row ${i}`).toBeLessThanOrEqual(82);
    }
    const sixth = boxes[5];
    expect((sixth?.y ?? 0) + (sixth?.height ?? 0)).toBeLessThanOrEqual(600);
    expect(await popup.page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('gives each row two lines of headline at most, and one of publisher · date · companies and of text', async () => {
    const lines = await popup.page.evaluate(() =>
      [...document.querySelectorAll('.stories > li')].map((row) => {
        const count = (selector: string) => {
          const el = row.querySelector(selector) as HTMLElement | null;
          if (!el) return 0;
          return Math.round(el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight));
        };
        return { title: count('.story-title'), meta: count('.meta'), snippet: count('.snippet') };
      }),
    );
    expect(lines).toHaveLength(PAGES.length);
    for (const line of lines) {
      expect(line.title).toBeGreaterThanOrEqual(1);
      expect(line.title).toBeLessThanOrEqual(2);
      expect(line.meta).toBe(1);
      expect(line.snippet).toBe(1);
    }
  });

  it('cuts the text on whole words, and never joins a heading to the paragraph under it', async () => {
    const lumen = popup.story('Lumen Energy opens a battery plant that will employ 800 people');
    const snippet = (await lumen.locator('.snippet').textContent()) ?? '';
    expect(snippet.startsWith('Despite weak demand for home batteries, Lumen Energy')).toBe(true);
    expect(snippet).not.toContain('Hardware');
    const texts = await popup.storyList.locator('.snippet').allTextContents();
    const words = new Set(PAGES.flatMap((p) => p.body.join(' ').split(/\s+/u)));
    for (const text of texts) {
      const [first = '', ...rest] = text.replace(/^…|…$/gu, '').split(' ');
      expect(words.has(first), text).toBe(true);
      expect(words.has(rest.at(-1) ?? first), text).toBe(true);
    }
  });

  it('keeps search, count and filters on one line, and says how many stories match', async () => {
    const toolbar = await popup.page.locator('.story-toolbar').boundingBox();
    const search = await popup.page.getByRole('searchbox', { name: 'Search stories' }).boundingBox();
    expect(toolbar?.height).toBeLessThan((search?.height ?? 0) * 1.5);
    const count = popup.page.locator('.story-count');
    await count.filter({ hasText: `${PAGES.length} stories` }).waitFor();
    // Every tracked company is one press away in the filters panel, however many there are.
    const panel = await popup.openFilters();
    expect(await panel.getByRole('button', { name: 'Harbour Freight', exact: true }).isVisible()).toBe(true);
    await popup.page.keyboard.press('Escape');
    await popup.toggleFilter('Kestrel Air');
    await count.filter({ hasText: '3 stories' }).waitFor();
    await expect.poll(() => popup.storyLinks.count()).toBe(3);
    expect(await popup.page.getByRole('button', { name: 'Filters, 1 on' }).isVisible()).toBe(true);
    // What is on is said under the toolbar, and turned off from there.
    await popup.page.getByRole('button', { name: /^Kestrel Air.*stop$/u }).click();
    await count.filter({ hasText: `${PAGES.length} stories` }).waitFor();
    await expect.poll(() => popup.storyLinks.count()).toBe(PAGES.length);
  });

  it('orders by when stories were published, says when one came out long ago, and offers "Recently read"', async () => {
    const titles = await popup.storyLinks.allTextContents();
    expect(titles).toEqual(PAGES.map((p) => p.title));
    const archive = popup.story(ARCHIVE);
    expect(await archive.locator('time').textContent()).toMatch(/^published (12 Mar|Mar 12,) 2016$/u);

    await popup.chooseOrder('Recently read');
    await expect.poll(async () => (await popup.storyLinks.allTextContents())[0]).toBe(ARCHIVE);
    await popup.chooseOrder('Newest first');
    await expect.poll(async () => (await popup.storyLinks.allTextContents()).at(-1)).toBe(ARCHIVE);
  });

  it('reaches a row’s actions by keyboard: named icon buttons with tooltips, shown when focused', async () => {
    const first = popup.storyList.locator(':scope > li').first();
    await first.locator('.story-title').focus();
    await popup.page.keyboard.press('Tab');
    const star = first.getByRole('button', { name: 'Star' });
    expect(await star.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await star.getAttribute('title')).toBe('Star');
    expect(await first.locator('.story-actions').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await popup.page.keyboard.press('Enter');
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await popup.page.keyboard.press('Tab');
    expect(await first.getByRole('button', { name: 'Mark read' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await popup.page.keyboard.press('Tab');
    expect(await first.getByRole('button', { name: 'Delete' }).getAttribute('title')).toBe('Delete this story');
  });

  it('passes axe in light and dark mode, and is photographed for review', async () => {
    await popup.page.mouse.move(200, 420);
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(popup.page, scheme);
      await screenshot(popup.page, `popup-week-${scheme}`);
      expect(await seriousViolations(popup.page), `popup in ${scheme} mode`).toEqual([]);
      await popup.openFilters();
      await screenshot(popup.page, `popup-filters-${scheme}`);
      expect(await seriousViolations(popup.page), `filters panel in ${scheme} mode`).toEqual([]);
      await popup.page.keyboard.press('Escape');
    }
  });
});
