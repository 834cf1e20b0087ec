/**
 * What the options page's "News feeds" section and the popup's "Watch this site's news" ask
 * for: the feed messages to the background (utils/messaging.ts), and the browser's access to a
 * feed's site. Behind one interface so the components are tested against the in-memory twin
 * (test/support/memory-feed-client.ts).
 */
import { browser } from 'wxt/browser';
import type { ListedFeed } from './feeds/opml';
import type { CheckSummary, FeedOptions, WatchedFeed, WatchResult } from './feeds/watched';
import { sendMessage } from './messaging';

export interface FeedClient {
  list(): Promise<{ feeds: WatchedFeed[]; options: FeedOptions }>;
  /** A feed's or a site's address, as typed: watched, or the site's feeds to pick from. */
  watch(address: string): Promise<WatchResult>;
  add(feeds: ListedFeed[]): Promise<{ added: number; already: number }>;
  setPaused(id: string, paused: boolean): Promise<WatchedFeed>;
  remove(id: string): Promise<boolean>;
  checkNow(): Promise<CheckSummary>;
  saveOptions(options: FeedOptions): Promise<FeedOptions>;
  /**
   * Asks the browser for access to these addresses' sites, where the person must grant it
   * (Firefox); resolves true at once where it is held already (Chrome). Call it first thing in
   * a click handler: Firefox asks only during the click.
   */
  requestAccess(urls: readonly string[]): Promise<boolean>;
}

/** `https://feeds.example/rss` → `https://feeds.example/*`. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

export const backgroundFeedClient: FeedClient = {
  list: () => sendMessage('ui:listFeeds', {}),
  watch: (address) => sendMessage('ui:watchFeed', { address }),
  add: (feeds) => sendMessage('ui:addFeeds', { feeds }),
  setPaused: (id, paused) => sendMessage('ui:setFeedPaused', { id, paused }),
  remove: async (id) => (await sendMessage('ui:removeFeed', { id })).removed,
  checkNow: () => sendMessage('ui:checkFeeds', {}),
  saveOptions: (options) => sendMessage('ui:saveFeedOptions', options),
  requestAccess: (urls) => {
    const origins = [...new Set(urls.flatMap((url) => (/^https?:/u.test(url) ? [originPattern(url)] : [])))];
    return origins.length === 0 ? Promise.resolve(true) : browser.permissions.request({ origins });
  },
};
