/**
 * Which feeds to check now. At most `MAX_CHECKS_AT_ONCE` requests are in flight: the caller
 * checks a batch, saves each result, and asks again until nothing is due (each saved state is
 * due later, so the loop ends; `tried` guards against a check that saved nothing).
 */
import type { FeedState } from './state';

export const MAX_CHECKS_AT_ONCE = 4;

function isDue(feed: FeedState, now: number): boolean {
  return !feed.paused && feed.nextCheckAt !== null && feed.nextCheckAt <= now;
}

/** The most overdue feeds, at most `limit`, skipping addresses already tried in this run. */
export function pickFeedsToCheck<F extends FeedState>(
  feeds: readonly F[],
  now: number,
  tried: ReadonlySet<string> = new Set(),
  limit = MAX_CHECKS_AT_ONCE,
): F[] {
  return feeds
    .filter((feed) => isDue(feed, now) && !tried.has(feed.url))
    .sort((a, b) => (a.nextCheckAt as number) - (b.nextCheckAt as number) || a.url.localeCompare(b.url))
    .slice(0, limit);
}

/** When the next feed falls due (for the alarm), or null when none will. */
export function nextDueAt(feeds: readonly FeedState[]): number | null {
  let next: number | null = null;
  for (const feed of feeds) {
    if (feed.paused || feed.nextCheckAt === null) continue;
    if (next === null || feed.nextCheckAt < next) next = feed.nextCheckAt;
  }
  return next;
}
