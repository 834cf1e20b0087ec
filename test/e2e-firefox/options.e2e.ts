/**
 * The options page in Firefox: companies added, edited and removed, and the company list
 * exported (JSON and CSV, through Firefox's downloads) and imported back after a preview.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxHarness, startFirefoxHarness } from './harness';
import type { OptionsPage } from './pages/options';

describe('the options page in Firefox', () => {
  let harness: FirefoxHarness;
  let options: OptionsPage;

  beforeAll(async () => {
    harness = await startFirefoxHarness();
    options = await harness.openOptions();
  });
  afterAll(async () => harness?.close());

  it('adds, edits and removes companies, and keeps them across a reload of the page', async () => {
    await options.addCompany('Xiaomi', ['Xiaomi Corp']);
    await options.addCompany('Samsung');
    await options.addCompany('Nokia');
    expect(await options.companyNames()).toEqual(['Xiaomi', 'Samsung', 'Nokia']);
    expect(await options.companyRow('Xiaomi')).toContain('Xiaomi Corp');

    await options.editCompany('Samsung', { name: 'Samsung Electronics', aliases: ['Samsung', 'SEC'] });
    await options.deleteCompany('Nokia');
    expect(await options.companyNames()).toEqual(['Xiaomi', 'Samsung Electronics']);
    expect(await options.companyRow('Samsung Electronics')).toMatch(/Samsung, SEC/u);

    // What the page shows is what was stored.
    await options.page.close();
    options = await harness.openOptions();
    await options.page.waitForSelector('ul[aria-label="Tracked companies"] .name');
    expect(await options.companyNames()).toEqual(['Xiaomi', 'Samsung Electronics']);
  });

  it('exports the companies as JSON and CSV, and imports them back after a preview', async () => {
    const json = await options.export('Export companies (JSON)');
    const csv = await options.export('Export companies (CSV)');
    expect(json.name).toMatch(/^news-tracker-companies-\d{4}-\d\d-\d\d\.json$/u);
    expect(csv.name).toMatch(/^news-tracker-companies-\d{4}-\d\d-\d\d\.csv$/u);
    const exported = JSON.parse(json.text).items as { name: string; aliases: string[] }[];
    expect(exported.map((c) => c.name)).toEqual(['Xiaomi', 'Samsung Electronics']);
    expect(csv.text).toMatch(/^\uFEFFName,Aliases,/u);
    expect(csv.text).toContain('Samsung Electronics');

    await options.deleteCompany('Xiaomi');
    await options.deleteCompany('Samsung Electronics');
    expect(await options.companyNames()).toEqual([]);

    await options.chooseImportFile(json.name, json.text);
    expect(await options.importPreview()).toMatch(/^.*\.json: 2 to add, 0 to change, 0 skipped/u);
    expect(await options.confirmImport(2)).toBe(`Imported ${json.name}: 2 added, 0 changed.`);
    await expect.poll(() => options.companyNames()).toEqual(['Xiaomi', 'Samsung Electronics']);
    const again = JSON.parse((await options.export('Export companies (JSON)')).text).items;
    expect(again).toEqual(exported);

    // The same companies again, as CSV: nothing new to add.
    await options.chooseImportFile(csv.name, csv.text);
    expect(await options.importPreview()).toMatch(/\.csv: 0 to add, 0 to change, 2 skipped/u);
  });
});
