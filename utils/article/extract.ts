/**
 * Reads the story a reader would name from an article page. Each field has its own module,
 * most deliberate source first (JSON-LD, then meta tags, then microdata and visible markup):
 *
 *   jsonld + meta ─┬─ site-name ── headline (site name stripped)
 *                  ├─ byline, dates, canonical, page-facts (lang, section, description, keywords)
 *   prose ─────────┴─ main-text (the text companies are matched in)
 */
import type { Slicer } from '../highlight/slicer';
import { findByline } from './byline';
import { findCanonicalUrl } from './canonical';
import { findDates } from './dates';
import { findHeadline, siteNameInTitle } from './headline';
import { findArticleNode, readJsonLd } from './jsonld';
import { extractMainText, mainTextSteps } from './main-text';
import { readMeta } from './meta';
import { findDescription, findKeywords, findLang, findSection } from './page-facts';
import { indexPage } from './page-index';
import { findSiteName, siteNameVariants } from './site-name';
import { hostnameOf } from './text';

export { normaliseUrl } from './canonical';

export interface ExtractedStory {
  title: string;
  canonicalUrl: string;
  /** The site's name ("Reuters", "The Guardian"). */
  publisher: string | null;
  /** Author names only, comma-separated. */
  byline: string | null;
  /** ISO 8601 (UTC). */
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  section: string | null;
  description: string | null;
  keywords: string[];
  /** The main text, in reading order, paragraphs separated by blank lines. */
  text: string;
}

/** US sites write 04/05/2015 for April 5; most others for 4 May. */
function readsMonthFirst(lang: string | null, url: string): boolean {
  return lang === 'en-US' || (lang === 'en' && /\.(com|us|gov)$/u.test(hostnameOf(url)));
}

export function extractStory(document: Document, url: string): ExtractedStory {
  return storyWithText(document, url, extractMainText(document));
}

/**
 * The same story, its main text read in steps, giving the page a turn whenever `slicer` says
 * so: on a page of hundreds of thousands of elements the walk takes longer than one task should
 * block the page.
 */
export async function extractStorySliced(
  document: Document,
  url: string,
  slicer: Pick<Slicer, 'due' | 'pause'>,
): Promise<ExtractedStory> {
  const steps = mainTextSteps(document);
  for (let step = steps.next(); ; step = steps.next()) {
    if (slicer.due()) await slicer.pause();
    if (step.done) return storyWithText(document, url, step.value);
  }
}

/** Every field but the main text, which the byline and dates look at (its lead and tail). */
function storyWithText(document: Document, url: string, text: string): ExtractedStory {
  const meta = readMeta(document);
  const nodes = readJsonLd(document);
  const article = findArticleNode(nodes);
  const canonicalUrl = findCanonicalUrl(document, meta, url);
  const hosts = [hostnameOf(url), hostnameOf(canonicalUrl)];
  const declaredPublisher = findSiteName(meta, nodes, hosts);
  const isSite = siteNameVariants(meta, nodes, hosts);
  // No declared name: the title's "- Reuters" names the site when it matches the address.
  const publisher = declaredPublisher ?? siteNameInTitle(meta.first('og:title') ?? document.title ?? '', isSite);
  const lang = findLang(document, meta, article);
  const index = indexPage(document);
  const dates = findDates(
    index,
    meta,
    article,
    canonicalUrl,
    { dayFirst: !readsMonthFirst(lang, canonicalUrl) },
    text.slice(0, 80),
  );
  return {
    title: findHeadline(document, index, meta, article, isSite),
    canonicalUrl,
    publisher,
    byline: findByline(index, meta, article, nodes, publisher, {
      isSite,
      lead: text.slice(0, 300),
      tail: text.slice(-300),
    }),
    publishedTime: dates.publishedTime,
    modifiedTime: dates.modifiedTime,
    lang,
    section: findSection(meta, article, nodes),
    description: findDescription(meta, article),
    keywords: findKeywords(meta, article),
    text,
  };
}
