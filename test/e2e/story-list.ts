/**
 * The story list as the popup reads it (utils/db/reader.ts), read in one of the extension's
 * pages: what a person would see listed, with any filters.
 */
import type { Page } from 'playwright-core';
import type { StoryPage, StoryQuery } from '../../utils/stories';
import { bundleForPage } from '../support/bundle';

let bundle: Promise<string> | null = null;

export async function listStoredStories(page: Page, query: StoryQuery): Promise<StoryPage> {
  bundle ??= bundleForPage('test/support/page-stories.ts', 'NewsTrackerStories');
  return page.evaluate(`${await bundle}\nNewsTrackerStories.listStories(${JSON.stringify(query)})`);
}
