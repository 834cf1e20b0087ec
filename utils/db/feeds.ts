/**
 * The watched feeds and the feed options. A feed's check state is written with the stories it
 * found (feed-stories.ts); here are the user's changes: watch, pause, resume, remove, and "check
 * now", each one transaction.
 */
import type { ListedFeed } from '../feeds/opml';
import {
  DEFAULT_FEED_OPTIONS,
  type FeedOptions,
  newWatchedFeed,
  validateFeedOptions,
  type WatchedFeed,
} from '../feeds/watched';
import type { NewsDb } from './schema';

export interface WatchOutcome {
  added: WatchedFeed[];
  /** Feeds given that are watched already, by address. */
  already: string[];
}

/** Every watched feed, in the order they were added. */
export async function listFeeds(db: NewsDb): Promise<WatchedFeed[]> {
  return (await db.getAll('feeds')).sort((a, b) => a.addedAt - b.addedAt || a.url.localeCompare(b.url));
}

/** A short id, new in this store: it is repeated on every story the feed finds, so it is kept small. */
function freshId(taken: ReadonlySet<string>): string {
  for (;;) {
    const id = crypto.randomUUID().slice(0, 8);
    if (!taken.has(id)) return id;
  }
}

/** Starts watching feeds; one watched already (by address, or moved there) is left as it is. */
export async function watchFeeds(db: NewsDb, feeds: readonly ListedFeed[], now: number): Promise<WatchOutcome> {
  const tx = db.transaction('feeds', 'readwrite');
  const existing = await tx.store.getAll();
  const ids = new Set(existing.map((f) => f.id));
  const urls = new Set(existing.flatMap((f) => [f.url, f.movedFrom ?? f.url]));
  const outcome: WatchOutcome = { added: [], already: [] };
  for (const feed of feeds) {
    if (urls.has(feed.url)) {
      outcome.already.push(feed.url);
      continue;
    }
    // Distinct times keep the list in the order the feeds were given (an OPML file's order);
    // every one is due now, so one run checks them all.
    const watched = { ...newWatchedFeed(freshId(ids), feed, now), addedAt: now + outcome.added.length };
    ids.add(watched.id);
    urls.add(watched.url);
    outcome.added.push(watched);
    void tx.store.add(watched);
  }
  await tx.done;
  return outcome;
}

async function changeFeed(db: NewsDb, id: string, change: (feed: WatchedFeed) => WatchedFeed): Promise<WatchedFeed> {
  const tx = db.transaction('feeds', 'readwrite');
  const feed = await tx.store.get(id);
  if (!feed) throw new Error('That feed is no longer watched.');
  const changed = change(feed);
  await Promise.all([tx.store.put(changed), tx.done]);
  return changed;
}

/**
 * Pauses a feed, or resumes it: a resumed feed is checked at once, and one the server had
 * stopped (410) is tried again as if new, since the person asked for it.
 */
export function setFeedPaused(db: NewsDb, id: string, paused: boolean, now: number): Promise<WatchedFeed> {
  return changeFeed(db, id, (feed) => {
    if (paused) return { ...feed, paused: true };
    const restart = feed.status === 'stopped' ? { status: 'new' as const, problem: null, failures: 0 } : {};
    return { ...feed, ...restart, paused: false, nextCheckAt: now };
  });
}

/** Stops watching a feed. The stories it found stay: they are the person's record. */
export async function removeFeed(db: NewsDb, id: string): Promise<boolean> {
  const tx = db.transaction('feeds', 'readwrite');
  const found = (await tx.store.getKey(id)) !== undefined;
  if (found) await tx.store.delete(id);
  await tx.done;
  return found;
}

/** "Check feeds now": every feed that is neither paused nor stopped falls due. Returns how many. */
export async function makeFeedsDue(db: NewsDb, now: number): Promise<number> {
  const tx = db.transaction('feeds', 'readwrite');
  let due = 0;
  for (let c = await tx.store.openCursor(); c; c = await c.continue()) {
    if (c.value.paused || c.value.status === 'stopped') continue;
    due += 1;
    if ((c.value.nextCheckAt ?? Number.POSITIVE_INFINITY) > now) await c.update({ ...c.value, nextCheckAt: now });
  }
  await tx.done;
  return due;
}

export async function loadFeedOptions(db: NewsDb): Promise<FeedOptions> {
  return validateFeedOptions((await db.get('feedOptions', 'options')) ?? DEFAULT_FEED_OPTIONS);
}

export async function storeFeedOptions(db: NewsDb, options: FeedOptions): Promise<FeedOptions> {
  const valid = validateFeedOptions(options);
  await db.put('feedOptions', valid, 'options');
  return valid;
}
