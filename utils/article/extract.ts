/**
 * Reads the story a reader would name from an article page: headline, canonical URL and the
 * text companies are matched in.
 */

export interface ExtractedStory {
  title: string;
  canonicalUrl: string;
  publisher: string | null;
  byline: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  section: string | null;
  description: string | null;
  /** The main text, in reading order. */
  text: string;
}

function meta(document: Document, selector: string): string | null {
  const value = document.querySelector(selector)?.getAttribute('content')?.trim();
  return value ? value : null;
}

const TRACKING_PARAM = /^(utm_.*|fbclid|gclid|mc_cid|mc_eid)$/u;

/** Resolves a URL against the page and drops tracking parameters and the fragment. */
export function normaliseUrl(raw: string, base: string): string {
  const url = new URL(raw, base);
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  url.hash = '';
  return url.href;
}

export function extractStory(document: Document, url: string): ExtractedStory {
  const rawCanonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'meta[property="og:url"]');
  let canonicalUrl: string;
  try {
    canonicalUrl = normaliseUrl(rawCanonical ?? url, url);
  } catch {
    canonicalUrl = normaliseUrl(url, url);
  }
  const title =
    meta(document, 'meta[property="og:title"]') ??
    document.querySelector('h1')?.textContent?.trim() ??
    document.title.trim();
  const body = document.querySelector('article') ?? document.body;
  return {
    title,
    canonicalUrl,
    publisher: meta(document, 'meta[property="og:site_name"]'),
    byline: meta(document, 'meta[name="author"]'),
    publishedTime: meta(document, 'meta[property="article:published_time"]'),
    modifiedTime: meta(document, 'meta[property="article:modified_time"]'),
    lang: document.documentElement.lang || null,
    section: meta(document, 'meta[property="article:section"]'),
    description: meta(document, 'meta[name="description"]'),
    text: body?.textContent ?? '',
  };
}
