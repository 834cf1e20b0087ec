import type { Locator, Page } from 'playwright-core';

/** The toolbar popup, opened as a tab. */
export class PopupPage {
  constructor(readonly page: Page) {}

  get storyLinks(): Locator {
    return this.page.getByRole('list', { name: 'Matched stories' }).getByRole('link');
  }

  /** Story headlines; reloads until at least `atLeast` are shown (the background saves asynchronously). */
  async storyTitles(atLeast = 0, timeoutMs = 5000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.storyLinks.count()) < atLeast && Date.now() < deadline) {
      await this.page.waitForTimeout(200);
      await this.page.reload();
      await this.page.waitForLoadState();
    }
    return this.storyLinks.allTextContents();
  }
}
