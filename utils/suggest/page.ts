/**
 * Reads what the suggestions need from the page in the tab: headline, publisher, address and
 * the article's text as paragraphs (one a line, so a paragraph's last word never runs into the
 * next one's first, as it would in `textContent`). Menus, asides and footers are left out.
 */
import { extractStory } from '../article/extract';
import { type SuggestInput, suggestCompanies } from './suggest';
import type { CompanySuggestion } from './suggestion';

const BLOCKS = 'p, h2, h3, h4, li, blockquote, figcaption, dd';
const OUTSIDE_THE_STORY = 'nav, aside, footer, header, form, [aria-hidden="true"], script, style, noscript, template';
/** An article longer than this is read only this far: the suggestions come from the top anyway. */
export const MAX_TEXT_LENGTH = 100_000;

function paragraphs(root: Element): string {
  const lines: string[] = [];
  let length = 0;
  for (const block of root.querySelectorAll(BLOCKS)) {
    if (block.parentElement?.closest(BLOCKS) || block.closest(OUTSIDE_THE_STORY)) continue;
    const line = (block.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (line.length === 0) continue;
    lines.push(line);
    length += line.length + 1;
    if (length > MAX_TEXT_LENGTH) break;
  }
  return lines.join('\n');
}

export function readPageForSuggestions(document: Document, url: string): SuggestInput {
  const story = extractStory(document, url);
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  const text = root ? paragraphs(root) || (root.textContent ?? '').replace(/\s+/gu, ' ').trim() : '';
  return { title: story.title, publisher: story.publisher, url, text: text.slice(0, MAX_TEXT_LENGTH) };
}

/** Runs in the tab: the page's ranked suggestions, tracked or not (the popup knows what is tracked). */
export function suggestionsForPage(document: Document, url: string): CompanySuggestion[] {
  return suggestCompanies(readPageForSuggestions(document, url)).suggestions;
}
