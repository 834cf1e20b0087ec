/**
 * Reads what the suggestions need from the page in the tab: headline, publisher, address and
 * the article's text as paragraphs (one a line, so a paragraph's last word never runs into the
 * next one's first, as it would in `textContent`). Menus, asides, footers and blocks made mostly
 * of links are left out.
 */
import { extractStory } from '../article/extract';
import { loadModel } from './names';
import { type SuggestInput, suggestCompanies } from './suggest';
import type { CompanySuggestion } from './suggestion';

const BLOCKS = 'p, li, blockquote, figcaption, dd';
const OUTSIDE_THE_STORY = 'nav, aside, footer, header, form, [aria-hidden="true"], script, style, noscript, template';
/** A block mostly made of links is navigation ("Home", "Business", "Most read"), not the story. */
const MAX_LINK_SHARE = 0.5;
/** Shorter blocks count only when they end like a sentence (menu items and labels do not). */
const SHORT_BLOCK = 40;
/** An article longer than this is read only this far: the suggestions come from the top anyway. */
export const MAX_TEXT_LENGTH = 100_000;

function linkShare(block: Element, length: number): number {
  let links = 0;
  for (const a of block.querySelectorAll('a')) links += (a.textContent ?? '').length;
  return length === 0 ? 1 : links / length;
}

/** The story's paragraphs, one a line, wherever the page keeps them (many sites have no <article>). */
function paragraphs(document: Document): string {
  const lines: string[] = [];
  let length = 0;
  for (const block of document.querySelectorAll(BLOCKS)) {
    if (block.parentElement?.closest(BLOCKS) || block.closest(OUTSIDE_THE_STORY)) continue;
    const line = (block.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (line.length < SHORT_BLOCK && !/[.!?:"”]$/u.test(line)) continue;
    if (linkShare(block, line.length) > MAX_LINK_SHARE) continue;
    lines.push(line);
    length += line.length + 1;
    if (length > MAX_TEXT_LENGTH) break;
  }
  return lines.join('\n');
}

export function readPageForSuggestions(document: Document, url: string): SuggestInput {
  const story = extractStory(document, url);
  const text = paragraphs(document) || (document.body?.textContent ?? '').replace(/\s+/gu, ' ').trim();
  return { title: story.title, publisher: story.publisher, url, text: text.slice(0, MAX_TEXT_LENGTH) };
}

/** Runs in the tab: the page's ranked suggestions, tracked or not (the popup knows what is tracked). */
export async function suggestionsForPage(document: Document, url: string): Promise<CompanySuggestion[]> {
  const input = readPageForSuggestions(document, url);
  return suggestCompanies(input, await loadModel()).suggestions;
}
