/**
 * A feed's bytes to a `ParsedFeed`: refuse what is plainly not a feed (sniff.ts), decode the
 * bytes (decode.ts), parse with feedsmith (no DOM, so it runs in a service worker), normalise
 * (normalise.ts). feedsmith reads entities itself, once, from the fixed HTML table; it never
 * expands entities a document declares, and sniff.ts refuses documents that declare any.
 * Every failure is a `FeedError` with a message meant for the person watching the feed.
 */
import { MalformedError, parseFeed } from 'feedsmith';
import { decodeFeedBytes } from './decode';
import { FeedError } from './errors';
import type { ParsedFeed } from './feed';
import { type FeedsmithResult, normaliseFeed } from './normalise';
import { checkFeedText, refuseNonText } from './sniff';

export function parseFeedText(text: string, url: string): ParsedFeed {
  const source = text.replace(/^\ufeff/u, '').trimStart();
  const kind = checkFeedText(source);
  let result: FeedsmithResult;
  try {
    result = parseFeed(source) as FeedsmithResult;
  } catch (error) {
    // A feed with nothing in it (`<rss></rss>`) has no items; one with items we cannot read is broken.
    const broken = error instanceof MalformedError;
    if (!broken && kind !== 'json' && !/<([\w-]+:)?(item|entry)\b/iu.test(source)) {
      return { format: kind, title: '', siteUrl: null, ttlMinutes: null, items: [] };
    }
    const cause = broken ? error.cause : null;
    const detail = cause instanceof Error ? `: ${cause.message.split('\n')[0]?.replace(/\.+$/u, '')}` : '';
    throw new FeedError('malformed', `The feed is broken XML and cannot be read${detail}.`);
  }
  return normaliseFeed(result, url);
}

export function parseFeedBytes(bytes: Uint8Array, url: string, contentType?: string | null): ParsedFeed {
  refuseNonText(bytes, contentType);
  return parseFeedText(decodeFeedBytes(bytes, contentType), url);
}
