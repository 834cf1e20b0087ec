/**
 * Reads what the suggestions need from the page in the tab: headline, publisher, address and the
 * article's main text, as the content script's own extraction reads them (utils/article/extract.ts:
 * paragraphs apart, without navigation, related stories, comments and footers).
 */
import { extractStory } from '../article/extract';
import { loadModel } from './names';
import { type SuggestInput, suggestCompanies } from './suggest';
import type { CompanySuggestion } from './suggestion';

/** An article longer than this is read only this far: the suggestions come from the top anyway. */
export const MAX_TEXT_LENGTH = 100_000;

export function readPageForSuggestions(document: Document, url: string): SuggestInput {
  const story = extractStory(document, url);
  return { title: story.title, publisher: story.publisher, url, text: story.text.slice(0, MAX_TEXT_LENGTH) };
}

/** Runs in the tab: the page's ranked suggestions, tracked or not (the popup knows what is tracked). */
export async function suggestionsForPage(document: Document, url: string): Promise<CompanySuggestion[]> {
  const input = readPageForSuggestions(document, url);
  return suggestCompanies(input, await loadModel()).suggestions;
}
