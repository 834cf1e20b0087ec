/**
 * The handlers of the feed messages (utils/messaging.ts, `ui:*Feed*`): the options page's
 * "News feeds" section and the popup's "Watch this site's news". Every change reschedules the
 * alarm, so a feed paused, removed or added is checked (or not) accordingly.
 */
import { listEntities } from '../db/entities';
import {
  listFeeds,
  loadFeedOptions,
  makeFeedsDue,
  removeFeed,
  setFeedPaused,
  storeFeedOptions,
  watchFeeds,
} from '../db/feeds';
import type { NewsDb } from '../db/schema';
import { findFeeds } from '../feeds/find';
import type { MessageType, RequestOf, ResponseOf } from '../messaging';
import type { FeedWatcher } from './feeds';

type Write = <T>(change: (db: NewsDb) => Promise<T>) => Promise<T>;

type FeedMessages = Extract<
  MessageType,
  | 'ui:listFeeds'
  | 'ui:watchFeed'
  | 'ui:addFeeds'
  | 'ui:setFeedPaused'
  | 'ui:removeFeed'
  | 'ui:checkFeeds'
  | 'ui:saveFeedOptions'
>;

type FeedHandlers = { [K in FeedMessages]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export function feedHandlers(getDb: () => Promise<NewsDb>, write: Write, watcher: FeedWatcher): FeedHandlers {
  const { deps } = watcher;
  /** A change to the feeds, then the alarm set for what it changed. */
  const changeFeeds = async <T>(change: (db: NewsDb) => Promise<T>): Promise<T> => {
    const result = await write(change);
    await watcher.schedule();
    return result;
  };
  /** Checks new feeds in the background; the list shows each as "Not checked yet" until then. */
  const checkSoon = () => {
    watcher.check().catch((error: unknown) => console.warn('News Tracker: feed check failed', error));
  };
  return {
    'ui:listFeeds': async () => {
      const db = await getDb();
      return { feeds: await listFeeds(db), options: await loadFeedOptions(db) };
    },
    'ui:watchFeed': async ({ address }) => {
      const db = await getDb();
      const now = deps.now();
      const intervalMs = (await loadFeedOptions(db)).intervalMinutes * 60_000;
      const found = await findFeeds(address, { fetch: deps.fetch, now, intervalMs });
      if (found.kind === 'choices') {
        return { kind: 'choices', choices: found.choices.map(({ url, title }) => ({ url, title })) };
      }
      const { title, siteUrl } = found.check.state;
      const { added } = await changeFeeds((d) => watchFeeds(d, [{ url: found.url, title, siteUrl }], now));
      const feed = added[0];
      if (!feed) return { kind: 'already', url: found.url };
      const { newStories } = await watcher.adopt(feed, found.check);
      return { kind: 'watching', feed: { ...feed, ...found.check.state }, newStories };
    },
    'ui:addFeeds': async ({ feeds }) => {
      const { added, already } = await changeFeeds((db) => watchFeeds(db, feeds, deps.now()));
      if (added.length > 0) checkSoon();
      return { added: added.length, already: already.length };
    },
    'ui:setFeedPaused': async ({ id, paused }) => {
      const feed = await changeFeeds((db) => setFeedPaused(db, id, paused, deps.now()));
      if (!paused) checkSoon();
      return feed;
    },
    'ui:removeFeed': async ({ id }) => ({ removed: await changeFeeds((db) => removeFeed(db, id)) }),
    'ui:checkFeeds': async () => {
      await write((db) => makeFeedsDue(db, deps.now()));
      return watcher.check();
    },
    'ui:saveFeedOptions': async (options) => {
      const db = await getDb();
      const known = new Set((await listEntities(db)).map((e) => e.id));
      const kept = { ...options, notifyEntityIds: options.notifyEntityIds.filter((id) => known.has(id)) };
      return changeFeeds((d) => storeFeedOptions(d, kept));
    },
  };
}
