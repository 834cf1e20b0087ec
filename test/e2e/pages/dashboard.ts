import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** The dashboard tab, driven by its visible labels and roles as a person would. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  /** Waits for the first charts: the summary line says what was counted. */
  async ready(): Promise<void> {
    await this.status();
  }

  /** The summary line under the header, once counting is done. */
  async status(): Promise<string> {
    const status = this.page.locator('.dashboard > [role="status"]');
    await status.filter({ hasText: /in the last \d+ days\.$/u }).waitFor();
    return (await status.textContent()) ?? '';
  }

  async choosePeriod(days: 30 | 90 | 365): Promise<void> {
    await this.page.getByRole('button', { name: `${days} days`, exact: true }).click();
    await this.page
      .locator('.dashboard > [role="status"]')
      .filter({ hasText: `in the last ${days} days.` })
      .waitFor();
  }

  async chooseCompanies(option: string): Promise<void> {
    await this.page.getByLabel('Companies', { exact: true }).selectOption({ label: option });
  }

  /** The sentence that says what a company's timeline shows (the chart's accessible description). */
  async timelineCaption(company: string): Promise<string> {
    const chart = this.page.getByRole('figure', { name: company, exact: true });
    const id = await chart.getAttribute('aria-describedby');
    return ((await this.page.locator(`[id="${id}"]`).textContent()) ?? '').trim();
  }

  /** A timeline card's visible title: the company and its count. */
  async timelineTitle(company: string): Promise<string> {
    const chart = this.page.getByRole('figure', { name: company, exact: true });
    return ((await chart.locator('figcaption').textContent()) ?? '').trim();
  }

  /** Whether the page scrolls sideways. */
  async scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }

  /** A timeline's slider: over days, or over weeks for longer periods. */
  timelineSlider(company: string, unit: 'Day' | 'Week' = 'Day'): Locator {
    return this.page.getByRole('slider', { name: `${unit} in ${company}’s timeline` });
  }

  /** The stories listed for a clicked or chosen day. */
  dayStories(company: string): Locator {
    return this.page
      .getByRole('list', { name: new RegExp(`^Stories about ${company} on `, 'u') })
      .locator(':scope > li > a');
  }

  get shareOfVoice(): Locator {
    return this.page.getByRole('list', { name: 'Share of voice' }).getByRole('listitem');
  }

  topPublishers(company: string): Locator {
    return this.page.getByRole('list', { name: `Top publishers for ${company}` }).getByRole('listitem');
  }

  get pairs(): Locator {
    return this.page.locator('.pairs summary');
  }

  get storyLinks(): Locator {
    return this.page.getByRole('list', { name: 'Matched stories' }).locator(':scope > li .story-title');
  }

  async order(label: string): Promise<void> {
    await this.page.getByLabel('Order').selectOption({ label });
  }

  get digest(): Locator {
    return this.page.locator('.digest-page');
  }

  /** Clicks a button that downloads a file and returns the file's name and text. */
  async download(button: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: button }).click(),
    ]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }
}
