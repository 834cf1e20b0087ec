/**
 * Page-side half of the dashboard benchmark (scripts/bench/dashboard.bench.ts), bundled with
 * `bundleForPage` and run inside the extension's own dashboard page, so it writes through the
 * real schema into the real IndexedDB that the dashboard then reads.
 */
import { toStoryFact } from '@/utils/dashboard/facts';
import { openNewsDb } from '@/utils/db/schema';
import { loadStoryFacts } from '@/utils/db/story-facts';
import { toStored } from '@/utils/db/story-index';
import type { StoryRecord } from '@/utils/stories';

const DAY_MS = 86_400_000;
const WORDS =
  'market shares profit quarter revenue chips phone data centre deal merger growth outlook guidance investors ' +
  'factory supply chain battery software cloud licence regulator antitrust launch forecast dividend buyback';

/** A small deterministic generator, so every run stores the same stories. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `count` stories spread over the last `days` days, each naming one to three of `entityIds`,
 * from one of 40 publishers, with the snippets and bylines real records carry.
 */
export function makeStories(count: number, entityIds: string[], now: number, days = 365): StoryRecord[] {
  const next = random(7);
  const words = WORDS.split(' ');
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const seen = now - Math.floor(next() * days * DAY_MS);
    const named = [...new Set([pick(entityIds), ...(next() < 0.3 ? [pick(entityIds)] : [])])];
    const title = `${named.join(' and ')} ${pick(words)} ${pick(words)} ${pick(words)} story ${i}`;
    return {
      url: `https://publisher${i % 40}.example/news/${i}`,
      visitedUrl: `https://publisher${i % 40}.example/news/${i}?utm_source=feed`,
      title,
      publisher: `Publisher ${i % 40}`,
      byline: 'A. Reporter',
      publishedTime: new Date(seen).toISOString(),
      lang: 'en',
      section: 'Business',
      isBusiness: next() < 0.6,
      businessScore: next(),
      mentions: named.map((entityId) => ({
        entityId,
        count: 1 + Math.floor(next() * 5),
        inHeadline: next() < 0.5,
        inLead: next() < 0.5,
      })),
      snippets: [0, 1].map(() => Array.from({ length: 22 }, () => pick(words)).join(' ')),
      firstSeen: seen,
      lastSeen: seen + Math.floor(next() * DAY_MS),
      read: next() < 0.5,
      starred: next() < 0.02,
    };
  });
}

/** Writes stories and their facts straight into the stores, in large transactions. */
export async function fillStore(count: number, entityIds: string[], now: number): Promise<number> {
  const db = await openNewsDb();
  const stories = makeStories(count, entityIds, now);
  for (let start = 0; start < stories.length; start += 5000) {
    const tx = db.transaction(['stories', 'storyFacts'], 'readwrite');
    for (const story of stories.slice(start, start + 5000)) {
      void tx.objectStore('stories').put(toStored(story));
      void tx.objectStore('storyFacts').put(toStoryFact(story));
    }
    await tx.done;
  }
  const total = await db.count('stories');
  db.close();
  return total;
}

/** Times reading every fact (the dashboard's read path), for a first look at the cost. */
export async function timeFacts(): Promise<{ ms: number; count: number }> {
  const db = await openNewsDb();
  const start = performance.now();
  const { facts } = await loadStoryFacts(db);
  const ms = performance.now() - start;
  db.close();
  return { ms, count: facts.length };
}

/** The named baseline: every full story read with getAll, as an export would. */
export async function timeFullRead(): Promise<{ ms: number; count: number }> {
  const db = await openNewsDb();
  const start = performance.now();
  const all = await db.getAll('stories');
  const ms = performance.now() - start;
  db.close();
  return { ms, count: all.length };
}

export async function probe(now: number): Promise<Record<string, number>> {
  const db = await openNewsDb();
  const out: Record<string, number> = {};
  let t = performance.now();
  await db.count('stories');
  out.countStories = performance.now() - t;
  t = performance.now();
  await db.count('storyFacts');
  out.countFacts = performance.now() - t;
  for (const days of [30, 90, 365]) {
    t = performance.now();
    const f = await db.getAllFromIndex('storyFacts', 'by-first-seen', IDBKeyRange.lowerBound(now - days * DAY_MS));
    out[`range${days}`] = performance.now() - t;
    out[`n${days}`] = f.length;
  }
  db.close();
  return out;
}
