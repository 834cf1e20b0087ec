/**
 * Saving one check of one feed: its new state and the stories its matched items made, in one
 * transaction. A worker stopped before the commit has saved nothing and the feed is still due,
 * so the next alarm checks it again; after the commit everything is saved. Stories are keyed by
 * canonical URL, so an item seen again (in this feed, another feed, or read on its page) is
 * never stored twice: the story already stored is left as it is.
 *
 * Copies from other publishers are found through copyBands: the copy signatures of the feed
 * stories of the last two weeks (copies further apart are different stories), each under its
 * band keys (utils/feeds/copies.ts). Candidates sharing a key are checked with `areCopies`, and
 * a copy found joins the same "also at" group as stories sharing a headline do (stories.ts).
 */
import { areCopies, type CopySignature, copyBandKeys, MAX_BUCKET } from '../feeds/copies';
import type { FeedMatch } from '../feeds/matching';
import type { WatchedFeed } from '../feeds/watched';
import { mergeStory, type StoryRecord } from '../stories';
import type { NewsDb } from './schema';
import { flushWhenDue, GROUP_WINDOW_MS, putStory, STORY_STORES } from './stories';
import type { StoredStory } from './story-index';

const FEED_CHECK_STORES = ['feeds', 'copyBands', 'notNews', 'deletedStories', ...STORY_STORES] as const;
type FeedTx = ReturnType<typeof feedTx>;
const feedTx = (db: NewsDb) => db.transaction([...FEED_CHECK_STORES], 'readwrite');

/** The story a stored copy signature belongs to, when one matches `signature`. */
async function findCopy(tx: FeedTx, signature: CopySignature): Promise<StoredStory | undefined> {
  const index = tx.objectStore('copyBands').index('by-band');
  const buckets = await Promise.all(copyBandKeys(signature).map((key) => index.getAll(key, MAX_BUCKET + 1)));
  for (const bucket of buckets) {
    // A key shared by this many stories comes from a phrase many use, not from a copy.
    if (bucket.length > MAX_BUCKET) continue;
    for (const entry of bucket) {
      if (!areCopies(entry.signature, signature)) continue;
      const story = await tx.objectStore('stories').get(entry.sid);
      if (story) return story;
    }
  }
  return undefined;
}

/**
 * Saves the feed's state after a check and the stories of its matched items; returns the
 * stories that are new. A feed removed while it was being checked saves nothing; one paused
 * meanwhile stays paused.
 */
export async function saveFeedCheck(
  db: NewsDb,
  checked: WatchedFeed,
  matches: readonly FeedMatch[],
  now: number,
): Promise<StoryRecord[]> {
  const tx = feedTx(db);
  const current = await tx.objectStore('feeds').get(checked.id);
  if (!current) {
    await tx.done;
    return [];
  }
  const bands = tx.objectStore('copyBands');
  await bands.delete(IDBKeyRange.upperBound([now - GROUP_WINDOW_MS, Number.POSITIVE_INFINITY]));
  const added: StoryRecord[] = [];
  let pendingCount = 0;
  for (const { report, signature, seenAt } of matches) {
    if ((await tx.objectStore('stories').index('by-url').getKey(report.url)) !== undefined) continue;
    // The person said this address is not a news story, or deleted its story: a feed does not bring it back.
    if ((await tx.objectStore('notNews').getKey(report.url)) !== undefined) continue;
    if ((await tx.objectStore('deletedStories').getKey(report.url)) !== undefined) continue;
    const record: StoryRecord = { ...mergeStory(undefined, report, Math.min(seenAt, now)), feedId: checked.id };
    const put = await putStory(tx, undefined, record, now, await findCopy(tx, signature));
    pendingCount = Math.max(pendingCount, put.pendingCount);
    if (record.firstSeen > now - GROUP_WINDOW_MS) {
      await bands.put({ seenAt: record.firstSeen, sid: put.sid, keys: copyBandKeys(signature), signature });
    }
    added.push(record);
  }
  await tx.objectStore('feeds').put({ ...checked, paused: current.paused, matched: current.matched + added.length });
  await tx.done;
  flushWhenDue(db, pendingCount);
  return added;
}
