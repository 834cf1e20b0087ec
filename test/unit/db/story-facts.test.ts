import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, openNewsDb } from '@/utils/db/schema';
import { saveStory } from '@/utils/db/stories';
import { getStoriesByUrl, loadStoryFacts } from '@/utils/db/story-facts';
import type { StoryReport } from '@/utils/stories';
import { storyRecord } from '../dashboard/story-fixtures';

function report(overrides: Partial<StoryReport> = {}): StoryReport {
  const { firstSeen: _f, lastSeen: _l, read: _r, starred: _s, ...rest } = storyRecord();
  return { ...rest, ...overrides };
}

describe('story facts for the dashboard', () => {
  it('are created for every story already stored when a version 1 database is upgraded', async () => {
    // Version 1 exactly as it was released.
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('entities', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
        db.createObjectStore('stories', { keyPath: 'url' }).createIndex('by-last-seen', 'lastSeen');
        db.createObjectStore('settings');
      },
    });
    await v1.put('stories', storyRecord({ url: 'https://news.example/a' }));
    await v1.put('stories', storyRecord({ url: 'https://news.example/b', title: 'Second', isBusiness: false }));
    v1.close();

    const db = await openNewsDb();
    const { facts, rebuilt } = await loadStoryFacts(db);
    expect(rebuilt).toBe(false);
    expect(facts.map((f) => [f.url, f.title, f.business])).toEqual([
      ['https://news.example/a', 'Xiaomi opens a data centre', true],
      ['https://news.example/b', 'Second', false],
    ]);
    expect(await db.count('stories')).toBe(2);
  });

  it('follow each saved story, and a revisit updates the fact but keeps the day it was first read', async () => {
    const db = await openNewsDb();
    const first = Date.UTC(2026, 0, 5, 9);
    await saveStory(
      db,
      report({ mentions: [{ entityId: 'xiaomi', count: 1, inHeadline: false, inLead: true }] }),
      first,
    );
    await saveStory(
      db,
      report({
        title: 'Xiaomi and Apple open data centres',
        mentions: [
          { entityId: 'xiaomi', count: 3, inHeadline: true, inLead: true },
          { entityId: 'apple', count: 1, inHeadline: true, inLead: false },
        ],
      }),
      first + 86_400_000 * 3,
    );
    const { facts } = await loadStoryFacts(db);
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({
      title: 'Xiaomi and Apple open data centres',
      firstSeen: first,
      entityIds: ['xiaomi', 'apple'],
    });
  });

  it('are rebuilt when they drift from the stories, so counts never disagree with the store', async () => {
    const db = await openNewsDb();
    await saveStory(db, report({ url: 'https://news.example/a' }));
    await saveStory(db, report({ url: 'https://news.example/b' }));
    // A deletion path that forgot the facts.
    await db.delete('stories', (await db.getKeyFromIndex('stories', 'by-url', 'https://news.example/a')) as number);
    const loaded = await loadStoryFacts(db);
    expect(loaded.rebuilt).toBe(true);
    expect(loaded.facts.map((f) => f.url)).toEqual(['https://news.example/b']);
    expect((await loadStoryFacts(db)).rebuilt).toBe(false);
  });

  it('lead back to full records in the order asked, leaving out stories that are gone', async () => {
    const db = await openNewsDb();
    await saveStory(db, report({ url: 'https://news.example/a', title: 'A' }));
    await saveStory(db, report({ url: 'https://news.example/b', title: 'B' }));
    const stories = await getStoriesByUrl(db, [
      'https://news.example/b',
      'https://gone.example/',
      'https://news.example/a',
    ]);
    expect(stories.map((s) => s.title)).toEqual(['B', 'A']);
  });
});
