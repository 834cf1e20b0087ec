import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

export interface CompanyFields {
  name?: string;
  aliases?: string[];
  exclusions?: string[];
  matchCase?: boolean;
  watchlist?: string;
  color?: string;
}

/** The options page, driven by its visible labels and roles as a person would. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  get companies(): Locator {
    return this.page.getByRole('list', { name: 'Tracked companies' }).getByRole('listitem');
  }

  get addForm(): Locator {
    return this.page.getByRole('form', { name: 'Add a company' });
  }

  /** Fills the company fields inside `form` (the add form or an edit form). */
  private async fill(form: Locator, fields: CompanyFields): Promise<void> {
    if (fields.name !== undefined) await form.getByLabel('Name', { exact: true }).fill(fields.name);
    if (fields.aliases) await form.getByLabel('Aliases').fill(fields.aliases.join(', '));
    if (fields.exclusions) await form.getByLabel('Exclude').fill(fields.exclusions.join('\n'));
    if (fields.watchlist !== undefined) await form.getByLabel('Watchlist').fill(fields.watchlist);
    if (fields.color) await form.getByLabel('Colour').fill(fields.color);
    if (fields.matchCase !== undefined) await form.getByLabel('Match case').setChecked(fields.matchCase);
  }

  async addCompany(name: string, aliases: string[] = [], more: Omit<CompanyFields, 'name' | 'aliases'> = {}) {
    await this.fill(this.addForm, { name, aliases, ...more });
    await this.addForm.getByRole('button', { name: 'Add', exact: true }).click();
    await this.page.getByRole('button', { name: `Delete ${name}`, exact: true }).waitFor();
  }

  async editCompany(name: string, changes: CompanyFields): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
    const form = this.page.getByRole('form', { name: `Edit ${name}`, exact: true });
    await this.fill(form, changes);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async setTracking(name: string, on: boolean): Promise<void> {
    // The switch shows the stored state, so it flips once the store has answered.
    const toggle = this.page.getByRole('switch', { name: `Track ${name}`, exact: true });
    if ((await toggle.isChecked()) !== on) await toggle.click();
    await this.page.getByRole('switch', { name: `Track ${name}`, exact: true, checked: on }).waitFor();
  }

  async deleteCompany(name: string): Promise<void> {
    const button = this.page.getByRole('button', { name: `Delete ${name}`, exact: true });
    await button.click();
    await button.waitFor({ state: 'detached' });
  }

  async pasteCompanies(names: string[]): Promise<string> {
    await this.page.getByText('Paste many names at once').click();
    await this.page.getByLabel('Names, one per line').fill(names.join('\n'));
    await this.page.getByRole('button', { name: 'Add all' }).click();
    const status = this.page.getByRole('status').filter({ hasText: /^Added / });
    await status.waitFor();
    return (await status.textContent()) ?? '';
  }

  async companyNames(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Tracked companies' }).locator('.name').allTextContents();
  }

  /** Clicks an export button and returns the downloaded file's name and text. */
  async export(button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }

  /** Chooses a file to import; the preview (or an error) appears next. */
  async chooseImportFile(name: string, text: string): Promise<void> {
    const mimeType = name.endsWith('.csv') ? 'text/csv' : 'application/json';
    await this.page
      .getByLabel('Import companies from a file (JSON or CSV)')
      .setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') });
  }

  get importPreview(): Locator {
    return this.page.getByRole('region', { name: 'Import preview' });
  }

  async confirmImport(): Promise<string> {
    await this.importPreview.getByRole('button', { name: /^Import \d+ compan/ }).click();
    const status = this.page.getByRole('status').filter({ hasText: /^Imported / });
    await status.waitFor();
    return (await status.textContent()) ?? '';
  }

  async deleteAllData(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete all data…' }).click();
    await this.page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await this.page.getByText('All tracked companies, stories and settings were deleted.').waitFor();
  }
}
