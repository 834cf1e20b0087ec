/**
 * Reads what the suggestions need from the page in the tab: headline, publisher, address and the
 * article's main text, with the content script's own extraction (utils/article/: paragraphs
 * apart, without navigation, related stories, comments and footers). On an article the content
 * script has read already, its story is used instead (utils/content/kept-story.ts). The content
 * script offers this reader to the popup in its world, so asking costs the tab no new script;
 * entrypoints/suggest-read.ts carries the same code for a tab without the content script.
 */
import { findHeadline, siteNameInTitle } from '../article/headline';
import { findArticleNode, readJsonLd } from '../article/jsonld';
import { extractMainText } from '../article/main-text';
import { readMeta } from '../article/meta';
import { indexPage } from '../article/page-index';
import { findSiteName, siteNameVariants } from '../article/site-name';
import { hostnameOf } from '../article/text';
import { judgedNotAnArticle, keptStory } from '../content/kept-story';
import type { SuggestInput } from './suggest';
import { MAX_TEXT_LENGTH } from './tab-reading';

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

/**
 * Runs in the tab when the popup asks: what to suggest from, or null where the content script
 * found the page is not an article (the popup shows no suggestions there, and asks before it
 * knows, so nothing is read). The popup finds the companies in it (suggester.ts).
 */
export function pageForSuggestions(document: Document, url: string): SuggestInput | null {
  return judgedNotAnArticle(url) ? null : suggestionInput(document, url);
}
