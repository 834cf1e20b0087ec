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

  /** The panel the "Filters" button opens. */
  get filterPanel(): Locator {
    return this.page.locator('#story-filters');
  }

  /** Opens the filters panel, if it is not open yet. */
  async openFilters(): Promise<Locator> {
    if (!(await this.filterPanel.isVisible())) await this.page.getByRole('button', { name: /^Filters/u }).click();
    await this.filterPanel.waitFor();
    return this.filterPanel;
  }

  /** Presses a filter chip in the filters panel (a company name, "Unread" or "Starred"), then closes it. */
  async toggleFilter(name: string): Promise<void> {
    const panel = await this.openFilters();
    await panel.getByRole('button', { name, exact: true }).click();
    await this.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  }

  /** Chooses the list's order in the filters panel ("Newest first", "Recently read"), then closes it. */
  async chooseOrder(label: string): Promise<void> {
    const panel = await this.openFilters();
    await panel.getByRole('combobox', { name: 'Order' }).selectOption({ label });
    await this.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  }
}
