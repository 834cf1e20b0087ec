/**
 * The dashboard's day counts stay equal to the counts of the stored stories through every path
 * that changes stories, in any order: page visits (new and revisits that change the companies,
 * publisher or business label), feed stories (and a feed story later read on its page),
 * syndicated copies, deletion, "Not a news story", retention, clear-all and the rebuild.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '@/test/support/seeded-random';
import { saveFeedCheck } from '@/utils/db/feed-stories';
import { watchFeeds } from '@/utils/db/feeds';
import { markNotNews, unmarkNotNews } from '@/utils/db/not-news';
import { applyRetention } from '@/utils/db/retention';
import { DB_NAME, type NewsDb, openNewsDb } from '@/utils/db/schema';
import { clearAllData } from '@/utils/db/settings';
import { deleteStory, saveStory } from '@/utils/db/stories';
import { rebuildStoryFacts } from '@/utils/db/story-facts';
import { copySignature } from '@/utils/feeds/copies';
import type { WatchedFeed } from '@/utils/feeds/watched';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { StoryReport } from '@/utils/stories';
import { storedAndRecounted } from './count-check';
import { report } from './story-fixtures';

const T0 = Date.UTC(2026, 2, 1, 0);
const HOUR = 3600_000;
const COMPANIES = ['xiaomi', 'apple', 'arm', 'tesla'];
const PUBLISHERS = ['Alpha News', 'Beta Wire', null];
let db: NewsDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openNewsDb(DB_NAME);
});

async function expectCountsExact() {
  const { stored, recounted } = await storedAndRecounted(db);
  expect(stored).toEqual(recounted);
}

/** Reports from a pool of 30 addresses; the same address may come back about other companies. */
function randomReports(seed: number) {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  return (): StoryReport => {
    const n = Math.floor(rnd() * 30);
    const named = COMPANIES.filter(() => rnd() < 0.4);
    return report({
      url: `https://news.example/${n}`,
      visitedUrl: `https://news.example/${n}`,
      // Copies: a few headlines are shared by several addresses.
      title: `Story ${n % 12} about ${named.join(' and ') || 'nobody'}`,
      publisher: pick(PUBLISHERS),
      isBusiness: rnd() < 0.5,
      mentions: named.map((entityId) => ({ entityId, count: 1, inHeadline: rnd() < 0.5, inLead: false })),
    });
  };
}

async function feed(): Promise<WatchedFeed> {
  const { added } = await watchFeeds(db, [{ url: 'https://wire.example/rss', title: 'Wire', siteUrl: null }], T0);
  return added[0] as WatchedFeed;
}

describe('day counts', () => {
  it('equal the counts of the stored stories after any sequence of saves, revisits, feeds and deletions', async () => {
    const rnd = seededRandom(18);
    const next = randomReports(19);
    const wire = await feed();
    for (let step = 0; step < 240; step++) {
      // Times spread over a week and across midnights, so revisits land on other days too.
      const now = T0 + Math.floor(rnd() * 7 * 24) * HOUR + Math.floor(rnd() * HOUR);
      const r = next();
      const roll = rnd();
      if (roll < 0.5)
        await saveStory(db, r, now).catch(() => undefined); // refused when marked not news
      else if (roll < 0.7) {
        const item = { report: r, signature: copySignature(r.title, r.snippets[0] ?? ''), seenAt: now };
        await saveFeedCheck(db, wire, [item], now);
      } else if (roll < 0.82) await deleteStory(db, r.url);
      else if (roll < 0.9) await markNotNews(db, r.url, now);
      else if (roll < 0.95) await unmarkNotNews(db, r.url);
      else await applyRetention(db, { ...DEFAULT_SETTINGS, retentionDays: 0, retentionCount: 12 }, now, 5);
      if (step % 40 === 39) await expectCountsExact();
    }
    const { stored } = await storedAndRecounted(db);
    // The sequence really exercised the counts: several companies and days, pairs among them.
    expect(new Set(stored.map((c) => c.day)).size).toBeGreaterThan(2);
    expect(stored.some((c) => [...c.sets.keys()].some((set) => set.includes('\n')))).toBe(true);
    await expectCountsExact();
  });

  it('move a story to another company, day and publisher when a revisit changes them', async () => {
    const url = 'https://news.example/moved';
    const named = (entityId: string) => [{ entityId, count: 1, inHeadline: true, inLead: false }];
    await saveFeedCheck(
      db,
      await feed(),
      [{ report: report({ url, mentions: named('apple') }), signature: copySignature('a b c', ''), seenAt: T0 }],
      T0,
    );
    await saveStory(db, report({ url, publisher: 'Beta Wire', mentions: named('xiaomi') }), T0 + 30 * HOUR);
    const { stored } = await storedAndRecounted(db);
    expect(stored.map((c) => [c.entityId, c.stories, [...c.publishers.keys()]])).toEqual([
      ['xiaomi', 1, ['Beta Wire']],
    ]);
    await expectCountsExact();
  });

  it('are emptied with all data, and rebuilt with the facts', async () => {
    const next = randomReports(7);
    for (let i = 0; i < 20; i++) await saveStory(db, next(), T0 + i * 5 * HOUR);
    await db.clear('dayCounts');
    await rebuildStoryFacts(db);
    await expectCountsExact();
    expect(await db.count('dayCounts')).toBeGreaterThan(0);
    await clearAllData(db);
    expect(await db.count('dayCounts')).toBe(0);
  });

  it('negative control: a deletion that skips writeFact leaves counts the check catches', async () => {
    const next = randomReports(3);
    for (let i = 0; i < 10; i++)
      await saveStory(db, { ...next(), url: `https://news.example/own-${i}` }, T0 + i * HOUR);
    await expectCountsExact();
    const sid = (await db.getKeyFromIndex('stories', 'by-url', 'https://news.example/own-4')) as number;
    const tx = db.transaction(['stories', 'storyFacts'], 'readwrite');
    await Promise.all([tx.objectStore('stories').delete(sid), tx.objectStore('storyFacts').delete(sid), tx.done]);
    const { stored, recounted } = await storedAndRecounted(db);
    expect(stored).not.toEqual(recounted);
  });
});
