/**
 * Every earlier schema version, filled with data, upgrades to the current one with nothing
 * lost. Add a case here with each new version (see utils/db/schema.ts).
 */
import { describe, expect, it } from 'vitest';
import { toStoryFact } from '@/utils/dashboard/facts';
import { addEntity, listEntities } from '@/utils/db/entities';
import { DB_VERSION, openNewsDb } from '@/utils/db/schema';
import { addPostingsInBulk, type PostingKey, weekOf } from '@/utils/db/search-index';
import { loadSettings } from '@/utils/db/settings';
import { loadStoryFacts } from '@/utils/db/story-facts';
import { STOP_WORDS, searchWords, splitWords, toStored } from '@/utils/db/story-index';
import { listStories } from '@/utils/db/story-query';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { mergeStory, type StoryRecord } from '@/utils/stories';
import { report } from './story-fixtures';

const NAME = 'upgrade-test';
const EARLIER_VERSIONS = [1, 2, 3, 4];

/**
 * Fills a database at an earlier version as that version's code wrote it: plain StoryRecords
 * under their URL (version 2 also kept the dashboard's fact of each story beside it; version 3
 * kept index fields on each story, its search words among them, and grouped copies; version 4
 * numbered the stories and kept their words in searchPostings, stop words included by mistake,
 * with the newest stories still pending).
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
    // Versions 3 and 4: stories 1 and 3 share a headline and were grouped under story 1.
    const groupId = story.url.endsWith('/3') || story.url.endsWith('/1') ? 'https://v1.example/1' : undefined;
    const asWritten =
      version === 3
        ? { ...toStored(story, groupId), words: searchWords(story) }
        : version === 4
          ? toStored(story, groupId, stories.indexOf(story) + 1)
          : story;
    await tx.objectStore('stories').put(asWritten as never);
    if (version >= 2) await tx.objectStore('storyFacts').put(toStoryFact(story));
  }
  await tx.done;
  if (version === 4) await fillVersion4SearchIndex(db, stories);
  db.close();
  return stories;
}

/** Version 4's search index: the first 25 stories in the word lists with their stop words, the rest pending. */
async function fillVersion4SearchIndex(db: Awaited<ReturnType<typeof openNewsDb>>, stories: StoryRecord[]) {
  const tx = db.transaction(['searchPostings', 'searchPending'], 'readwrite');
  const postings = tx.objectStore('searchPostings');
  const numbered = stories.map((story, i) => ({ ...story, sid: i + 1 }));
  await addPostingsInBulk(postings, numbered.slice(0, 25));
  for (const story of numbered.slice(0, 25)) {
    const text = [story.title, story.publisher ?? '', ...story.snippets].flatMap(splitWords);
    for (const word of new Set(text.filter((w) => w.length >= 2 && STOP_WORDS.has(w)))) {
      const key: PostingKey = [word, weekOf(story.lastSeen)];
      await postings.put([...((await postings.get(key)) ?? []), story.sid], key);
    }
  }
  await tx.objectStore('searchPending').put(
    numbered.slice(25).map((s) => s.sid),
    'sids',
  );
  await tx.done;
}

const stopWordKeys = async (db: Awaited<ReturnType<typeof openNewsDb>>) =>
  (await db.getAllKeys('searchPostings')).filter(([word]) => STOP_WORDS.has(word));

describe('schema upgrades', () => {
  it('every earlier version is covered below', () => {
    expect(EARLIER_VERSIONS).toEqual(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1));
  });

  it.each(EARLIER_VERSIONS)(
    'version %i -> current: keeps every story, company and setting, indexes the old stories',
    async (version) => {
      const before = await fillVersion(version);
      if (version === 4) {
        // The mistake being repaired is really there before the upgrade.
        const old = await openNewsDb(NAME, 4);
        expect((await stopWordKeys(old)).length).toBeGreaterThan(0);
        old.close();
      }
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
      expect((await listStories(db, { limit: 500, search: 'quarterly' })).stories).toHaveLength(version >= 3 ? 14 : 15);
      expect((await listStories(db, { limit: 500, starred: true })).stories.map((s) => s.url)).toEqual([
        'https://v1.example/4',
      ]);
      expect((await listStories(db, { limit: 500, unread: true })).stories).toHaveLength(version >= 3 ? 28 : 29);
      // Version 4: the search index replaced the words on each story.
      expect(db.objectStoreNames.contains('searchPostings')).toBe(true);
      expect([...db.transaction('stories').store.indexNames]).not.toContain('by-word');
      expect((await db.getAll('stories')).filter((s) => s.words !== undefined || s.sid === undefined)).toEqual([]);
      expect((await listStories(db, { limit: 500, search: 'number 17' })).stories.map((s) => s.url)).toEqual([
        'https://v1.example/17',
      ]);
      // Version 5: the search index holds no stop words, nothing is left pending, stop words in a
      // search are ignored, and every story (pending ones included) is found by its words.
      expect(await stopWordKeys(db)).toEqual([]);
      expect(await db.get('searchPending', 'sids')).toBeUndefined();
      const monday = await listStories(db, { limit: 500, search: 'the monday' });
      expect(monday.stories).toHaveLength(version >= 3 ? 29 : 30);
      if (version >= 3) {
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
