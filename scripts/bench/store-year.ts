/**
 * The scale benchmark's half that runs in an extension page (scripts/bench/store-scale.bench.ts
 * drives it): a year of use with feeds watched, written through the store's own code into the
 * extension's real IndexedDB. Most stories come from feeds (headline, one lead of about 200
 * characters, the feed's title as publisher, no section), a few from pages read (three
 * snippets, section, byline); about one in twenty is a copy of a recent story under another
 * publisher; most feed stories stay unread. Copy signatures are kept for the last two weeks
 * only, as the store keeps them.
 */

import { addToCounts } from '@/utils/db/day-counts';
import { addEntities } from '@/utils/db/entities';
import { type StoryFact, toStoryFact } from '@/utils/db/facts';
import { type NewsDb, openNewsDb } from '@/utils/db/schema';
import { addPostingsInBulk, weekOf } from '@/utils/db/search-index';
import { GROUP_WINDOW_MS } from '@/utils/db/stories';
import { type StoredStory, toStored } from '@/utils/db/story-index';
import { listStories } from '@/utils/db/story-query';
import { copyBandKeys, copySignature } from '@/utils/feeds/copies';
import { mergeStory, type StoryRecord } from '@/utils/stories';
import { seededRandom } from '../../test/support/seeded-random';
import { COMPANIES, createGenerator, RARE_WORDS, WORDS } from './store-page';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const PAGE_SHARE = 0.04;
const FEED_IDS = Array.from({ length: 200 }, (_, i) => (0x10000000 + i * 7919).toString(16));

export interface YearGenerator {
  next(): { record: StoryRecord; copyOf: StoryRecord | null };
}

/** Story after story of a year with feeds, oldest first, ending at `end`. */
export function createYearGenerator(seed: number, total: number, end: number): YearGenerator {
  const rnd = seededRandom(seed);
  const pages = createGenerator(seed + 1, total);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const word = () => (rnd() < 0.6 ? pick(WORDS) : (RARE_WORDS[Math.floor(rnd() ** 2 * RARE_WORDS.length)] as string));
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const recent: StoryRecord[] = [];
  let i = 0;
  return {
    next() {
      const seen = end - YEAR_MS + Math.floor((i / total) * YEAR_MS);
      i += 1;
      if (rnd() < PAGE_SHARE) {
        const { record } = pages.next();
        return { record: { ...record, firstSeen: seen, lastSeen: seen }, copyOf: null };
      }
      const copied = recent.length > 0 && rnd() < 0.05 ? pick(recent) : null;
      const feed = Math.floor(rnd() * FEED_IDS.length);
      const companies = [...new Set([Math.floor(rnd() * 20), ...(rnd() < 0.25 ? [Math.floor(rnd() * 20)] : [])])];
      const name = COMPANIES[companies[0] as number] as string;
      const title = copied ? `${copied.title} ${word()}` : `${name} ${words(6 + Math.floor(rnd() * 7))}`;
      const url = `https://www.courier${feed}.example/business/${title
        .slice(0, 40)
        .toLowerCase()
        .replace(/[^a-z0-9]+/gu, '-')}-${i}`;
      const report = {
        url,
        visitedUrl: url,
        title,
        publisher: `Courier ${feed} - Business`,
        byline:
          rnd() < 0.5 ? `${pick(['Ines', 'Tom', 'Aiko', 'Ravi', 'Lena'])} ${pick(['Park', 'Moreau', 'Okafor'])}` : null,
        publishedTime: new Date(seen).toISOString(),
        lang: null,
        section: null,
        isBusiness: rnd() < 0.7,
        businessScore: Math.round(rnd() * 100) / 100,
        mentions: companies.map((c, k) => ({
          entityId: `e${c}`,
          count: 1 + Math.floor(rnd() * 3),
          inHeadline: k === 0,
          inLead: rnd() < 0.6,
        })),
        snippets: [copied?.snippets[0] ?? `${words(14)} ${name} ${words(16)}.`],
      };
      const record: StoryRecord = {
        ...mergeStory(undefined, report, seen),
        read: rnd() < 0.4,
        starred: rnd() < 0.01,
        feedId: FEED_IDS[feed],
      };
      recent.push(record);
      if (recent.length > 300) recent.shift();
      return { record, copyOf: copied };
    },
  };
}

export const open = () => openNewsDb();

export async function trackCompanies(): Promise<void> {
  const db = await openNewsDb();
  await addEntities(
    db,
    COMPANIES.map((name) => ({ name })),
  );
  const stored = await db.getAll('entities');
  // The generator names companies e0..e19: give them those ids.
  const tx = db.transaction('entities', 'readwrite');
  await Promise.all(stored.map((e, k) => Promise.all([tx.store.delete(e.id), tx.store.put({ ...e, id: `e${k}` })])));
  await tx.done;
  db.close();
}

/**
 * Adds stories `from` .. `from + count` of the year, in transactions of 2,000, with groups,
 * facts, day counts, copy signatures (last two weeks) and the search index written a week at a time, as
 * the store would have them once its pending stories were flushed.
 */
export async function fillYear(db: NewsDb, seed: number, from: number, count: number, total: number, end: number) {
  const generator = createYearGenerator(seed, total, end);
  for (let k = 0; k < from; k++) generator.next();
  const groups = new Map<string, string>();
  const started = performance.now();
  let week: StoredStory[] = [];
  /** Writes the search entries of the stories gathered, all but those of `keep`'s week unless told. */
  const flushWeeks = async (keepLast: boolean) => {
    const last = week.at(-1);
    const done = keepLast && last ? week.filter((s) => weekOf(s.lastSeen) !== weekOf(last.lastSeen)) : week;
    if (done.length === 0) return;
    const tx = db.transaction('searchPostings', 'readwrite');
    await addPostingsInBulk(tx.store, done);
    await tx.done;
    week = week.slice(done.length);
  };
  for (let done = 0; done < count; ) {
    const batch = Math.min(2000, count - done);
    const tx = db.transaction(['stories', 'storyFacts', 'dayCounts', 'copyBands'], 'readwrite');
    const facts: StoryFact[] = [];
    for (let k = 0; k < batch; k++) {
      const { record, copyOf } = generator.next();
      const sid = from + done + k + 1;
      let groupId: string | undefined;
      if (copyOf) {
        groupId = groups.get(copyOf.url) ?? copyOf.url;
        groups.set(copyOf.url, groupId);
        groups.set(record.url, groupId);
      }
      const stored = toStored(record, groupId, sid);
      week.push(stored);
      void tx.objectStore('stories').put(stored);
      facts.push(toStoryFact(record, sid));
      void tx.objectStore('storyFacts').put(facts.at(-1) as StoryFact);
      if (record.feedId && record.firstSeen > end - GROUP_WINDOW_MS) {
        const signature = copySignature(record.title, record.snippets[0] ?? '');
        void tx
          .objectStore('copyBands')
          .put({ seenAt: record.firstSeen, sid, keys: copyBandKeys(signature), signature });
      }
    }
    await addToCounts(tx.objectStore('dayCounts'), facts);
    await tx.done;
    await flushWeeks(true);
    done += batch;
  }
  await flushWeeks(false);
  // Group leaders get their groupId too, as the store sets it on the first copy.
  const tx = db.transaction('stories', 'readwrite');
  const index = tx.store.index('by-url');
  for (const [url, groupId] of groups) {
    const story = await index.get(url);
    if (story && !story.groupId) await tx.store.put({ ...story, groupId });
  }
  await tx.done;
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** A tracked company, a common business word, two words, and a rare word typed in part. */
const SEARCHES = ['heineken', 'antitrust', 'samsung chips', (RARE_WORDS[3000] as string).slice(0, 5)];

/** The popup's first page and its searches, as the popup asks (50 stories a page). */
export async function measureAtScale(db: NewsDb, runs: number) {
  const page = (search?: string) => listStories(db, { limit: 50, ...(search ? { search } : {}) });
  const searchTimes: number[] = [];
  for (const search of SEARCHES) searchTimes.push(await timed(runs, () => page(search)));
  return {
    firstPageMs: await timed(runs, () => page()),
    searchMs: median(searchTimes),
    fromFeedsMs: await timed(runs, () => listStories(db, { limit: 50, fromFeeds: true, unread: true })),
    counts: {
      firstPage: (await page()).stories.length,
      search: (await page('antitrust')).stories.length,
      stories: await db.count('stories'),
      unreadFromFeeds: await db.countFromIndex('stories', 'by-feed-unread'),
    },
  };
}

/** Mean size of one generated story as JSON (UTF-8): what a plain record would take. */
export function jsonBytesPerStory(seed: number, count: number): number {
  const generator = createYearGenerator(seed, count, Date.now());
  let bytes = 0;
  for (let i = 0; i < count; i++) bytes += new TextEncoder().encode(JSON.stringify(generator.next().record)).length;
  return bytes / count;
}

export { indexedDbUsage } from './store-page';
