/**
 * Bundled into one of the extension's pages by the end-to-end tests (test/e2e/story-list.ts):
 * the story list exactly as the popup reads it.
 */
import { openStoryReader } from '../../utils/db/reader';
import type { StoryPage, StoryQuery } from '../../utils/stories';

const reader = openStoryReader();

export function listStories(query: StoryQuery): Promise<StoryPage> {
  return reader.listStories(query);
}
