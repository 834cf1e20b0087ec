import type { Locator, Page } from 'playwright-core';

/** The options page, driven by its visible labels and roles as a person would. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  get companies(): Locator {
    return this.page.getByRole('list', { name: 'Tracked companies' }).getByRole('listitem');
  }

  async addCompany(name: string, aliases: string[] = []): Promise<void> {
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    await this.page.getByLabel('Aliases').fill(aliases.join(', '));
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
    await this.page.getByRole('button', { name: `Delete ${name}`, exact: true }).waitFor();
  }

  async deleteCompany(name: string): Promise<void> {
    const button = this.page.getByRole('button', { name: `Delete ${name}`, exact: true });
    await button.click();
    await button.waitFor({ state: 'detached' });
  }

  async companyNames(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Tracked companies' }).locator('.name').allTextContents();
  }
}
