/**
 * Reads what the suggestions need from the page in the tab: headline, publisher, address and the
 * article's main text, with the content script's own extraction (utils/article/: paragraphs
 * apart, without navigation, related stories, comments and footers). Only the parts needed are
 * imported, so the injected script stays small. On an article the content script has read
 * already, its story is used instead (utils/content/kept-story.ts): reading a large page again
 * was the slowest part of a first run.
 */
import { findHeadline, siteNameInTitle } from '../article/headline';
import { findArticleNode, readJsonLd } from '../article/jsonld';
import { extractMainText } from '../article/main-text';
import { readMeta } from '../article/meta';
import { indexPage } from '../article/page-index';
import { findSiteName, siteNameVariants } from '../article/site-name';
import { hostnameOf } from '../article/text';
import { judgedNotAnArticle, keptStory } from '../content/kept-story';
import { loadModel } from './names';
import { type SuggestInput, suggestCompanies } from './suggest';
import type { CompanySuggestion } from './suggestion';

/** An article longer than this is read only this far: the suggestions come from the top anyway. */
export const MAX_TEXT_LENGTH = 100_000;

/** Headline, publisher and main text as extractStory finds them, without the fields suggestions do not use (dates, byline). */
export function readPageForSuggestions(document: Document, url: string): SuggestInput {
  const meta = readMeta(document);
  const nodes = readJsonLd(document);
  const isSite = siteNameVariants(meta, nodes, [hostnameOf(url)]);
  const publisher =
    findSiteName(meta, nodes) ?? siteNameInTitle(meta.first('og:title') ?? document.title ?? '', isSite);
  const title = findHeadline(document, indexPage(document), meta, findArticleNode(nodes), isSite);
  return { title, publisher, url, text: extractMainText(document).slice(0, MAX_TEXT_LENGTH) };
}

/** What to suggest from: the story the content script has read at this address, else the page read now. */
export function suggestionInput(document: Document, url: string): SuggestInput {
  const kept = keptStory(url);
  if (!kept) return readPageForSuggestions(document, url);
  return { title: kept.title, publisher: kept.publisher, url, text: kept.text.slice(0, MAX_TEXT_LENGTH) };
}

/** Runs in the tab: the page's ranked suggestions, tracked or not (the popup knows what is tracked). */
export async function suggestionsForPage(document: Document, url: string): Promise<CompanySuggestion[]> {
  // The popup shows no suggestions there, and asks before it knows: nothing to read or load.
  if (judgedNotAnArticle(url)) return [];
  // Asked for first: its inflating is asynchronous, the reading below is not.
  const model = loadModel();
  return suggestCompanies(suggestionInput(document, url), await model).suggestions;
}
