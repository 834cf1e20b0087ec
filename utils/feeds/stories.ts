/**
 * A feed's items as candidate stories: what the matcher, the classifier and the story store
 * need, made safe. Links are canonical (tracking parameters and fragment dropped, the same
 * normaliser pages use, so an item and the page it links to are one story); items without an
 * http(s) link are refused (a `javascript:` or `data:` link is no story to open). Duplicates go
 * by guid, then by canonical link (feeds repeat items and some change guids every time). Dates
 * after the fetch are taken as the fetch time; of a huge feed only the newest 500 are kept;
 * titles are cut at a word to a length a list can show.
 */
import { normaliseUrl } from '../article/canonical';
import type { FeedItem, ParsedFeed } from './feed';

export const MAX_ITEMS_PER_FEED = 500;
export const MAX_TITLE_CHARS = 300;
export const MAX_LEAD_CHARS = 600;
/** What the matcher reads of one item; the classifier reads less (its own limit). */
export const MAX_TEXT_CHARS = 20_000;

export interface FeedStory {
  /** Canonical address: the story's key, shared with the page when the user opens it. */
  url: string;
  guid: string | null;
  title: string;
  /** The summary, or the start of the content: what a list shows and copies are compared on. */
  lead: string;
  /** Title, summary and content, for matching companies. */
  text: string;
  /** ISO 8601, never after the fetch; null when the item has no date. */
  publishedTime: string | null;
  author: string | null;
  /** The feed's title, standing for the publisher. */
  publisher: string | null;
}

export interface FeedStories {
  stories: FeedStory[];
  /** Items refused or dropped, by reason, for the feed's status line. */
  dropped: { noLink: number; duplicate: number; overLimit: number };
}

/** Cuts `text` to at most `max` characters, at a word boundary when one is near, with "…". */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max - 1);
  const space = slice.lastIndexOf(' ');
  return `${(space > max * 0.6 ? slice.slice(0, space) : slice).trimEnd()}…`;
}

function toStory(item: FeedItem, url: string, publisher: string | null, fetchedAt: number): FeedStory {
  const title = cutText(item.title || item.summary.split('\n')[0] || url, MAX_TITLE_CHARS);
  const lead = cutText((item.summary || item.content).replace(/\n/gu, ' '), MAX_LEAD_CHARS);
  const published = item.published === null ? null : Math.min(item.published, fetchedAt);
  return {
    url,
    guid: item.guid,
    title,
    lead,
    text: [title, item.summary, item.content].filter(Boolean).join('\n').slice(0, MAX_TEXT_CHARS),
    publishedTime: published === null ? null : new Date(published).toISOString(),
    author: item.author ? cutText(item.author, 200) : null,
    publisher,
  };
}

/** Newest first; undated items after dated ones, in the feed's own order (which is usually newest first). */
function newestFirst(items: FeedItem[]): FeedItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (b.item.published ?? -Infinity) - (a.item.published ?? -Infinity) || a.index - b.index)
    .map(({ item }) => item);
}

function canonical(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = normaliseUrl(link, link);
    return /^https?:/u.test(url) ? url : null;
  } catch {
    return null;
  }
}

export function storiesFromFeed(feed: ParsedFeed, fetchedAt: number): FeedStories {
  const dropped = { noLink: 0, duplicate: 0, overLimit: 0 };
  const seenGuids = new Set<string>();
  const seenUrls = new Set<string>();
  const stories: FeedStory[] = [];
  const publisher = feed.title ? cutText(feed.title, 200) : null;
  for (const item of newestFirst(feed.items)) {
    const url = canonical(item.link);
    if (!url) {
      dropped.noLink += 1;
      continue;
    }
    if ((item.guid && seenGuids.has(item.guid)) || seenUrls.has(url)) {
      dropped.duplicate += 1;
      continue;
    }
    if (item.guid) seenGuids.add(item.guid);
    seenUrls.add(url);
    if (stories.length >= MAX_ITEMS_PER_FEED) dropped.overLimit += 1;
    else stories.push(toStory(item, url, publisher, fetchedAt));
  }
  return { stories, dropped };
}
