/**
 * OPML lists of feeds, in and out. Import reads the file with the tag scanner (no recursion, so
 * no nesting depth can exhaust the stack; feedsmith's parser refuses past 100 levels and would
 * lose the whole file), flattens folders, keeps at most 5,000 feeds and 100 levels, and says
 * what it skipped. Export writes an OPML 2.0 document with feedsmith.
 */
import { generateOpml } from 'feedsmith';
import { FeedError } from './errors';
import { httpUrl } from './feed';
import { scanHtml } from './tags';

export const MAX_OPML_FEEDS = 5_000;
export const MAX_OPML_DEPTH = 100;

export interface ListedFeed {
  url: string;
  title: string | null;
  siteUrl: string | null;
}

export interface OpmlImport {
  feeds: ListedFeed[];
  /** What was left out and why, one sentence each; empty when everything was taken. */
  skipped: string[];
}

interface Tally {
  deep: number;
  overLimit: number;
  badAddress: number;
  duplicate: number;
}

function outlineFeed(attrs: Record<string, string>): ListedFeed | null {
  const url = httpUrl(attrs.xmlurl);
  if (!url) return null;
  const title = (attrs.title ?? attrs.text)?.trim();
  // A list that names a feed by its address (as export does for an untitled feed) gives no title.
  return { url, title: title && title !== attrs.xmlurl ? title : null, siteUrl: httpUrl(attrs.htmlurl) };
}

function take(attrs: Record<string, string>, depth: number, feeds: ListedFeed[], seen: Set<string>, tally: Tally) {
  if (attrs.xmlurl === undefined) return;
  const feed = outlineFeed(attrs);
  if (depth > MAX_OPML_DEPTH) tally.deep += 1;
  else if (!feed) tally.badAddress += 1;
  else if (seen.has(feed.url)) tally.duplicate += 1;
  else if (feeds.length >= MAX_OPML_FEEDS) tally.overLimit += 1;
  else {
    seen.add(feed.url);
    feeds.push(feed);
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function explain(tally: Tally): string[] {
  const lines: string[] = [];
  if (tally.overLimit) {
    lines.push(
      `${plural(tally.overLimit, 'feed', 'feeds')} past the first 5,000 ${tally.overLimit === 1 ? 'was' : 'were'} left out.`,
    );
  }
  if (tally.deep) {
    lines.push(
      `${plural(tally.deep, 'feed', 'feeds')} nested deeper than 100 levels ${tally.deep === 1 ? 'was' : 'were'} left out.`,
    );
  }
  if (tally.badAddress) {
    lines.push(`${plural(tally.badAddress, 'feed has', 'feeds have')} an address that is not http or https.`);
  }
  if (tally.duplicate) lines.push(`${plural(tally.duplicate, 'feed was', 'feeds were')} listed twice.`);
  return lines;
}

export function importOpml(text: string): OpmlImport {
  const feeds: ListedFeed[] = [];
  const seen = new Set<string>();
  const tally: Tally = { deep: 0, overLimit: 0, badAddress: 0, duplicate: 0 };
  let root: string | null = null;
  let depth = 0;
  for (const token of scanHtml(text)) {
    if (token.type === 'text') continue;
    root ??= token.name;
    if (root !== 'opml') break;
    if (token.name !== 'outline') continue;
    if (token.type === 'end') depth = Math.max(0, depth - 1);
    else {
      take(token.attrs, depth + 1, feeds, seen, tally);
      if (!token.selfClosing) depth += 1;
    }
  }
  if (root !== 'opml') {
    const what = root === 'rss' || root === 'feed' ? 'a feed: watch its address instead' : 'not an OPML list of feeds';
    throw new FeedError('not-a-feed', `This file is ${what}.`);
  }
  return { feeds, skipped: explain(tally) };
}

export function exportOpml(feeds: readonly ListedFeed[], now: Date): string {
  return generateOpml({
    head: { title: 'News Tracker feeds', dateCreated: now },
    body: {
      outlines: feeds.map((feed) => ({
        text: feed.title ?? feed.url,
        title: feed.title ?? undefined,
        type: 'rss',
        xmlUrl: feed.url,
        htmlUrl: feed.siteUrl ?? undefined,
      })),
    },
  });
}
