/**
 * An in-memory FeedClient for the component tests: feeds a test describes up front (what
 * watching each address finds), with the store's rules for duplicates, pausing and removal.
 */
import type { FeedClient } from '../../utils/feed-client';
import type { ListedFeed } from '../../utils/feeds/opml';
import {
  DEFAULT_FEED_OPTIONS,
  type FeedOptions,
  newWatchedFeed,
  type WatchedFeed,
  type WatchResult,
} from '../../utils/feeds/watched';

export interface MemoryFeedClientOptions {
  /** What watching an address finds: a feed (title), a site's feeds to pick from, or an error. */
  found?: Record<string, { title: string } | { choices: ListedFeed[] } | Error>;
  /** The browser's answer when access to a site is asked for. */
  access?: boolean;
  now?: number;
}

export interface MemoryFeedClient extends FeedClient {
  feeds: WatchedFeed[];
  /** Every address access was asked for, in order. */
  accessAsked: string[];
}

export function memoryFeedClient(start: WatchedFeed[] = [], options: MemoryFeedClientOptions = {}): MemoryFeedClient {
  const now = options.now ?? Date.UTC(2026, 2, 2, 9);
  const feeds = [...start];
  let feedOptions: FeedOptions = DEFAULT_FEED_OPTIONS;
  const accessAsked: string[] = [];
  const find = (id: string) => {
    const feed = feeds.find((f) => f.id === id);
    if (!feed) throw new Error('That feed is no longer watched.');
    return feed;
  };
  const add = (listed: ListedFeed): WatchedFeed | null => {
    if (feeds.some((f) => f.url === listed.url)) return null;
    const feed = newWatchedFeed(`f${feeds.length + 1}`, listed, now);
    feeds.push(feed);
    return feed;
  };
  return {
    feeds,
    accessAsked,
    list: async () => ({ feeds: [...feeds], options: feedOptions }),
    async watch(address): Promise<WatchResult> {
      const found = options.found?.[address];
      if (found instanceof Error) throw found;
      if (!found) throw new Error('The server could not be reached.');
      if ('choices' in found)
        return { kind: 'choices', choices: found.choices.map(({ url, title }) => ({ url, title })) };
      const feed = add({ url: address, title: found.title, siteUrl: null });
      if (!feed) return { kind: 'already', url: address };
      Object.assign(feed, { status: 'working', lastCheckedAt: now, matched: 2 });
      return { kind: 'watching', feed, newStories: 2 };
    },
    async add(listed) {
      const added = listed.map(add).filter((f) => f !== null);
      return { added: added.length, already: listed.length - added.length };
    },
    async setPaused(id, paused) {
      return Object.assign(find(id), { paused });
    },
    async remove(id) {
      const index = feeds.findIndex((f) => f.id === id);
      if (index >= 0) feeds.splice(index, 1);
      return index >= 0;
    },
    async checkNow() {
      const active = feeds.filter((f) => !f.paused);
      for (const feed of active) Object.assign(feed, { status: 'working', lastCheckedAt: now });
      return { checked: active.length, newStories: 0 };
    },
    async saveOptions(next) {
      feedOptions = next;
      return next;
    },
    async requestAccess(urls) {
      accessAsked.push(...urls);
      return options.access ?? true;
    },
  };
}
