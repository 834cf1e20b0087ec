/**
 * Retention: off by default; a maximum age and a maximum count delete the oldest unstarred
 * stories, with their dashboard facts and search entries, in small batches.
 */
import { describe, expect, it } from 'vitest';
import { applyRetention } from '@/utils/db/retention';
import { openNewsDb } from '@/utils/db/schema';
import { flushPending } from '@/utils/db/search-index';
import { saveStory, setStoryFlags } from '@/utils/db/stories';
import { listStories } from '@/utils/db/story-query';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { report } from './story-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const NOW = 1000 * DAY;

async function storeDays(days: number[]) {
  const db = await openNewsDb();
  for (const d of days) {
    await saveStory(
      db,
      report({ url: `https://a.example/${d}`, title: `Lumora story ${d}`, snippets: [] }),
      NOW - d * DAY,
    );
  }
  return db;
}

const urls = async (db: Awaited<ReturnType<typeof openNewsDb>>) =>
  (await db.getAll('stories')).map((s) => s.url).sort();

describe('retention', () => {
  it('keeps everything by default', async () => {
    const db = await storeDays([1, 400, 4000]);
    expect(await applyRetention(db, DEFAULT_SETTINGS, NOW)).toBe(0);
    expect(await db.count('stories')).toBe(3);
  });

  it('drops stories older than the maximum age, except starred ones, with their facts and search entries', async () => {
    const db = await storeDays([1, 10, 40, 50]);
    await flushPending(db); // all four in the word lists, not only pending
    await setStoryFlags(db, 'https://a.example/50', { starred: true });
    expect(await applyRetention(db, { ...DEFAULT_SETTINGS, retentionDays: 30 }, NOW)).toBe(1);
    expect(await urls(db)).toEqual(['https://a.example/1', 'https://a.example/10', 'https://a.example/50']);
    expect((await db.getAll('storyFacts')).map((f) => f.url).sort()).toEqual(await urls(db));
    const found = await listStories(db, { limit: 10, search: 'lumora' });
    expect(found.stories.map((s) => s.url)).toEqual([
      'https://a.example/1',
      'https://a.example/10',
      'https://a.example/50',
    ]);
    // The deleted story's number is gone from every word list; each kept one is still there.
    const kept = (await db.getAll('stories')).map((s) => s.sid);
    expect(new Set((await db.getAll('searchPostings')).flat())).toEqual(new Set(kept));
  });

  it('keeps the newest stories up to the maximum count, in batches', async () => {
    const days = Array.from({ length: 230 }, (_, i) => i + 1);
    const db = await storeDays(days);
    expect(await applyRetention(db, { ...DEFAULT_SETTINGS, retentionCount: 20 }, NOW)).toBe(210);
    expect(await urls(db)).toEqual(
      days
        .slice(0, 20)
        .map((d) => `https://a.example/${d}`)
        .sort(),
    );
    expect(await db.count('storyFacts')).toBe(20);
  }, 30_000);

  /**
   * Starts a clean-up of 600 stories and saves one story meanwhile: how many of the old stories
   * were still stored when the save was done (none if the save had to wait for all of it).
   */
  async function oldStoriesLeftWhenSaved(batch?: number) {
    const db = await storeDays(Array.from({ length: 600 }, (_, i) => 100 + i));
    const retention = applyRetention(db, { ...DEFAULT_SETTINGS, retentionDays: 30 }, NOW, batch);
    await saveStory(db, report({ url: 'https://a.example/new', title: 'Lumora story new' }), NOW);
    const left = (await db.count('stories')) - 1;
    expect(await retention).toBe(600);
    expect(await urls(db)).toEqual(['https://a.example/new']);
    return left;
  }

  it('does not make a save wait for the whole clean-up', async () => {
    expect(await oldStoriesLeftWhenSaved()).toBeGreaterThan(0);
  }, 30_000);

  it('negative control: deleting everything in one transaction would make the save wait', async () => {
    expect(await oldStoriesLeftWhenSaved(Number.POSITIVE_INFINITY)).toBe(0);
  }, 30_000);
});
