import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { CompanyFields } from '../../e2e/pages/options';
import type { FirefoxWithExtension } from '../firefox';
import { aria, locate } from './aria';

const ADD_FORM = aria('Add a company', 'form');
const COMPANY_LIST = 'ul[aria-label="Tracked companies"]';

/** The options page in Firefox, driven by its visible labels and roles as a person would. */
export class OptionsPage {
  constructor(
    readonly page: Page,
    private readonly files: Pick<FirefoxWithExtension, 'downloadDir' | 'uploadDir'>,
  ) {}

  /** Fills the company fields inside `form` (the add form or an edit form). */
  private async fill(form: string, fields: CompanyFields): Promise<void> {
    const field = (name: string) => locate(this.page, `${form} ${aria(name, 'textbox')}`);
    if (fields.name !== undefined) await field('Name').fill(fields.name);
    if (fields.aliases) await field('Aliases').fill(fields.aliases.join(', '));
    if (fields.exclusions) await field('Exclude').fill(fields.exclusions.join('\n'));
    if (fields.watchlist !== undefined) await field('Watchlist').fill(fields.watchlist);
    if (fields.matchCase !== undefined) {
      const box = await this.page.waitForSelector(`${form} ${aria('Match case', 'checkbox')}`);
      if ((await box?.evaluate((e) => (e as HTMLInputElement).checked)) !== fields.matchCase) await box?.click();
    }
  }

  async addCompany(name: string, aliases: string[] = [], more: Omit<CompanyFields, 'name' | 'aliases'> = {}) {
    await this.fill(ADD_FORM, { name, aliases, ...more });
    await locate(this.page, `${ADD_FORM} ${aria('Add', 'button')}`).click();
    await this.page.waitForSelector(aria(`Delete ${name}`, 'button'));
  }

  async editCompany(name: string, changes: CompanyFields): Promise<void> {
    await locate(this.page, aria(`Edit ${name}`, 'button')).click();
    const form = aria(`Edit ${name}`, 'form');
    await this.fill(form, changes);
    await locate(this.page, `${form} ${aria('Save', 'button')}`).click();
    await this.page.waitForSelector(form, { hidden: true });
  }

  async deleteCompany(name: string): Promise<void> {
    const button = aria(`Delete ${name}`, 'button');
    await locate(this.page, button).click();
    await this.page.waitForSelector(button, { hidden: true });
  }

  /** Adds many companies at once; returns the status line ("Added 3 of 3."). */
  async pasteCompanies(names: string[]): Promise<string> {
    await locate(this.page, '::-p-text(Paste many names at once)').click();
    await locate(this.page, aria('Names, one per line', 'textbox')).fill(names.join('\n'));
    await locate(this.page, aria('Add all', 'button')).click();
    const status = await this.page.waitForSelector('::-p-aria([role="status"]) ::-p-text(Added)');
    return (await status?.evaluate((e) => e.textContent)) ?? '';
  }

  async companyNames(): Promise<string[]> {
    return this.page.$$eval(`${COMPANY_LIST} .name`, (names) => names.map((n) => n.textContent ?? ''));
  }

  /** The aliases shown under a company in the list. */
  async companyRow(name: string): Promise<string> {
    return this.page.$$eval(
      `${COMPANY_LIST} > li`,
      (rows, wanted) =>
        rows.find((row) => row.querySelector('.name')?.textContent === wanted)?.textContent?.replace(/\s+/gu, ' ') ??
        '',
      name,
    );
  }

  /** Clicks an export button and returns the downloaded file's name and text. */
  async export(button: string): Promise<{ name: string; text: string }> {
    const before = new Set(readdirSync(this.files.downloadDir));
    await locate(this.page, aria(button, 'button')).click();
    const deadline = Date.now() + 5000;
    for (;;) {
      // Firefox creates the file empty, writes the download to a .part file beside it, then
      // moves it over: the download is there once no .part file is left.
      const files = readdirSync(this.files.downloadDir);
      const name = files.find((f) => !before.has(f) && !f.endsWith('.part'));
      if (name && !files.some((f) => f.endsWith('.part'))) {
        const text = readFileSync(path.join(this.files.downloadDir, name), 'utf8');
        if (text.length > 0) return { name, text };
      }
      if (Date.now() > deadline) throw new Error(`No download after clicking "${button}"`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Chooses a file to import; the preview (or an error) appears next. */
  async chooseImportFile(name: string, text: string): Promise<void> {
    // Firefox reads the file when the page does, so it stays until the browser closes.
    const file = path.join(this.files.uploadDir, name);
    writeFileSync(file, text);
    // Firefox names a file field after its label and its "Browse…" button together: found by the label.
    const input = await this.page.waitForSelector(
      '::-p-text(Import companies from a file (JSON or CSV)) input[type="file"]',
    );
    await (input as ElementHandle<HTMLInputElement> | null)?.uploadFile(file);
  }

  /** The import preview's text, once it shows. */
  async importPreview(): Promise<string> {
    const preview = await this.page.waitForSelector(aria('Import preview', 'region'));
    return (await preview?.evaluate((e) => e.textContent?.replace(/\s+/gu, ' ').trim())) ?? '';
  }

  /** Confirms the import of `count` companies and returns the status line that reports it. */
  async confirmImport(count: number): Promise<string> {
    await locate(this.page, aria(`Import ${count} ${count === 1 ? 'company' : 'companies'}`, 'button')).click();
    const status = await this.page.waitForSelector('::-p-aria([role="status"]) ::-p-text(Imported)');
    return (await status?.evaluate((e) => e.textContent)) ?? '';
  }

  /** The text of the section that asks for access to web pages, or null when it is not shown. */
  async siteAccessRequest(): Promise<string | null> {
    const section = await this.page.$(aria('Access to web pages', 'region'));
    return (await section?.evaluate((e) => e.textContent?.replace(/\s+/gu, ' ').trim() ?? '')) ?? null;
  }

  async allowSiteAccess(): Promise<void> {
    await locate(this.page, aria('Allow access to web pages', 'button')).click();
  }

  /** Chooses one of the highlight settings' radio buttons by its label. */
  async chooseHighlights(label: string): Promise<void> {
    await locate(this.page, aria(label, 'radio')).click();
  }
}
