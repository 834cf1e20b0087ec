/** One feed as News Tracker reads it, whatever its format: small, plain and text-only. */

export interface FeedItem {
  /** The item's own id (RSS guid, Atom id, JSON Feed id), or null. */
  guid: string | null;
  title: string;
  /** Absolute http(s) address of the story, or null when the item has none we may open. */
  link: string | null;
  /** Milliseconds since 1970, or null when the item carries no readable date. */
  published: number | null;
  /** Plain text: never markup. */
  summary: string;
  content: string;
  author: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string;
  /** The publisher's site, absolute http(s), or null. */
  siteUrl: string | null;
  /** The feed's `<ttl>` in minutes, or null. */
  ttlMinutes: number | null;
  items: FeedItem[];
}

/**
 * `raw` resolved against `base`, if it is an http: or https: address; otherwise null. The old
 * `feed:` prefix (feed://host/rss, feed:https://host/rss) some lists still use is read as http.
 */
export function httpUrl(raw: string | null | undefined, base?: string | null): string | null {
  const text = raw?.trim().replace(/^feed:(\/\/)?/iu, (_, slashes) => (slashes ? 'http://' : ''));
  if (!text) return null;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The base for an element: its own `xml:base` resolved against its parent's base. */
export function withBase(base: string | null, xmlBase: string | undefined): string | null {
  if (!xmlBase) return base;
  try {
    return base ? new URL(xmlBase, base).href : new URL(xmlBase).href;
  } catch {
    return base;
  }
}
