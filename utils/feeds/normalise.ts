/**
 * feedsmith's result, one shape per format, to the one small `ParsedFeed` News Tracker keeps.
 * Links are resolved against `xml:base` (the item's over the feed's) and then the feed's own
 * address, and kept only when they are http(s). Text marked as HTML becomes plain text here.
 */
import type { AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import { parseFeedDate } from './dates';
import { type FeedItem, httpUrl, type ParsedFeed, withBase } from './feed';
import { htmlToText, tidyText } from './html-text';

type Rss = RssFeed.Feed<string>;
type Atom = AtomFeed.Feed<string>;
type Rdf = RdfFeed.Feed<string>;
type Json = JsonFeed.Feed<string>;

function html(value: string | undefined): string {
  return value ? htmlToText(value) : '';
}

/** Atom text constructs: `type="text"` is already text; html and xhtml are markup. */
function atomText(text: { value?: string; type?: string } | undefined): string {
  if (!text?.value) return '';
  return !text.type || text.type === 'text' || text.type === 'text/plain'
    ? tidyText(text.value)
    : htmlToText(text.value);
}

function firstDate(...values: Array<string | undefined>): number | null {
  for (const value of values) {
    const time = parseFeedDate(value);
    if (time !== null) return time;
  }
  return null;
}

function guidLink(guid: RssFeed.Guid | undefined, base: string | null): string | null {
  return guid && guid.isPermaLink !== false ? httpUrl(guid.value, base) : null;
}

function rssItem(item: RssFeed.Item<string>, feedBase: string | null): FeedItem {
  const base = withBase(feedBase, item.xml?.base);
  return {
    guid: item.guid?.value?.trim() || null,
    title: html(item.title ?? item.dc?.titles?.[0]),
    link: httpUrl(item.link, base) ?? guidLink(item.guid, base),
    published: firstDate(item.pubDate, item.dc?.dates?.[0], item.atom?.published, item.atom?.updated),
    summary: html(item.description),
    content: html(item.content?.encoded),
    author: item.authors?.[0]?.name?.trim() || item.dc?.creators?.[0]?.trim() || null,
  };
}

function fromRss(feed: Rss, url: string): ParsedFeed {
  const base = withBase(url, feed.xml?.base);
  return {
    format: 'rss',
    title: html(feed.title),
    siteUrl: httpUrl(feed.link, base),
    ttlMinutes: typeof feed.ttl === 'number' && feed.ttl > 0 ? feed.ttl : null,
    items: (feed.items ?? []).map((item) => rssItem(item, base)),
  };
}

/** The entry's or feed's page: rel="alternate" (the default), else the first link. */
function atomLink(links: AtomFeed.Link<string>[] | undefined, base: string | null): string | null {
  const alternate = links?.find((l) => !l.rel || l.rel === 'alternate') ?? links?.find((l) => l.rel !== 'self');
  return httpUrl(alternate?.href, base);
}

function atomEntry(entry: AtomFeed.Entry<string>, feedBase: string | null): FeedItem {
  const base = withBase(feedBase, entry.xml?.base);
  return {
    guid: entry.id?.trim() || null,
    title: atomText(entry.title),
    link: atomLink(entry.links, base) ?? httpUrl(entry.id),
    published: firstDate(entry.published, entry.updated, entry.dc?.dates?.[0]),
    summary: atomText(entry.summary),
    content: atomText(entry.content),
    author: entry.authors?.[0]?.name?.trim() || entry.dc?.creators?.[0]?.trim() || null,
  };
}

function fromAtom(feed: Atom, url: string): ParsedFeed {
  const base = withBase(url, feed.xml?.base);
  return {
    format: 'atom',
    title: atomText(feed.title),
    siteUrl: atomLink(feed.links, base),
    ttlMinutes: null,
    items: (feed.entries ?? []).map((entry) => atomEntry(entry, base)),
  };
}

function fromRdf(feed: Rdf, url: string): ParsedFeed {
  const base = withBase(url, feed.xml?.base);
  return {
    format: 'rdf',
    title: html(feed.title),
    siteUrl: httpUrl(feed.link, base),
    ttlMinutes: null,
    items: (feed.items ?? []).map((item) => {
      const itemBase = withBase(base, item.xml?.base);
      return {
        guid: item.rdf?.about?.trim() || item.link?.trim() || null,
        title: html(item.title ?? item.dc?.titles?.[0]),
        link: httpUrl(item.link, itemBase) ?? httpUrl(item.rdf?.about, itemBase),
        published: firstDate(item.dc?.dates?.[0], item.dcterms?.modified?.[0]),
        summary: html(item.description),
        content: html(item.content?.encoded),
        author: item.dc?.creators?.[0]?.trim() || null,
      };
    }),
  };
}

function fromJson(feed: Json, url: string): ParsedFeed {
  return {
    format: 'json',
    title: html(feed.title),
    siteUrl: httpUrl(feed.home_page_url, url),
    ttlMinutes: null,
    items: (feed.items ?? []).map((item) => ({
      guid: item.id === undefined || item.id === null ? null : String(item.id).trim() || null,
      title: html(item.title),
      link: httpUrl(item.url, url) ?? httpUrl(item.external_url, url),
      published: firstDate(item.date_published, item.date_modified),
      // JSON Feed's summary and content_text are plain text by definition.
      summary: tidyText(item.summary ?? ''),
      content: item.content_html ? htmlToText(item.content_html) : tidyText(item.content_text ?? ''),
      author: item.authors?.[0]?.name?.trim() || null,
    })),
  };
}

export type FeedsmithResult =
  | { format: 'rss'; feed: Rss }
  | { format: 'atom'; feed: Atom }
  | { format: 'rdf'; feed: Rdf }
  | { format: 'json'; feed: Json };

export function normaliseFeed(result: FeedsmithResult, url: string): ParsedFeed {
  switch (result.format) {
    case 'rss':
      return fromRss(result.feed, url);
    case 'atom':
      return fromAtom(result.feed, url);
    case 'rdf':
      return fromRdf(result.feed, url);
    case 'json':
      return fromJson(result.feed, url);
  }
}
