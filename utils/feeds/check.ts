/**
 * One check of one feed: fetch (conditionally), parse, and the state after. Nothing is stored
 * here. The caller saves the returned state and the stories made from `feed` in one database
 * transaction, so a worker stopped mid-check has saved nothing and checks the feed again at
 * the next alarm (its old state is still due), and one stopped after saving has saved it all;
 * stories are keyed by their canonical address, so a check repeated is never stored twice.
 */
import { decodeFeedBytes } from './decode';
import { isFeedError } from './errors';
import type { ParsedFeed } from './feed';
import { fetchFeed } from './fetch';
import { parseFeedBytes } from './parse';
import { type FeedState, hintFrom, nextFeedState, type Schedule } from './state';

export interface CheckResult {
  state: FeedState;
  /** The feed as read, when the server sent it (null on 304 or failure). */
  feed: ParsedFeed | null;
  /** A web page where a feed was expected, as text: where a site's feeds are looked for (discover.ts). */
  page?: { html: string; url: string };
}

export interface CheckOptions extends Schedule {
  fetch: typeof fetch;
  now: number;
  timeoutMs?: number;
  maxBytes?: number;
}

export async function checkFeed(state: FeedState, options: CheckOptions): Promise<CheckResult> {
  const { now } = options;
  const outcome = await fetchFeed(state.url, state, options);
  if (outcome.kind === 'gone' || outcome.kind === 'failed') {
    return { state: nextFeedState(state, outcome, now, options), feed: null };
  }
  if (outcome.kind === 'not-modified') {
    const facts = { ...outcome, hintMs: hintFrom(outcome, state.ttlMinutes) };
    return { state: nextFeedState(state, facts, now, options), feed: null };
  }
  try {
    const feed = parseFeedBytes(outcome.body, outcome.finalUrl, outcome.contentType);
    const { title, siteUrl, ttlMinutes } = feed;
    const facts = { ...outcome, hintMs: hintFrom(outcome, ttlMinutes), title, siteUrl, ttlMinutes };
    return { state: nextFeedState(state, facts, now, options), feed };
  } catch (error) {
    if (!isFeedError(error)) throw error;
    const failed = nextFeedState(state, { kind: 'failed', error, retryAfterMs: null }, now, options);
    if (error.kind !== 'html') return { state: failed, feed: null };
    const html = decodeFeedBytes(outcome.body, outcome.contentType);
    return { state: failed, feed: null, page: { html, url: outcome.finalUrl } };
  }
}
