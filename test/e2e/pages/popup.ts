import type { Locator, Page } from 'playwright-core';

/** The toolbar popup, opened as a tab. */
export class PopupPage {
  constructor(readonly page: Page) {}

  get thisPage(): Locator {
    return this.page.getByRole('region', { name: 'This page' });
  }

  get storyList(): Locator {
    return this.page.getByRole('list', { name: 'Matched stories' });
  }

  get storyLinks(): Locator {
    return this.storyList.locator(':scope > li .story-title');
  }

  /** Story headlines; reloads until at least `atLeast` are shown (the background saves asynchronously). */
  async storyTitles(atLeast = 0, timeoutMs = 5000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    // The popup lists what was stored when it opened, so reload until enough stories are there;
    // after each load, give the list a moment to render before deciding it is short.
    while (atLeast > 0) {
      const shown = await this.storyLinks
        .nth(atLeast - 1)
        .waitFor({ timeout: 1000 })
        .then(
          () => true,
          () => false,
        );
      if (shown || Date.now() >= deadline) break;
      await this.page.reload();
      await this.page.waitForLoadState();
    }
    return this.storyLinks.allTextContents();
  }

  /** The list item of the story with this headline. */
  story(title: string): Locator {
    return this.storyList
      .locator(':scope > li')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search stories' }).fill(text);
  }

  /** Presses a filter chip: a company name, "Unread" or "Starred". */
  async toggleFilter(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }
}
