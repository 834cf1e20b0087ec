/**
 * The popup and options pages used as a person would, by their visible labels and roles, in
 * the built extension in Chromium: companies added, edited, switched off and deleted; files
 * imported, refused and round-tripped; articles read and found, filtered, searched, starred,
 * deleted; both pages checked with axe and photographed in light and dark mode.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { screenshot, seriousViolations, useScheme } from './pages/accessibility';
import type { PopupPage } from './pages/popup';

const CHIP_DEAL = 'Nvidia and Arm agree chip licensing deal worth $2 billion';
const HOSTILE = 'Arm <img src=x onerror=alert(1)> wins <b>award</b> for robot design';
const DEMO = 'Phone maker moves European user data to new Irish data centre';

describe('popup and options pages in Chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => harness?.close());

  async function read(path: string): Promise<Page> {
    const page = await harness.browser.context.newPage();
    await page.goto(harness.server.url(path));
    return page;
  }

  /** Opens the popup with `article` as the active tab, as when the toolbar button is pressed over it. */
  async function popupOver(article: Page): Promise<PopupPage> {
    const popup = await harness.openPopup();
    await popup.page.setViewportSize({ width: 380, height: 640 });
    await article.bringToFront();
    await popup.page.reload();
    return popup;
  }

  it('welcomes a first-time user in the popup', async () => {
    const popup = await harness.openPopup();
    await popup.page.getByRole('heading', { name: 'Start by adding the companies you follow' }).waitFor();
    expect(await popup.page.getByRole('button', { name: 'Add companies' }).isVisible()).toBe(true);
    await popup.page.close();
  });

  it('adds, edits, switches off and deletes companies on the options page', async () => {
    const options = await harness.openOptions();
    await options.addCompany('Nvidia', ['NVDA'], { watchlist: 'Chips' });
    await options.addCompany('Arm', ['Arm Holdings'], { watchlist: 'Chips', matchCase: true });
    await options.addCompany('Placeholder Co');
    expect(await options.pasteCompanies(['Xiaomi', 'Nvidia', 'Acme Widgets'])).toMatch(
      /^Added 2 of 3\. Skipped: Nvidia \(/,
    );
    await expect
      .poll(() => options.companyNames())
      .toEqual(['Nvidia', 'Arm', 'Placeholder Co', 'Xiaomi', 'Acme Widgets']);

    await options.editCompany('Placeholder Co', {
      name: 'Samsung',
      aliases: ['Samsung Electronics'],
      color: '#3366cc',
    });
    await options.setTracking('Acme Widgets', false);
    await options.deleteCompany('Xiaomi');

    await options.page.reload();
    await expect.poll(() => options.companyNames()).toEqual(['Nvidia', 'Arm', 'Samsung', 'Acme Widgets']);
    const samsung = options.companies.filter({ hasText: 'Samsung' });
    expect(await samsung.textContent()).toContain('also Samsung Electronics');
    expect(await options.page.getByRole('switch', { name: 'Track Acme Widgets' }).isChecked()).toBe(false);
    await options.page.getByLabel('Show watchlist').selectOption('Chips');
    await expect.poll(() => options.companyNames()).toEqual(['Nvidia', 'Arm']);
    await options.page.close();
  });

  it('finds an article read in the popup, with this page’s companies and a per-site highlight switch', async () => {
    const article = await read('/ui/chip-deal.html');
    const popup = await popupOver(article);
    const region = popup.thisPage;
    await region.getByText('News article', { exact: true }).waitFor();
    await region.getByText('Business news', { exact: true }).waitFor();
    const found = region.getByRole('list', { name: 'Tracked companies in the article' });
    expect(await found.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Nvidia\d+, \d+ mentions$/), expect.stringMatching(/^Arm\d/)]),
    );
    expect(await popup.storyTitles(1)).toEqual([CHIP_DEAL]);

    const toggle = region.getByRole('switch', { name: 'Highlights on this site' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await popup.page.reload();
    await expect
      .poll(() => popup.thisPage.getByRole('switch', { name: 'Highlights on this site' }).isChecked())
      .toBe(false);
    await popup.thisPage.getByRole('switch', { name: 'Highlights on this site' }).click();
    await popup.page.close();
    await article.close();
  });

  it('shows page text as text, and filters, searches, stars and deletes stories', async () => {
    // The pages stay open until their stories are listed: closing a tab at once can stop its report.
    const pages = [await read('/ui/hostile-title.html'), await read('/demo/business-article.html')];
    const popup = await harness.openPopup();
    await popup.page.setViewportSize({ width: 380, height: 640 });
    expect(new Set(await popup.storyTitles(3))).toEqual(new Set([CHIP_DEAL, HOSTILE, DEMO]));
    for (const page of pages) await page.close();
    expect(await popup.storyList.locator('img, b, script').count()).toBe(0);
    expect(await popup.story(HOSTILE).textContent()).toContain('<i>Evil</i> Gazette');

    await popup.toggleFilter('Nvidia');
    await expect.poll(() => popup.storyLinks.allTextContents()).toEqual([CHIP_DEAL]);
    await popup.toggleFilter('Nvidia');
    await popup.search('robot');
    await expect.poll(() => popup.storyLinks.allTextContents()).toEqual([HOSTILE]);
    await popup.search('');
    await expect.poll(() => popup.storyLinks.count()).toBe(3);

    await popup.story(DEMO).getByRole('button', { name: 'Star' }).click();
    await popup.toggleFilter('Starred');
    await expect.poll(() => popup.storyLinks.allTextContents()).toEqual([DEMO]);
    await popup.toggleFilter('Starred');

    await popup.story(HOSTILE).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => popup.storyLinks.count()).toBe(2);
    await popup.page.getByRole('button', { name: 'Mark all read' }).click();
    await popup.page.getByText(/^Marked \d+ stor(y|ies) read\.$/).waitFor();
    await popup.toggleFilter('Unread');
    await popup.page.getByText('No stories match these filters.').waitFor();

    await popup.page.reload();
    expect(new Set(await popup.storyTitles(2))).toEqual(new Set([CHIP_DEAL, DEMO]));
    expect(await popup.story(DEMO).getByRole('button', { name: 'Star' }).getAttribute('aria-pressed')).toBe('true');
    await popup.page.close();
  });

  it('shows a syndicated copy once, with "also at" linking the other publisher', async () => {
    const copy = await read('/ui/chip-deal-copy.html');
    const popup = await harness.openPopup();
    await expect
      .poll(async () => {
        await popup.page.reload();
        await popup.storyTitles(1);
        return popup
          .story(CHIP_DEAL)
          .getByRole('link', { name: /The (Test Courier|Second Wire)/ })
          .count();
      })
      .toBe(1);
    expect(await popup.storyLinks.allTextContents()).toEqual([CHIP_DEAL, DEMO]);
    await copy.close();
    expect(await popup.story(CHIP_DEAL).textContent()).toMatch(/Also at The (Test Courier|Second Wire)/);
    await popup.page.close();
  });

  it('works with the keyboard alone in the popup', async () => {
    const popup = await harness.openPopup();
    await popup.storyTitles(2);
    const search = popup.page.getByRole('searchbox', { name: 'Search stories' });
    for (let i = 0; i < 12 && !(await search.evaluate((el) => el === document.activeElement)); i++) {
      await popup.page.keyboard.press('Tab');
    }
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.page.keyboard.type('licensing');
    await expect.poll(() => popup.storyLinks.allTextContents()).toEqual([CHIP_DEAL]);
    const star = popup.story(CHIP_DEAL).getByRole('button', { name: 'Star' });
    for (let i = 0; i < 30 && !(await star.evaluate((el) => el === document.activeElement)); i++) {
      await popup.page.keyboard.press('Tab');
    }
    await popup.page.keyboard.press('Enter');
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await popup.page.close();
  });

  it('imports a good file after a preview, and refuses a broken one without changing anything', async () => {
    const options = await harness.openOptions();
    await options.chooseImportFile('broken.csv', 'Name,Colour\nTesla,#ff0000\nRivian,"red\n');
    await options.page
      .getByRole('alert')
      .filter({ hasText: 'broken.csv: Line 3: a quoted cell is never closed' })
      .waitFor();
    await options.chooseImportFile('hostile.json', '{"items":[{"name":"Tesla","color":"red;background:url(//x)"}]}');
    await options.page
      .getByRole('alert')
      .filter({ hasText: 'Company 1 (items[0]), field "colour": expected a colour like #ffd54f.' })
      .waitFor();
    await expect.poll(() => options.companyNames()).toEqual(['Nvidia', 'Arm', 'Samsung', 'Acme Widgets']);

    await options.chooseImportFile(
      'watchlist.csv',
      'Name,Aliases,Watchlist\nTesla,TSLA; Tesla Motors,Cars\nArm,ARM Ltd,Chips\n',
    );
    const preview = options.importPreview;
    expect(await preview.getByRole('heading', { level: 3 }).textContent()).toBe(
      'watchlist.csv: 1 to add, 1 to change, 0 skipped',
    );
    expect(await preview.getByRole('list', { name: 'To change' }).textContent()).toBe(
      'ArmAliases: Arm Holdings (match case) → Arm Holdings (match case), ARM Ltd (match case)',
    );
    expect(await options.confirmImport()).toBe('Imported watchlist.csv: 1 added, 1 changed.');
    await expect.poll(() => options.companyNames()).toEqual(['Nvidia', 'Arm', 'Samsung', 'Acme Widgets', 'Tesla']);
    await options.page.close();
  });

  it('exports companies and stories, and a deleted profile comes back from the export with nothing lost', async () => {
    const options = await harness.openOptions();
    const json = await options.export('Export companies (JSON)');
    const csv = await options.export('Export companies (CSV)');
    const storiesCsv = await options.export('Export stories (CSV)');
    const storiesJson = await options.export('Export stories (JSON)');
    expect(json.name).toMatch(/^news-tracker-companies-\d{4}-\d\d-\d\d\.json$/);
    expect(
      csv.text.startsWith('\uFEFFName,Aliases,Exclude,Match case,Colour,Enabled,Watchlist,ID,Added (UTC)\r\n'),
    ).toBe(true);
    expect(storiesCsv.text.split('\r\n')[0]).toMatch(/^\uFEFFTitle,URL,Publisher,/);
    expect(storiesCsv.text).toContain(CHIP_DEAL);
    // Both copies of the syndicated story are kept in the export.
    expect(JSON.parse(storiesJson.text).items).toHaveLength(3);
    const before = JSON.parse(json.text).items;

    await options.deleteAllData();
    await options.page.reload();
    await expect.poll(() => options.companyNames()).toEqual([]);

    await options.chooseImportFile(json.name, json.text);
    expect(await options.confirmImport()).toBe(`Imported ${json.name}: 5 added, 0 changed.`);
    const after = JSON.parse((await options.export('Export companies (JSON)')).text).items;
    expect(after).toEqual(before);

    await options.chooseImportFile(csv.name, csv.text);
    await options.importPreview.getByText(`${csv.name}: 0 to add, 0 to change, 5 skipped`).waitFor();
    await options.page.close();
  });

  it('announces a name’s limit instead of cutting it, lays out the exports two by two, and jumps to a section', async () => {
    const options = await harness.openOptions();
    await options.page.setViewportSize({ width: 900, height: 700 });
    const form = options.page.getByRole('form', { name: 'Add a company' });
    const name = form.getByLabel('Name', { exact: true });
    await name.fill('N'.repeat(5000));
    expect((await name.inputValue()).length).toBe(5000);
    await form.getByText('A name can be at most 200 characters; this has 5,000.').waitFor();
    await form.getByRole('button', { name: 'Add' }).click();
    await form.getByRole('alert').filter({ hasText: 'Nothing was added: shorten the fields marked above.' }).waitFor();
    // The next action, anywhere, clears what the last one said.
    await name.fill('Nvidia');
    await form.getByRole('alert').waitFor({ state: 'detached' });
    expect(await options.page.getByText('A name can be at most 200 characters').count()).toBe(0);

    const exports = ['JSON', 'CSV'].flatMap((f) => [`Export companies (${f})`, `Export stories (${f})`]);
    const rows = new Map<number, number>();
    for (const label of exports) {
      const box = await options.page.getByRole('button', { name: label }).boundingBox();
      rows.set(Math.round(box?.y ?? 0), (rows.get(Math.round(box?.y ?? 0)) ?? 0) + 1);
    }
    expect([...rows.values()]).toEqual([2, 2]);

    await options.page
      .getByRole('navigation', { name: 'Options sections' })
      .getByRole('link', { name: 'Settings' })
      .click();
    const heading = await options.page.getByRole('heading', { name: 'Settings', level: 2 }).boundingBox();
    expect(heading?.y).toBeGreaterThan(0);
    expect(heading?.y).toBeLessThan(120);
    await options.page.close();
  });

  it('passes axe in light and dark mode on both pages, and is photographed for review', async () => {
    const article = await read('/ui/chip-deal.html');
    const popup = await popupOver(article);
    await popup.storyTitles(1);
    const options = await harness.openOptions();
    await options.page.setViewportSize({ width: 900, height: 900 });
    await options.companies.first().waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, page] of [
        ['popup', popup.page],
        ['options', options.page],
      ] as const) {
        await useScheme(page, scheme);
        await screenshot(page, `${name}-${scheme}`);
        expect(await seriousViolations(page), `${name} in ${scheme} mode`).toEqual([]);
      }
    }
  });
});
