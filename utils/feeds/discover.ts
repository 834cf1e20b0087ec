/**
 * Finding a site's feeds from its page, without a DOM: the `<link rel="alternate">` tags that
 * name an RSS, Atom or JSON Feed (resolved against `<base href>` or the page), then the paths
 * sites commonly use, for the caller to try in turn when the page names none.
 */
import { httpUrl } from './feed';
import { scanHtml } from './tags';

export type FeedType = 'rss' | 'atom' | 'json';

export interface FeedCandidate {
  url: string;
  /** The link's title ("BBC News - Business"), or null. */
  title: string | null;
  /** What the page says the feed is; null for a usual path, which must be fetched to know. */
  type: FeedType | null;
}

export const FEED_TYPES: Record<string, FeedType> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
};

/** Where sites put feeds when their pages do not say (WordPress, Ghost, Hugo, Jekyll, Blogger...). */
export const USUAL_FEED_PATHS = [
  '/feed',
  '/rss',
  '/rss.xml',
  '/atom.xml',
  '/feed.xml',
  '/index.xml',
  '/feed.json',
  '/index.rss',
  '/rss/',
  '/feeds/posts/default',
  '/?feed=rss2',
];

/** Head links live near the top; a huge page is not read to its end. */
const MAX_SCAN_CHARS = 1_000_000;

/** The feeds a page advertises with `<link rel="alternate" type="...">`, in page order. */
export function findFeedLinks(html: string, pageUrl: string): FeedCandidate[] {
  let base = pageUrl;
  const found: FeedCandidate[] = [];
  for (const token of scanHtml(html.slice(0, MAX_SCAN_CHARS))) {
    if (token.type !== 'start') continue;
    if (token.name === 'base' && token.attrs.href) base = httpUrl(token.attrs.href, pageUrl) ?? base;
    if (token.name === 'body') break;
    if (token.name !== 'link') continue;
    const rel = (token.attrs.rel ?? '').toLowerCase().split(/\s+/u);
    const type = FEED_TYPES[(token.attrs.type ?? '').split(';')[0]?.trim().toLowerCase() ?? ''];
    const url = httpUrl(token.attrs.href, base);
    if (!rel.includes('alternate') || !type || !url || found.some((f) => f.url === url)) continue;
    found.push({ url, title: token.attrs.title?.trim() || null, type });
  }
  return found;
}

/** The usual feed paths on the page's site. */
export function usualFeedUrls(pageUrl: string): string[] {
  return USUAL_FEED_PATHS.map((path) => httpUrl(path, pageUrl)).filter((u): u is string => u !== null);
}

/** Everything to try for a site: its advertised feeds first, then the usual paths. */
export function feedCandidates(html: string, pageUrl: string): FeedCandidate[] {
  const linked = findFeedLinks(html, pageUrl);
  const usual = usualFeedUrls(pageUrl)
    .filter((url) => !linked.some((f) => f.url === url))
    .map((url) => ({ url, title: null, type: null }));
  return [...linked, ...usual];
}
