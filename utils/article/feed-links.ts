/**
 * The feeds a page advertises in its head (`<link rel="alternate" type="application/rss+xml">`
 * and the Atom and JSON Feed types), read from the live document by the content script and
 * reported with the page status, so the popup can offer "Watch this site's news" without
 * fetching anything. The site picker in the options page reads the same tags from fetched HTML
 * (utils/feeds/discover.ts).
 */
import { FEED_TYPES } from '../feeds/discover';
import type { AdvertisedFeed } from '../stories';

/** A few are plenty: a page lists its main feed first. */
const MAX_FEEDS = 5;

export function advertisedFeeds(doc: Document, pageUrl: string): AdvertisedFeed[] {
  const found: AdvertisedFeed[] = [];
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel][type][href]')) {
    const rel = link.getAttribute('rel')?.toLowerCase().split(/\s+/u) ?? [];
    const type = (link.getAttribute('type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES[type]) continue;
    let url: string;
    try {
      url = new URL(link.getAttribute('href') ?? '', doc.baseURI || pageUrl).href;
    } catch {
      continue;
    }
    if (!/^https?:/u.test(url) || found.some((f) => f.url === url)) continue;
    found.push({ url, title: link.getAttribute('title')?.trim().slice(0, 200) || null });
    if (found.length === MAX_FEEDS) break;
  }
  return found;
}
