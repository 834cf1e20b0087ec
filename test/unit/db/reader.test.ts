/**
 * The dashboard's store over IndexedDB (fake-indexeddb here) and its in-memory twin answer
 * alike, and the story list's orders follow the popup's filters.
 */
import { describe, expect, it } from 'vitest';
import { memoryStoryReader } from '@/test/support/memory-reader';
import { keyFilterOf, orderFacts } from '@/utils/dashboard/story-order';
import { localDay } from '@/utils/db/day-counts';
import { addEntity, listEntities } from '@/utils/db/entities';
import { toStoryFact } from '@/utils/db/facts';
import { openStoryReader, type StoryReader } from '@/utils/db/reader';
import { openNewsDb } from '@/utils/db/schema';
import { allStories, saveStory, setStoryFlags } from '@/utils/db/stories';
import { loadFactsSince } from '@/utils/db/story-facts';
import { storyRecord } from '../dashboard/story-fixtures';
import { report } from './story-fixtures';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 12);

async function fill() {
  const db = await openNewsDb();
  const reports = [
    report({
      url: 'https://a.example/xiaomi-data',
      title: 'Xiaomi moves data to Ireland',
      publisher: 'alpha News',
      mentions: [{ entityId: 'xiaomi', count: 1, inHeadline: false, inLead: true }],
    }),
    report({
      url: 'https://b.example/apple-xiaomi',
      title: 'Apple and Xiaomi settle patent case',
      publisher: 'Beta Wire',
      snippets: ['The settlement ends a long dispute over cameras'],
      mentions: [
        { entityId: 'apple', count: 4, inHeadline: true, inLead: true },
        { entityId: 'xiaomi', count: 1, inHeadline: true, inLead: false },
      ],
    }),
    report({
      url: 'https://c.example/apple-store',
      title: 'Apple opens a store in Madrid',
      publisher: null,
      isBusiness: false,
      mentions: [{ entityId: 'apple', count: 9, inHeadline: false, inLead: false }],
    }),
    report({
      url: 'https://d.example/xiaomi-cars',
      title: 'Xiaomi electric car deliveries double',
      publisher: 'Alpha News',
      mentions: [{ entityId: 'xiaomi', count: 2, inHeadline: true, inLead: false }],
    }),
  ];
  for (const [i, r] of reports.entries()) await saveStory(db, r, T0 + i * DAY);
  await addEntity(db, { name: 'Xiaomi', watchlist: 'Clients' });
  await setStoryFlags(db, 'https://b.example/apple-xiaomi', { read: true, starred: true });
  await setStoryFlags(db, 'https://a.example/xiaomi-data', { read: true });
  return db;
}

async function both(): Promise<[string, StoryReader][]> {
  const db = await fill();
  return [
    ['IndexedDB', openStoryReader(async () => db)],
    ['memory', memoryStoryReader(await allStories(db), await listEntities(db))],
  ];
}

describe('dashboard store', () => {
  it('reads the tracked companies', async () => {
    for (const [name, store] of await both()) {
      expect(
        (await store.listEntities()).map((e) => [e.name, e.watchlist]),
        name,
      ).toEqual([['Xiaomi', 'Clients']]);
    }
  });

  it('reads the facts from a moment on, through the first-seen index', async () => {
    for (const [name, store] of await both()) {
      const urls = (await store.factsSince(T0 + 2 * DAY)).map((f) => f.url).sort();
      expect(urls, name).toEqual(['https://c.example/apple-store', 'https://d.example/xiaomi-cars']);
      expect(await store.factsSince(Number.NEGATIVE_INFINITY), name).toHaveLength(4);
      const between = await store.factsSince(T0 + DAY, T0 + 3 * DAY);
      expect(between.map((f) => f.url).sort(), name).toEqual([
        'https://b.example/apple-xiaomi',
        'https://c.example/apple-store',
      ]);
      expect(await store.factsSince(Number.NEGATIVE_INFINITY, T0 + DAY), name).toHaveLength(1);
    }
  });

  it('answers the unread, starred and search filters with the popup’s rules', async () => {
    for (const [name, store] of await both()) {
      const urlOf = new Map((await store.factsSince(Number.NEGATIVE_INFINITY)).map((f) => [f.sid, f.url]));
      const keys = async (filter: Parameters<StoryReader['keysMatching']>[0]) => {
        const found = await store.keysMatching(filter);
        return found && [...found].map((sid) => urlOf.get(sid)).sort();
      };
      expect(await keys({}), name).toBeNull();
      expect(await keys({ unread: true }), name).toEqual([
        'https://c.example/apple-store',
        'https://d.example/xiaomi-cars',
      ]);
      expect(await keys({ unread: false }), name).toEqual([
        'https://a.example/xiaomi-data',
        'https://b.example/apple-xiaomi',
      ]);
      expect(await keys({ starred: true }), name).toEqual(['https://b.example/apple-xiaomi']);
      expect(await keys({ search: 'camer' }), name).toEqual(['https://b.example/apple-xiaomi']);
      expect(await keys({ search: 'xiaomi cameraman' }), name).toEqual([]);
      expect(await keys({ search: 'apple', unread: true }), name).toEqual(['https://c.example/apple-store']);
      expect(await keys({ search: 'alpha xiaomi' }), name).toEqual([
        'https://a.example/xiaomi-data',
        'https://d.example/xiaomi-cars',
      ]);
    }
  });

  it('returns full stories in the order asked, leaving out ones deleted since', async () => {
    for (const [name, store] of await both()) {
      const stories = await store.storiesByUrl([
        'https://d.example/xiaomi-cars',
        'https://gone.example/',
        'https://a.example/xiaomi-data',
      ]);
      expect(
        stories.map((s) => s.title),
        name,
      ).toEqual(['Xiaomi electric car deliveries double', 'Xiaomi moves data to Ireland']);
      expect(stories[1]?.read, name).toBe(true);
    }
  });

  it('reads the day counts of a range of local days, both end days included', async () => {
    const day = localDay(T0);
    for (const [name, store] of await both()) {
      const counted = (await store.dayCounts(day + 1, day + 2)).map((c) => [c.day - day, c.entityId, c.stories]);
      expect(counted.sort(), name).toEqual([
        [1, 'apple', 1],
        [1, 'xiaomi', 1],
        [2, 'apple', 1],
      ]);
      const apple = (await store.dayCounts(day + 2, day + 2))[0];
      expect(apple, name).toMatchObject({ business: 0, publishers: new Map([[null, 1]]) });
      expect(await store.dayCounts(day + 4, day + 30), name).toEqual([]);
    }
  });
});

describe('reading facts by first-seen time', () => {
  it('gives the same facts whether a range is read through the index or as the whole store', async () => {
    const db = await openNewsDb();
    const tx = db.transaction('storyFacts', 'readwrite');
    for (let i = 0; i < 120; i++) {
      // Uneven spacing: the store cannot guess a range's size from the time it spans.
      const firstSeen = T0 + Math.round(i * i * 0.37 * DAY);
      await tx.store.put({ ...toStoryFact(storyRecord({ url: `https://f.example/${i}` })), firstSeen, sid: i + 1 });
    }
    await tx.done;
    const all = await db.getAll('storyFacts');
    const span = Math.max(...all.map((f) => f.firstSeen)) - T0;
    const bounds = [Number.NEGATIVE_INFINITY, T0 - DAY, T0, T0 + 5 * DAY, T0 + span / 3, T0 + span / 2, T0 + span + 1];
    for (const since of bounds) {
      for (const before of [...bounds, Number.POSITIVE_INFINITY]) {
        const expected = all.filter((f) => f.firstSeen >= since && f.firstSeen < before).map((f) => f.url);
        const got = (await loadFactsSince(db, since, before)).map((f) => f.url);
        expect(got.sort(), `${since} to ${before}`).toEqual(expected.sort());
      }
    }
  });
});

describe('story list orders', () => {
  const facts = async () => loadFactsSince(await fill(), Number.NEGATIVE_INFINITY);

  it('by relevance: headline mentions first, then the lead, then how often, then newest', async () => {
    const ordered = orderFacts(await facts(), {}, null, 'relevance');
    expect(ordered.map((f) => f.title)).toEqual([
      'Apple and Xiaomi settle patent case', // two headline mentions
      'Xiaomi electric car deliveries double', // one
      'Xiaomi moves data to Ireland', // in the lead
      'Apple opens a store in Madrid', // nine times further down
    ]);
  });

  it('by publisher: A to Z ignoring case, stories without a publisher last, newest first within one', async () => {
    const ordered = orderFacts(await facts(), {}, null, 'publisher');
    expect(ordered.map((f) => [f.publisher, f.title])).toEqual([
      ['Alpha News', 'Xiaomi electric car deliveries double'],
      ['alpha News', 'Xiaomi moves data to Ireland'],
      ['Beta Wire', 'Apple and Xiaomi settle patent case'],
      [null, 'Apple opens a store in Madrid'],
    ]);
  });

  it('keeps only the chosen company, publisher and index matches', async () => {
    const all = await facts();
    expect(orderFacts(all, { entityId: 'apple' }, null, 'published').map((f) => f.title)).toEqual([
      'Apple opens a store in Madrid',
      'Apple and Xiaomi settle patent case',
    ]);
    expect(orderFacts(all, { publisher: 'Beta Wire' }, null, 'published')).toHaveLength(1);
    const keys = new Set(
      all
        .filter((f) => ['https://a.example/xiaomi-data', 'https://c.example/apple-store'].includes(f.url))
        .map((f) => f.sid as number),
    );
    expect(orderFacts(all, { entityId: 'xiaomi' }, keys, 'relevance').map((f) => f.url)).toEqual([
      'https://a.example/xiaomi-data',
    ]);
  });

  it('asks the indexes only for the filters facts cannot answer', () => {
    expect(keyFilterOf({ entityId: 'x', publisher: 'p' })).toBeNull();
    expect(keyFilterOf({ search: '   ' })).toBeNull();
    expect(keyFilterOf({ entityId: 'x', unread: true, search: ' data ' })).toEqual({ unread: true, search: 'data' });
  });
});
