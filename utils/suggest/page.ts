/**
 * Reads what the suggestions need from the page in the tab: headline, publisher, address and the
 * article's main text, with the content script's own extraction (utils/article/: paragraphs
 * apart, without navigation, related stories, comments and footers), but without the fields
 * suggestions do not use (dates, byline). The content script reads with it where it has kept no
 * article (utils/content/kept-article.ts); entrypoints/suggest-read.ts carries it for a tab
 * without the content script.
 */
import { findHeadline, siteNameInTitle } from '../article/headline';
import { findArticleNode, readJsonLd } from '../article/jsonld';
import { extractMainText } from '../article/main-text';
import { readMeta } from '../article/meta';
import { indexPage } from '../article/page-index';
import { findSiteName, siteNameVariants } from '../article/site-name';
import { hostnameOf } from '../article/text';
import type { SuggestInput } from './suggest';

/** An article longer than this is read only this far: the suggestions come from the top anyway. */
export const MAX_TEXT_LENGTH = 100_000;

export function readPageForSuggestions(document: Document, url: string): SuggestInput {
  const meta = readMeta(document);
  const nodes = readJsonLd(document);
  const isSite = siteNameVariants(meta, nodes, [hostnameOf(url)]);
  const publisher =
    findSiteName(meta, nodes) ?? siteNameInTitle(meta.first('og:title') ?? document.title ?? '', isSite);
  const title = findHeadline(document, indexPage(document), meta, findArticleNode(nodes), isSite);
  return { title, publisher, url, text: extractMainText(document).slice(0, MAX_TEXT_LENGTH) };
}
