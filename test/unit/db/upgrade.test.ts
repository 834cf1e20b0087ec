/**
 * Every earlier schema version, filled with data, upgrades to the current one with nothing
 * lost. Add a case here with each new version (see utils/db/schema.ts).
 */
import { describe, expect, it } from 'vitest';
import { toStoryFact } from '@/utils/dashboard/facts';
import { addEntity, listEntities } from '@/utils/db/entities';
import { DB_VERSION, openNewsDb } from '@/utils/db/schema';
import { loadSettings } from '@/utils/db/settings';
import { loadStoryFacts } from '@/utils/db/story-facts';
import { searchWords, toStored } from '@/utils/db/story-index';
import { listStories } from '@/utils/db/story-query';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { mergeStory, type StoryRecord } from '@/utils/stories';
import { report } from './story-fixtures';

const NAME = 'upgrade-test';
const EARLIER_VERSIONS = [1, 2, 3];

/**
 * Fills a database at an earlier version as that version's code wrote it: plain StoryRecords
 * under their URL (version 2 also kept the dashboard's fact of each story beside it; version 3
 * kept index fields on each story, its search words among them, and grouped copies).
 */
async function fillVersion(version: number): Promise<StoryRecord[]> {
  const db = await openNewsDb(NAME, version);
  await addEntity(db, { name: 'Xiaomi' });
  await db.put('settings', { ...DEFAULT_SETTINGS, notifications: true, retentionDays: 30 }, 'settings');
  const stories = Array.from({ length: 30 }, (_, i) =>
    mergeStory(
      undefined,
      report({
        url: `https://v1.example/${i}`,
        title: i % 2 ? `Xiaomi quarterly results number ${i}` : `Unrelated story ${i}`,
        mentions: [{ entityId: i % 3 ? 'xiaomi' : 'apple', count: 1, inHeadline: false, inLead: false }],
      }),
      1000 + i,
    ),
  );
  stories[4] = { ...(stories[4] as StoryRecord), read: true, starred: true };
  const tx = db.transaction(version >= 2 ? ['stories', 'storyFacts'] : ['stories'], 'readwrite');
  for (const story of stories) {
    // Version 3: stories 1 and 3 share a headline and were grouped under story 1.
    const groupId = story.url.endsWith('/3') || story.url.endsWith('/1') ? 'https://v1.example/1' : undefined;
    const asWritten = version === 3 ? { ...toStored(story, groupId), words: searchWords(story) } : story;
    await tx.objectStore('stories').put(asWritten as never);
    if (version >= 2) await tx.objectStore('storyFacts').put(toStoryFact(story));
  }
  await tx.done;
  db.close();
  return stories;
}

describe('schema upgrades', () => {
  it('every earlier version is covered below', () => {
    expect(EARLIER_VERSIONS).toEqual(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1));
  });

  it.each(EARLIER_VERSIONS)(
    'version %i -> current: keeps every story, company and setting, indexes the old stories',
    async (version) => {
      const before = await fillVersion(version);
      const db = await openNewsDb(NAME);
      expect(db.version).toBe(DB_VERSION);

      expect((await db.getAllKeys('stories')).sort()).toEqual(before.map((s) => s.url).sort());
      const all = await listStories(db, { limit: 500 });
      const four = all.stories.find((s) => s.url === 'https://v1.example/4');
      expect(four).toMatchObject({ read: true, starred: true, title: 'Unrelated story 4', firstSeen: 1004 });

      expect((await listEntities(db)).map((e) => e.name)).toEqual(['Xiaomi']);
      expect(await loadSettings(db)).toMatchObject({ notifications: true, retentionDays: 30 });

      const byEntity = await listStories(db, { limit: 500, entityId: 'apple' });
      expect(byEntity.stories.map((s) => s.url)).toEqual(
        before
          .filter((s) => s.mentions[0]?.entityId === 'apple')
          .map((s) => s.url)
          .reverse(),
      );
      // 15 stories say "quarterly"; version 3 had grouped two of them, which are listed once.
      expect((await listStories(db, { limit: 500, search: 'quarterly' })).stories).toHaveLength(
        version === 3 ? 14 : 15,
      );
      expect((await listStories(db, { limit: 500, starred: true })).stories.map((s) => s.url)).toEqual([
        'https://v1.example/4',
      ]);
      expect((await listStories(db, { limit: 500, unread: true })).stories).toHaveLength(version === 3 ? 28 : 29);
      // Version 4: the search index replaced the words on each story.
      expect(db.objectStoreNames.contains('searchPostings')).toBe(true);
      expect([...db.transaction('stories').store.indexNames]).not.toContain('by-word');
      expect((await db.getAll('stories')).filter((s) => s.words !== undefined || s.sid === undefined)).toEqual([]);
      expect((await listStories(db, { limit: 500, search: 'number 17' })).stories.map((s) => s.url)).toEqual([
        'https://v1.example/17',
      ]);
      if (version === 3) {
        const grouped = (await listStories(db, { limit: 500 })).stories.find((s) => s.url === 'https://v1.example/3');
        expect(grouped?.alsoAt.map((a) => a.url)).toEqual(['https://v1.example/1']);
      }
      const facts = await loadStoryFacts(db);
      expect(facts.rebuilt).toBe(false);
      expect(facts.facts.map((f) => f.url).sort()).toEqual(before.map((s) => s.url).sort());
      db.close();
    },
  );
});
