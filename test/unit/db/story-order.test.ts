/**
 * The story list's two orders: newest published first (first read where the page gave no
 * date), and last read first; each with every filter, search and paging, and the count of
 * matching stories. Checked against a plain sort of every story.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/test/support/seeded-random';
import { openNewsDb } from '@/utils/db/schema';
import { saveStory, setStoryFlags } from '@/utils/db/stories';
import { countStories } from '@/utils/db/story-keys';
import { listStories } from '@/utils/db/story-query';
import { type StoryOrder, type StoryQuery, type StoryRecord, storyDate } from '@/utils/stories';
import { report } from './story-fixtures';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12);
const titles = (page: { stories: { title: string }[] }) => page.stories.map((s) => s.title);

describe('newest published first', () => {
  it('puts a story published years ago below this week’s news, however recently it was read', async () => {
    const db = await openNewsDb();
    await saveStory(
      db,
      report({ url: 'https://a.example/new', title: 'Fresh', publishedTime: '2026-11-19T08:00:00Z' }),
      NOW - DAY,
    );
    await saveStory(
      db,
      report({ url: 'https://a.example/old', title: 'Archive', publishedTime: '2016-03-12T09:00:00Z' }),
      NOW,
    );
    await saveStory(
      db,
      report({ url: 'https://a.example/undated', title: 'Undated', publishedTime: null }),
      NOW - 2 * DAY,
    );
    // A date after the first read (a page that re-dates itself on update) counts as the first read.
    await saveStory(
      db,
      report({ url: 'https://a.example/future', title: 'Re-dated', publishedTime: '2027-01-01T00:00:00Z' }),
      NOW - 3 * DAY,
    );

    expect(titles(await listStories(db, { limit: 10 }))).toEqual(['Fresh', 'Undated', 'Re-dated', 'Archive']);
    expect(titles(await listStories(db, { limit: 10, order: 'read' }))).toEqual([
      'Archive',
      'Fresh',
      'Undated',
      'Re-dated',
    ]);
    expect(titles(await listStories(db, { limit: 10, search: 'archive' }))).toEqual(['Archive']);
  });

  it('keeps a revisited story at its date, and moves it to the top of what was read last', async () => {
    const db = await openNewsDb();
    for (let i = 0; i < 5; i++) {
      await saveStory(db, report({ url: `https://a.example/${i}`, title: `Story ${i}` }), NOW + i * DAY);
    }
    await saveStory(db, report({ url: 'https://a.example/1', title: 'Story 1' }), NOW + 9 * DAY);
    expect(titles(await listStories(db, { limit: 10 }))).toEqual([
      'Story 4',
      'Story 3',
      'Story 2',
      'Story 1',
      'Story 0',
    ]);
    expect(titles(await listStories(db, { limit: 2, order: 'read' }))).toEqual(['Story 1', 'Story 4']);
  });
});

/** A year of stories, many read long after they were published, some twice. */
async function yearOfStories(seed: number) {
  const db = await openNewsDb();
  const rnd = seededRandom(seed);
  for (let i = 0; i < 160; i++) {
    const firstRead = NOW - Math.floor(rnd() * 365 * DAY);
    const late = rnd() < 0.3;
    const publishedTime =
      rnd() < 0.15 ? null : new Date(firstRead - (late ? rnd() * 900 * DAY : rnd() * DAY)).toISOString();
    const entity = ['apple', 'xiaomi', 'tesla'][i % 3] as string;
    const r = report({
      url: `https://n${i % 5}.example/${i}`,
      title: `${entity} ${rnd() < 0.4 ? 'quarterly results' : 'factory news'} ${i}`,
      publisher: `Paper ${i % 5}`,
      publishedTime,
      snippets: [],
      mentions: [{ entityId: entity, count: 1, inHeadline: true, inLead: true }],
    });
    await saveStory(db, r, firstRead);
    if (rnd() < 0.2) await saveStory(db, r, Math.min(NOW, firstRead + rnd() * 200 * DAY));
    if (rnd() < 0.3) await setStoryFlags(db, r.url, { read: true, starred: rnd() < 0.4 });
  }
  return db;
}

function expectedOrder(all: StoryRecord[], query: Omit<StoryQuery, 'limit'>): string[] {
  const at = (s: StoryRecord) => ((query.order ?? 'published') === 'read' ? s.lastSeen : storyDate(s));
  const words = (query.search ?? '').split(' ').filter(Boolean);
  return all
    .filter(
      (s) =>
        (query.entityId === undefined || s.mentions.some((m) => m.entityId === query.entityId)) &&
        (query.publisher === undefined || s.publisher === query.publisher) &&
        (query.unread === undefined || s.read !== query.unread) &&
        (query.starred === undefined || s.starred === query.starred) &&
        words.every((w) => s.title.split(' ').some((t) => t.startsWith(w))),
    )
    .sort((a, b) => at(b) - at(a) || (a.url < b.url ? 1 : -1))
    .map((s) => s.url);
}

const FILTERS: Omit<StoryQuery, 'limit'>[] = [
  {},
  { entityId: 'xiaomi' },
  { publisher: 'Paper 2' },
  { unread: true },
  { unread: false },
  { starred: true },
  { entityId: 'apple', unread: true },
  { search: 'quarterly' },
  { search: 'quar', entityId: 'tesla' },
  { search: 'factory', starred: false },
];

describe('both orders over a year of stories', () => {
  it.each(['published', 'read'] as StoryOrder[])(
    'pages %s-first with every filter exactly as a full sort does',
    async (order) => {
      const db = await yearOfStories(7);
      const all = (await listStories(db, { limit: 1000 })).stories;
      expect(all).toHaveLength(160);
      for (const filter of FILTERS) {
        const query = { ...filter, order };
        const urls: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await listStories(db, { ...query, limit: 7, cursor });
          urls.push(...page.stories.map((s) => s.url));
          cursor = page.cursor;
        } while (cursor);
        expect(urls, JSON.stringify(query)).toEqual(expectedOrder(all, query));
      }
    },
  );

  it('counts the stories answering each filter', async () => {
    const db = await yearOfStories(11);
    const all = (await listStories(db, { limit: 1000 })).stories;
    for (const filter of FILTERS) {
      expect(await countStories(db, filter), JSON.stringify(filter)).toBe(expectedOrder(all, filter).length);
    }
  });
});
