/**
 * The store benchmark's half that runs inside an extension page of the built extension, so it
 * reads and writes the extension's real IndexedDB in Chromium with the store's own code
 * (bundled by test/support/bundle.ts). scripts/bench/store.bench.ts drives it.
 *
 * Stories are generated from a fixed seed with the sizes real ones have: headlines of 7-14
 * words, three snippets of about 170 characters, one to three companies, tracking parameters on
 * some visited URLs, a few percent syndicated copies of a recent headline, most of them read.
 */

import { createDbAccess } from '@/utils/db/connection';
import { toStoryFact } from '@/utils/db/facts';
import { DB_NAME, type NewsDb, openNewsDb } from '@/utils/db/schema';
import { addPostingsInBulk } from '@/utils/db/search-index';
import { saveStory } from '@/utils/db/stories';
import { type StoredStory, snippetsOf, toStored } from '@/utils/db/story-index';
import { listStories } from '@/utils/db/story-query';
import { mergeStory, type StoryQuery, type StoryRecord, type StoryReport } from '@/utils/stories';
import { seededRandom } from '../../test/support/seeded-random';

export const COMPANIES = [
  'Xiaomi',
  'Apple',
  'Samsung',
  'Nvidia',
  'Siemens',
  'Unilever',
  'Toyota',
  'Shell',
  'Nestle',
  'Airbus',
  'Tesla',
  'Alibaba',
  'Vodafone',
  'Bayer',
  'Danone',
  'Ericsson',
  'Philips',
  'Heineken',
  'Volvo',
  'Sony',
];
export const WORDS = (
  'shares profit revenue quarterly results market investors deal merger acquisition chief executive board ' +
  'guidance outlook forecast growth sales margin costs jobs plant factory expansion europe asia china india ' +
  'regulators antitrust probe fine lawsuit court ruling supply chain chips batteries electric vehicles phones ' +
  'software cloud data centre energy prices oil gas inflation rates central bank bonds dividend buyback stock ' +
  'analysts downgrade upgrade target rally slump record high low strike union wages layoffs hiring launch ' +
  'product recall safety emissions climate targets subsidy tariffs trade exports imports partnership licence ' +
  'venture startup funding round valuation listing ipo debt rating outlook cut raise bid offer talks stake ' +
  'takeover rival competition customers subscribers users privacy security breach outage network retail'
).split(' ');
const SYLLABLES = 'ka lo mi ren to sa vel dor an es tri po lun gar fe bi'.split(' ');
/** The long tail of a news vocabulary: 4,000 rarer words (names, places, jargon). */
export const RARE_WORDS = Array.from({ length: 4000 }, (_, i) =>
  [i % 16, (i >> 4) % 16, (i >> 8) % 16].map((k) => SYLLABLES[k]).join(''),
);
const PUBLISHERS = Array.from({ length: 150 }, (_, i) => `Courier ${String.fromCharCode(65 + (i % 26))}${i}`);
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const START = Date.UTC(2024, 0, 1);

export interface Generator {
  next(): { record: StoryRecord; copyOf: string | null };
}

/** Story `i` of a realistic history of `total` stories spread over three years. */
export function createGenerator(seed: number, total: number, startAt = 0): Generator {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  // Most words are common business words; the rest come from the long tail, its head more often.
  const word = () => (rnd() < 0.6 ? pick(WORDS) : (RARE_WORDS[Math.floor(rnd() ** 2 * RARE_WORDS.length)] as string));
  const words = (n: number) => Array.from({ length: n }, word);
  const recent: StoryRecord[] = [];
  let i = startAt;
  return {
    next() {
      const companies = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => Math.floor(rnd() * 20)))];
      const lead = COMPANIES[companies[0] as number] as string;
      const copied = recent.length > 0 && rnd() < 0.04 ? pick(recent) : null;
      const title = copied ? copied.title : `${lead} ${words(6 + Math.floor(rnd() * 8)).join(' ')}`;
      const publisher = pick(PUBLISHERS);
      const slug = title
        .toLowerCase()
        .replace(/[^a-z0-9]+/gu, '-')
        .slice(0, 60);
      const url = `https://www.${publisher.toLowerCase().replace(/\s+/gu, '')}.example/business/${slug}-${i}`;
      const lastSeen = START + Math.floor((i / total) * 3 * YEAR_MS) + Math.floor(rnd() * 60_000);
      const report: StoryReport = {
        url,
        visitedUrl: rnd() < 0.3 ? `${url}?utm_source=newsletter&utm_medium=email` : url,
        title,
        publisher,
        byline:
          rnd() < 0.8
            ? `By ${pick(['Ines', 'Tom', 'Aiko', 'Ravi', 'Lena'])} ${pick(['Park', 'Moreau', 'Okafor', 'Silva'])}`
            : null,
        publishedTime: new Date(lastSeen - 3_600_000).toISOString(),
        lang: 'en',
        section: pick(['Business', 'Markets', 'Technology', 'Companies']),
        isBusiness: rnd() < 0.85,
        businessScore: Math.round(rnd() * 100) / 100,
        mentions: companies.map((c, k) => ({
          entityId: `e${c}`,
          count: 1 + Math.floor(rnd() * 8),
          inHeadline: k === 0,
          inLead: rnd() < 0.7,
        })),
        snippets: companies.slice(0, 3).map((c) => `…${words(12).join(' ')} ${COMPANIES[c]} ${words(12).join(' ')}…`),
      };
      const record = { ...mergeStory(undefined, report, lastSeen), read: rnd() < 0.7, starred: rnd() < 0.02 };
      record.firstSeen = lastSeen - Math.floor(rnd() * 2 * 24 * 3_600_000);
      recent.push(record);
      if (recent.length > 200) recent.shift();
      i += 1;
      return { record, copyOf: copied?.url ?? null };
    },
  };
}

export const open = () => openNewsDb();

/**
 * Adds `count` generated stories in transactions of 500, with syndication groups and search
 * entries set as the store would set them (a copy joins the group of the story whose headline it
 * shares; the search index gets each batch's words at once, as the schema's upgrade does).
 */
export async function fill(db: NewsDb, seed: number, from: number, count: number, total: number): Promise<number> {
  const generator = createGenerator(seed, total, from);
  const groups = new Map<string, string>();
  const t0 = performance.now();
  for (let done = 0; done < count; ) {
    const tx = db.transaction(['stories', 'storyFacts', 'searchPostings'], 'readwrite');
    const stories = tx.objectStore('stories');
    const facts = tx.objectStore('storyFacts');
    const batch = Math.min(500, count - done);
    const written: StoredStory[] = [];
    for (let k = 0; k < batch; k++) {
      const { record, copyOf } = generator.next();
      let groupId: string | undefined;
      if (copyOf) {
        groupId = groups.get(copyOf) ?? copyOf;
        groups.set(copyOf, groupId);
        const original = await stories.index('by-url').get(copyOf);
        if (original && !original.groupId) void stories.put({ ...original, groupId });
      }
      const sid = from + done + k + 1;
      const stored = toStored(record, groupId, sid);
      written.push(stored);
      void stories.put(stored);
      void facts.put(toStoryFact(record, sid));
    }
    await addPostingsInBulk(tx.objectStore('searchPostings'), written);
    await tx.done;
    done += batch;
  }
  return performance.now() - t0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: the first run pays for compiling the code path
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The naive way, as a baseline: every story read, then filtered and sorted in memory. */
async function naivePage(db: NewsDb, keep: (s: StoredStory) => boolean): Promise<StoredStory[]> {
  const all = await db.getAll('stories');
  return all
    .filter(keep)
    .sort((a, b) => b.lastSeen - a.lastSeen)
    .slice(0, 50);
}

/** The baseline for search: no word index, every story's text scanned for the word. */
async function scanSearch(db: NewsDb, word: string): Promise<StoredStory[]> {
  const found: StoredStory[] = [];
  const tx = db.transaction('stories');
  for (let c = await tx.store.openCursor(); c; c = await c.continue()) {
    const s = c.value;
    const text = `${s.title} ${s.publisher ?? ''} ${snippetsOf(s).join(' ')}`.toLowerCase();
    if (text.includes(word)) found.push(s);
  }
  return found.sort((a, b) => b.lastSeen - a.lastSeen).slice(0, 50);
}

export interface QueryFigures {
  firstPageMs: number;
  naiveFirstPageMs: number;
  entityMs: number;
  naiveEntityMs: number;
  searchMs: number;
  scanSearchMs: number;
  /** Sanity: the answers have the expected sizes (a broken query would be fast and wrong). */
  counts: { firstPage: number; entity: number; search: number; scan: number; rareSearch: number };
}

/** A tracked company, a common business word, two words, and a rare word (typed in part). */
const SEARCHES = ['heineken', 'antitrust', 'samsung chips', (RARE_WORDS[3000] as string).slice(0, 5)];

export async function measureQueries(db: NewsDb, runs: number): Promise<QueryFigures> {
  const page = (q: Omit<StoryQuery, 'limit'>) => listStories(db, { limit: 50, ...q });
  const searchTimes: number[] = [];
  for (const search of SEARCHES) searchTimes.push(await timed(runs, () => page({ search })));
  const scanTimes: number[] = [];
  for (const search of SEARCHES)
    scanTimes.push(await timed(Math.max(1, runs / 5), () => scanSearch(db, search.split(' ')[0] as string)));
  return {
    firstPageMs: await timed(runs, () => page({})),
    naiveFirstPageMs: await timed(Math.max(1, runs / 5), () => naivePage(db, () => true)),
    entityMs: await timed(runs, () => page({ entityId: 'e7' })),
    naiveEntityMs: await timed(Math.max(1, runs / 5), () =>
      naivePage(db, (s) => s.mentions.some((m) => m.entityId === 'e7')),
    ),
    searchMs: median(searchTimes),
    scanSearchMs: median(scanTimes),
    counts: {
      firstPage: (await page({})).stories.length,
      entity: (await page({ entityId: 'e7' })).stories.length,
      search: (await page({ search: 'antitrust' })).stories.length,
      scan: (await scanSearch(db, 'antitrust')).length,
      rareSearch: (await page({ search: SEARCHES[3] })).stories.length,
    },
  };
}

/** Saving a story as a content script's report arrives: new stories, some copies of a stored headline. */
export async function measureSave(db: NewsDb, seed: number, runs: number): Promise<{ saveMs: number; putMs: number }> {
  const generator = createGenerator(seed, 1_000_000, 900_000);
  const reports = Array.from({ length: runs * 2 }, () => {
    const { firstSeen: _f, lastSeen: _l, read: _r, starred: _s, ...report } = generator.next().record;
    return report;
  });
  const saves: number[] = [];
  for (const report of reports.slice(0, runs)) {
    const t0 = performance.now();
    await saveStory(db, report);
    saves.push(performance.now() - t0);
  }
  const puts: number[] = [];
  // Numbers well above any the saves gave, so the bare puts add stories rather than replace them.
  let sid = 10_000_000;
  for (const report of reports.slice(runs)) {
    sid += 1;
    const t0 = performance.now();
    await db.put('stories', toStored(mergeStory(undefined, report, Date.now()), undefined, sid));
    puts.push(performance.now() - t0);
  }
  return { saveMs: median(saves), putMs: median(puts) };
}

/**
 * The extension's IndexedDB usage as Chromium counts it now. Chromium keeps the figure it last
 * computed until something is written: read without a write, it can be the size from the last
 * commit, LevelDB files a compaction has since deleted included (20,000 stories: 62 MB reported,
 * 41 MB on disk). So one fixed record is written first, to a small database of its own that
 * exists from the first reading on, and the figure is the size of the files now.
 */
export async function indexedDbUsage(): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(USAGE_PROBE);
    open.onupgradeneeded = () => open.result.createObjectStore('probe');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('probe', 'readwrite');
      tx.objectStore('probe').put(1, 'probe');
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
  const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
  return estimate.usageDetails?.indexedDB ?? estimate.usage ?? 0;
}

const USAGE_PROBE = 'news-tracker-bench-usage-probe';

/** Mean size of one generated story as JSON (UTF-8): what a plain record would take. */
export function jsonBytesPerStory(seed: number, count: number): number {
  const generator = createGenerator(seed, count);
  let bytes = 0;
  for (let i = 0; i < count; i++) bytes += new TextEncoder().encode(JSON.stringify(generator.next().record)).length;
  return bytes / count;
}

/**
 * The popup's path on a cold start: a fresh page opens its own connection (as utils/client.ts
 * does) and reads the first page, without waking the service worker.
 */
export async function coldFirstPage(): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const db = await createDbAccess()();
  const page = await listStories(db, { limit: 50 });
  const ms = performance.now() - t0;
  db.close();
  return { ms, rows: page.stories.length };
}

export const DATABASE_NAME = DB_NAME;
