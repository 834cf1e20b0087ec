/**
 * The dashboard in the built extension in Chromium, filled the way a person fills it: by
 * reading articles (pages written for this test in test/fixtures/dashboard/). Every count the
 * dashboard shows is checked against the stories the store holds, read back through the
 * dashboard's own export; then keyboard use, the digest's formats, axe and screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { screenshot, seriousViolations, useScheme } from './pages/accessibility';
import { DashboardPage } from './pages/dashboard';

const storiesText = (n: number) => (n === 1 ? '1 story' : `${n} stories`);

const ARTICLES = [
  '/dashboard/business/orbital-forecast.html',
  '/dashboard/business/orbital-lumen-deal.html',
  '/dashboard/wire/orbital-lumen-deal.html',
  '/dashboard/lumen-festival.html',
  '/dashboard/business/lumen-plant.html',
  '/dashboard/kestrel-tricks.html',
];
const DEAL = 'Orbital Foods and Lumen Energy sign a solar supply deal for factories';
const HOSTILE = 'Kestrel Air <img src=x onerror=alert(1)> pilots show <b>tricks</b> at air fair';

interface ExportedStory {
  title: string;
  publisher: string | null;
  isBusiness: boolean;
  mentions: { entityId: string }[];
}

describe('dashboard in Chromium', () => {
  let harness: Harness;
  let dashboard: DashboardPage;
  /** Every stored story, from the dashboard's own JSON export with no filter. */
  let stored: ExportedStory[];
  let ids: Map<string, string>;

  beforeAll(async () => {
    harness = await startHarness();
    const options = await harness.openOptions();
    await options.addCompany('Orbital Foods', [], { watchlist: 'Clients' });
    await options.addCompany('Lumen Energy', [], { watchlist: 'Clients' });
    await options.addCompany('Kestrel Air');
    const companies = JSON.parse((await options.export('Export companies (JSON)')).text).items as {
      id: string;
      name: string;
    }[];
    ids = new Map(companies.map((c) => [c.name, c.id]));
    await options.page.close();
    for (const path of ARTICLES) {
      const article = await harness.browser.context.newPage();
      await article.goto(harness.server.url(path));
      await article.waitForTimeout(300);
      await article.close();
    }
  });
  afterAll(async () => harness?.close());

  async function openDashboard(): Promise<DashboardPage> {
    const page = await harness.browser.openExtensionPage('dashboard.html');
    await page.setViewportSize({ width: 1200, height: 900 });
    const view = new DashboardPage(page);
    await view.ready();
    return view;
  }

  const about = (company: string) => stored.filter((s) => s.mentions.some((m) => m.entityId === ids.get(company)));

  it('opens from the popup and counts every story read, as the store holds them', async () => {
    const popup = await harness.openPopup();
    const [opened] = await Promise.all([
      harness.browser.context.waitForEvent('page', (p: Page) => p.url().endsWith('/dashboard.html')),
      popup.page.getByRole('button', { name: 'Dashboard' }).click(),
    ]);
    await opened.close();

    // The background saves as pages report; reopen until all six are counted.
    await expect
      .poll(
        async () => {
          if (dashboard) await dashboard.page.close();
          dashboard = await openDashboard();
          return dashboard.status();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe('6 stories about all tracked companies in the last 30 days.');
    const json = await dashboard.download('Export these stories (JSON)');
    stored = JSON.parse(json.text).items;
    expect(stored).toHaveLength(ARTICLES.length);

    for (const company of ['Orbital Foods', 'Lumen Energy', 'Kestrel Air']) {
      const stories = about(company);
      const business = stories.filter((s) => s.isBusiness).length;
      expect(await dashboard.timelineTitle(company)).toMatch(
        new RegExp(`^${company}${storiesText(stories.length)}${business > 0 ? ` · ${business} business` : ''}$`, 'u'),
      );
      expect(await dashboard.timelineCaption(company)).toMatch(
        new RegExp(
          `^${company}: ${stories.length} stor(y|ies) in the last 30 days, ${business} of them business news \\(${Math.round((business / stories.length) * 100)}%\\)\\. Busiest day: .+, ${stories.length} stor(y|ies)\\.$`,
          'u',
        ),
      );
    }
    expect(about('Lumen Energy')).toHaveLength(4);
    expect(about('Orbital Foods').filter((s) => s.isBusiness)).toHaveLength(3);

    const mentions = stored.reduce((n, s) => n + s.mentions.length, 0);
    const share = (company: string) => `${Math.round((about(company).length / mentions) * 100)}%`;
    expect(await dashboard.shareOfVoice.allTextContents()).toEqual([
      `Lumen Energy${share('Lumen Energy')} · 4 stories`,
      `Orbital Foods${share('Orbital Foods')} · 3 stories`,
      `Kestrel Air${share('Kestrel Air')} · 1 story`,
    ]);
    expect(await dashboard.topPublishers('Lumen Energy').allTextContents()).toEqual([
      'Harbour Business Wire2 stories',
      'Northern Syndicate1 story',
      'The Test Ledger1 story',
    ]);
    expect(await dashboard.pairs.allTextContents()).toEqual(['Orbital Foods and Lumen Energy: 2 stories']);
  });

  it('lists a day’s stories from the chart, by pointer and by keyboard', async () => {
    const slider = dashboard.timelineSlider('Lumen Energy');
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (!box) throw new Error('the Lumen Energy chart is not on screen');
    // Today is the last bar: hover shows its count, a click lists its stories.
    await dashboard.page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await dashboard.page
      .locator('.tip')
      .filter({ hasText: /: 4 stories, 3 business news$/u })
      .waitFor();
    await dashboard.page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
    // The bar's stories are read when it is chosen.
    await expect
      .poll(async () => new Set(await dashboard.dayStories('Lumen Energy').allTextContents()))
      .toEqual(new Set(about('Lumen Energy').map((s) => s.title)));
    await dashboard.page.getByRole('button', { name: 'Close' }).click();

    // From the top of the page, the keyboard alone reaches the chart.
    await dashboard.page.reload();
    await dashboard.ready();
    const focused = () => slider.evaluate((el) => el === document.activeElement);
    for (let i = 0; i < 25 && !(await focused()); i++) await dashboard.page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await dashboard.page.keyboard.press('Home');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/: 0 stories$/u);
    await dashboard.page.keyboard.press('End');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/: 4 stories, 3 business news$/u);
    await dashboard.page.keyboard.press('Enter');
    // Four stories, one of them a syndicated copy listed "also at" beside the other.
    await expect.poll(() => dashboard.dayStories('Lumen Energy').count()).toBe(3);
  });

  it('compares one watchlist, and keeps counts when the period grows', async () => {
    await dashboard.chooseCompanies('Watchlist: Clients');
    expect(await dashboard.shareOfVoice.allTextContents()).toEqual([
      'Lumen Energy57% · 4 stories',
      'Orbital Foods43% · 3 stories',
    ]);
    expect(await dashboard.page.locator('.timeline figcaption').count()).toBe(2);
    await dashboard.chooseCompanies('All tracked companies');
    await dashboard.choosePeriod(365);
    expect(await dashboard.timelineCaption('Lumen Energy')).toMatch(/^Lumen Energy: 4 stories in the last 365 days/u);
    // A year is shown week by week: one bar (and one slider step) per week, not a hairline per day.
    await dashboard.page.getByText('Stories per week over the last 365 days', { exact: false }).waitFor();
    expect(await dashboard.timelineSlider('Lumen Energy', 'Week').getAttribute('aria-valuetext')).toMatch(
      / to .+: 4 stories/u,
    );
    await screenshot(dashboard.page, 'dashboard-365-days');
    await dashboard.choosePeriod(30);
  });

  it('shows page text as text, sorts the story list, and exports what the filter shows', async () => {
    expect(
      await dashboard.page.locator('.dashboard img:not(.brand-mark), .dashboard b, .dashboard script').count(),
    ).toBe(0);
    await dashboard.page.getByRole('link', { name: HOSTILE }).first().waitFor();

    await expect.poll(() => dashboard.storyLinks.count()).toBe(5); // the syndicated copy shows once
    await dashboard.order('Publisher (A to Z)');
    await expect.poll(() => dashboard.storyLinks.count()).toBe(6);
    const publishers = await dashboard.page
      .getByRole('list', { name: 'Matched stories' })
      .locator(':scope > li .publisher')
      .allTextContents();
    expect(publishers).toEqual([...publishers].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    await dashboard.order('Relevance (headline mentions first)');
    await expect.poll(async () => (await dashboard.storyLinks.allTextContents())[0]).toBe(DEAL);

    await dashboard.page.getByRole('button', { name: 'Lumen Energy', exact: true }).click();
    await expect.poll(() => dashboard.storyLinks.count()).toBe(4);
    const csv = await dashboard.download('Export these stories (CSV)');
    expect(csv.name).toMatch(/^news-tracker-stories-\d{4}-\d\d-\d\d\.csv$/u);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(1 + about('Lumen Energy').length);
    await dashboard.page.getByRole('searchbox', { name: 'Search stories' }).fill('battery');
    await expect
      .poll(() => dashboard.storyLinks.allTextContents())
      .toEqual(['Lumen Energy opens a battery plant that will employ 800 people']);
    const json = await dashboard.download('Export these stories (JSON)');
    expect(JSON.parse(json.text).items.map((s: ExportedStory) => s.title)).toEqual([
      'Lumen Energy opens a battery plant that will employ 800 people',
    ]);
  });

  it('makes a weekly digest with each story once, as Markdown, text and an HTML page', async () => {
    const digest = dashboard.digest;
    await digest.getByRole('heading', { name: /^News digest, / }).waitFor();
    const deal = digest.getByRole('link', { name: DEAL });
    expect(await deal.count()).toBe(1);
    const dealItem = digest.locator('li').filter({ has: dashboard.page.getByRole('link', { name: DEAL }) });
    expect(await dealItem.textContent()).toMatch(
      /Also mentions (Lumen Energy|Orbital Foods)Also at (Northern Syndicate|Harbour Business Wire)/u,
    );
    await harness.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await dashboard.page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await dashboard.page.getByText('Copied the digest as Markdown.').waitFor();
    const markdown = await dashboard.page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toMatch(/^# News digest, /u);
    expect(markdown).toContain('Kestrel Air \\<img src=x onerror=alert\\(1\\)\\> pilots show \\<b\\>tricks\\</b\\>');
    await dashboard.page.getByRole('button', { name: 'Copy as plain text' }).click();
    await dashboard.page.getByText('Copied the digest as plain text.').waitFor();
    expect(await dashboard.page.evaluate(() => navigator.clipboard.readText())).toContain(`* ${HOSTILE}`);

    const page = await dashboard.download('Download HTML');
    expect(page.name).toMatch(/^news-digest-\d{4}-\d\d-\d\d\.html$/u);
    expect(page.text).toContain('Kestrel Air &lt;img src=x onerror=alert(1)&gt; pilots');
    expect(page.text).not.toContain('<img');
    expect(page.text).not.toContain('<script');
  });

  it('passes axe in light and dark mode, and is photographed for review', async () => {
    await dashboard.page.setViewportSize({ width: 1280, height: 900 });
    await dashboard.page.getByRole('searchbox', { name: 'Search stories' }).fill('');
    await dashboard.page.getByRole('button', { name: 'Lumen Energy', exact: true }).click();
    await dashboard.order('Newest first');
    await expect.poll(() => dashboard.storyLinks.count()).toBe(5);
    await dashboard.page.locator('.pairs summary').first().click();
    // The pair's two stories are one story and its syndicated copy: listed once, "also at".
    const pair = dashboard.page.getByRole('list', { name: 'Stories naming Orbital Foods and Lumen Energy' });
    await expect.poll(() => pair.getByRole('listitem').count()).toBe(1);
    expect(await pair.getByRole('listitem').textContent()).toMatch(
      /Also at (Northern Syndicate|Harbour Business Wire)$/u,
    );
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(dashboard.page, scheme);
      await dashboard.timelineSlider('Lumen Energy').focus();
      await screenshot(dashboard.page, `dashboard-${scheme}`);
      expect(await seriousViolations(dashboard.page), `dashboard in ${scheme} mode`).toEqual([]);
    }
    await dashboard.page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await screenshot(dashboard.page, 'dashboard-digest-print');
    await dashboard.page.emulateMedia({ media: 'screen' });
  });

  it('wraps a 200-character company name in every card, with no sideways scrolling', async () => {
    const long = `Kestrel Air ${'Regional Aviation and Leasing Holdings '.repeat(6)}`.slice(0, 200).trim();
    const options = await harness.openOptions();
    await options.editCompany('Kestrel Air', { name: long, aliases: ['Kestrel Air'] });
    await options.page.close();
    const wide = await openDashboard();
    await wide.page.setViewportSize({ width: 1280, height: 900 });
    expect(await wide.timelineTitle(long)).toBe(`${long}1 story`);
    expect(await wide.scrollsSideways()).toBe(false);
    const card = await wide.page.getByRole('figure', { name: long, exact: true }).boundingBox();
    expect((card?.x ?? 0) + (card?.width ?? 0)).toBeLessThanOrEqual(1280);
    await wide.page.getByRole('button', { name: long }).first().click();
    await expect.poll(() => wide.storyLinks.count()).toBe(1);
    expect(await wide.scrollsSideways()).toBe(false);
    await screenshot(wide.page, 'dashboard-long-name');
    await wide.page.setViewportSize({ width: 700, height: 900 });
    expect(await wide.scrollsSideways()).toBe(false);
    await wide.page.close();
  });
});
