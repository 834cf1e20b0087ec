/**
 * Page-side half of the dashboard benchmark (scripts/bench/dashboard.bench.ts), bundled with
 * `bundleForPage` and run inside the extension's own dashboard page, so it writes through the
 * real schema into the real IndexedDB that the dashboard then reads.
 */
import { summarize } from '@/utils/dashboard/aggregate';
import { periodRange, systemZone } from '@/utils/dashboard/days';
import { addToCounts, countFacts } from '@/utils/db/day-counts';
import { addEntities, listEntities } from '@/utils/db/entities';
import { toStoryFact } from '@/utils/db/facts';
import { openNewsDb } from '@/utils/db/schema';
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
    const tx = db.transaction(['stories', 'storyFacts', 'dayCounts'], 'readwrite');
    const facts = stories.slice(start, start + 5000).map((story, i) => {
      const sid = start + i + 1;
      void tx.objectStore('stories').put(toStored(story, undefined, sid));
      const fact = toStoryFact(story, sid);
      void tx.objectStore('storyFacts').put(fact);
      return fact;
    });
    await addToCounts(tx.objectStore('dayCounts'), facts);
    await tx.done;
  }
  const total = await db.count('stories');
  db.close();
  return total;
}

/** Tracks `names` through the store's own code; returns their ids. */
export async function trackCompanies(names: string[]): Promise<string[]> {
  const db = await openNewsDb();
  const { added } = await addEntities(
    db,
    names.map((name) => ({ name })),
  );
  db.close();
  return added.map((e) => e.id);
}

/**
 * The named baselines: what the dashboard would cost without the facts store, aggregating the
 * same 30 days (and the same year) from a getAll of the whole stories store. Page loading is not
 * included, so the baselines are flattered, never the dashboard.
 */
export async function aggregateFromFullRead(now: number): Promise<{ days30: number; days365: number }> {
  const db = await openNewsDb();
  const start = performance.now();
  const [stories, entities] = await Promise.all([db.getAll('stories'), listEntities(db)]);
  const facts = stories.map(toStoryFact);
  const read = performance.now() - start;
  const aggregate = (days: number) => {
    const begin = performance.now();
    const summary = summarize(countFacts(facts), entities, periodRange(days, now, systemZone));
    if (summary.timelines.length !== entities.length) throw new Error('baseline summarised the wrong companies');
    return performance.now() - begin;
  };
  const days30 = read + aggregate(30);
  const days365 = read + aggregate(365);
  db.close();
  return { days30, days365 };
}

/** Milliseconds from pressing "365 days" on the open dashboard until it says it counted them. */
export async function switchToYear(): Promise<number> {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === '365 days');
  const status = document.querySelector('.dashboard > [role="status"]');
  if (!button || !status) throw new Error('no 365 days button or status on the dashboard');
  const start = performance.now();
  const done = new Promise<void>((resolve) => {
    const check = () => {
      if (/in the last 365 days\.$/u.test(status.textContent ?? '')) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  button.click();
  await done;
  return performance.now() - start;
}
