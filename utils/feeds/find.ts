/**
 * What the person typed in "Feed or site address", to a feed to watch: the address itself when
 * it is a feed; else the page's advertised feeds (several: the person picks; one: that one);
 * else the first of the usual feed paths that answers with a feed. The feed found comes with
 * its first check, so watching it costs no second request.
 */
import { type CheckOptions, type CheckResult, checkFeed } from './check';
import { type FeedCandidate, findFeedLinks, usualFeedUrls } from './discover';
import { FeedError } from './errors';
import { httpUrl } from './feed';
import { newFeedState } from './state';

export type FoundFeeds =
  | { kind: 'feed'; url: string; check: CheckResult }
  | { kind: 'choices'; choices: FeedCandidate[]; pageUrl: string };

/** An address as typed ("example.com/news" included) to an http(s) URL, or null. */
export function addressToUrl(address: string): string | null {
  const text = address.trim();
  if (text === '') return null;
  if (/^[a-z][a-z0-9+.-]*:/iu.test(text) && !/^[^:/]+:\d+(\/|$)/u.test(text)) return httpUrl(text);
  return httpUrl(`https://${text}`);
}

async function firstFeed(urls: readonly string[], options: CheckOptions): Promise<FoundFeeds | null> {
  for (const url of urls) {
    const check = await checkFeed(newFeedState(url, options.now), options);
    if (check.feed) return { kind: 'feed', url, check };
  }
  return null;
}

export async function findFeeds(address: string, options: CheckOptions): Promise<FoundFeeds> {
  const url = addressToUrl(address);
  if (!url) throw new FeedError('address', 'Give a web address starting with http:// or https:// (or a site name).');
  const first = await checkFeed(newFeedState(url, options.now), options);
  if (first.feed) return { kind: 'feed', url, check: first };
  if (!first.page) throw new FeedError('not-a-feed', first.state.problem ?? 'No feed was found at this address.');
  const linked = findFeedLinks(first.page.html, first.page.url);
  if (linked.length > 1) return { kind: 'choices', choices: linked, pageUrl: first.page.url };
  const found = await firstFeed(
    linked.length === 1 ? linked.map((f) => f.url) : usualFeedUrls(first.page.url),
    options,
  );
  if (found) return found;
  throw new FeedError(
    'not-a-feed',
    linked.length === 1
      ? 'The page names a feed, but it could not be read.'
      : 'This page names no feed, and there is none at the usual addresses (/feed, /rss.xml, /atom.xml…).',
  );
}
