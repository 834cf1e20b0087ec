/**
 * A watched feed as stored (its check state, state.ts, plus what the list shows), the user's
 * feed options, and the feed's state in words for the options page.
 */
import { hostOf } from '../site-list';
import { type FeedState, newFeedState } from './state';

export interface WatchedFeed extends FeedState {
  id: string;
  addedAt: number;
  /** Items kept as stories (they named a tracked company), over every check. */
  matched: number;
}

/** Who gets a desktop notice of new feed stories: nobody, every company, or the chosen ones. */
export type FeedNotify = 'off' | 'all' | 'chosen';

export interface FeedOptions {
  /** Minutes between checks of each feed. */
  intervalMinutes: number;
  notify: FeedNotify;
  /** The companies to notify about when `notify` is 'chosen'. */
  notifyEntityIds: string[];
}

/** What "Check feeds now" (or a scheduled run) did. */
export interface CheckSummary {
  checked: number;
  newStories: number;
}

/** What watching an address came to: a feed watched, one watched already, or the site's feeds to pick from. */
export type WatchResult =
  | { kind: 'watching'; feed: WatchedFeed; newStories: number }
  | { kind: 'already'; url: string }
  | { kind: 'choices'; choices: { url: string; title: string | null }[] };

/** The intervals offered, 15 minutes to 6 hours. */
export const INTERVAL_CHOICES = [15, 30, 60, 120, 180, 360] as const;

export const DEFAULT_FEED_OPTIONS: FeedOptions = { intervalMinutes: 30, notify: 'off', notifyEntityIds: [] };

const NOTIFY: readonly FeedNotify[] = ['off', 'all', 'chosen'];

/** A complete, valid set of options: known fields kept when valid, defaults elsewhere. */
export function validateFeedOptions(raw: unknown): FeedOptions {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const interval = INTERVAL_CHOICES.find((m) => m === o.intervalMinutes);
  const ids = o.notifyEntityIds;
  return {
    intervalMinutes: interval ?? DEFAULT_FEED_OPTIONS.intervalMinutes,
    notify: NOTIFY.includes(o.notify as FeedNotify) ? (o.notify as FeedNotify) : DEFAULT_FEED_OPTIONS.notify,
    notifyEntityIds:
      Array.isArray(ids) && ids.length <= 10_000 && ids.every((id) => typeof id === 'string' && id.length <= 100)
        ? (ids as string[])
        : [],
  };
}

/** A new feed to watch, due for its first check now. */
export function newWatchedFeed(
  id: string,
  feed: { url: string; title: string | null; siteUrl: string | null },
  now: number,
): WatchedFeed {
  return { ...newFeedState(feed.url, now), id, addedAt: now, matched: 0, title: feed.title, siteUrl: feed.siteUrl };
}

/** The host a feed's stories come from (its site, else the feed's own), without "www.". */
export function feedSiteHost(feed: Pick<FeedState, 'url' | 'siteUrl'>): string {
  return siteHost(feed.siteUrl ?? feed.url);
}

/** A page's or feed's host without "www.", so www.example.com and example.com are one site. */
export function siteHost(url: string): string {
  return (hostOf(url) ?? '').replace(/^www\./u, '');
}

function day(time: number): string {
  return new Date(time).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The feed's state in a few words: working, not modified, moved, failing since…, stopped, paused. */
export function feedStateWords(feed: WatchedFeed): string {
  if (feed.paused) return 'Paused';
  switch (feed.status) {
    case 'new':
      return 'Not checked yet';
    case 'working':
      return 'Working';
    case 'not-modified':
      return 'Not modified since the last check';
    case 'moved':
      return `Moved here from ${feed.movedFrom ?? 'another address'}`;
    case 'failing':
      return `Failing since ${day(feed.failingSince ?? feed.lastCheckedAt ?? feed.addedAt)}: ${feed.problem ?? 'unknown error'}`;
    case 'stopped':
      return `Stopped: ${feed.problem ?? 'the server says the feed is gone'}`;
  }
}
