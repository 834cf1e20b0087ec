import type { Page } from 'puppeteer-core';
import type { FirefoxWithExtension } from '../firefox';
import { aria } from './aria';

const STORY_LINKS = 'ul[aria-label="Matched stories"] > li .story-title';

/** The toolbar popup, opened as a tab. */
export class PopupPage {
  private constructor(
    public page: Page,
    private readonly firefox: FirefoxWithExtension,
  ) {}

  static async open(firefox: FirefoxWithExtension): Promise<PopupPage> {
    return new PopupPage(await firefox.openExtensionPage('popup.html'), firefox);
  }

  /** Waits until the popup has heard from the background (its "This page" region shows). */
  async loaded(): Promise<void> {
    await this.page.waitForSelector(aria('This page', 'region'));
  }

  /** Opens the popup afresh: it shows what was stored when it opened. */
  async reopen(): Promise<void> {
    await this.page.close();
    this.page = await this.firefox.openExtensionPage('popup.html');
  }

  /** Story headlines; reopens until at least `atLeast` are shown (the background saves asynchronously). */
  async storyTitles(atLeast = 0, timeoutMs = 5000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    const read = () => this.page.$$eval(STORY_LINKS, (links) => links.map((a) => a.textContent ?? ''));
    for (;;) {
      // The list renders a moment after the page loads; after that it shows what was stored.
      const rendered = Date.now() + 1000;
      let titles = await read();
      while (titles.length < atLeast && Date.now() < rendered) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        titles = await read();
      }
      if (titles.length >= atLeast || Date.now() >= deadline) return titles;
      await this.reopen();
    }
  }

  /** The notice shown when the browser does not let News Tracker read pages, or null. */
  async siteAccessNotice(): Promise<string | null> {
    const button = await this.page.$(aria('Allow access in Options', 'button'));
    return (await button?.evaluate((b) => b.parentElement?.textContent ?? '')) ?? null;
  }
}
