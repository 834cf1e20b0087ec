/**
 * Every earlier schema version, filled with data, upgrades to the current one with nothing
 * lost. Add a case here with each new version (see utils/db/schema.ts).
 */
import { describe, expect, it } from 'vitest';
import { countFacts } from '@/utils/db/day-counts';
import { addEntity, listEntities } from '@/utils/db/entities';
import { toStoryFact } from '@/utils/db/facts';
import { saveFeedCheck } from '@/utils/db/feed-stories';
import { listFeeds, loadFeedOptions, watchFeeds } from '@/utils/db/feeds';
import { markNotNews } from '@/utils/db/not-news';
import { DB_VERSION, openNewsDb } from '@/utils/db/schema';
import { addPostingsInBulk, type PostingKey, weekOf } from '@/utils/db/search-index';
import { loadSettings } from '@/utils/db/settings';
import { allStories, deleteStory, NotNewsError, saveStory, setStoryFlags } from '@/utils/db/stories';
import { loadStoryFacts } from '@/utils/db/story-facts';
import { STOP_WORDS, searchWords, splitWords } from '@/utils/db/story-index';
import { listStories } from '@/utils/db/story-query';
import { toStored } from '@/utils/db/upgrade-helpers';
import { toDatedStory } from '@/utils/db/upgrade-v9';
import { copySignature } from '@/utils/feeds/copies';
import { DEFAULT_FEED_OPTIONS, type WatchedFeed } from '@/utils/feeds/watched';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { mergeStory, type StoryRecord, type TabState } from '@/utils/stories';
import { storedAndRecounted } from './count-check';
import { report } from './story-fixtures';

const NAME = 'upgrade-test';
/** Version 7: what one open tab held (the badge and "This page"). */
const TAB_STATE: TabState = {
  status: {
    url: 'https://v1.example/17',
    isArticle: true,
    isBusiness: false,
    mentions: [{ entityId: 'xiaomi', count: 1 }],
  },
  recorded: { urls: ['https://v1.example/17'], isBusiness: false },
};
const EARLIER_VERSIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/**
 * Fills a database at an earlier version as that version's code wrote it: plain StoryRecords
 * under their URL (version 2 also kept the dashboard's fact of each story beside it; version 3
 * kept index fields on each story, its search words among them, and grouped copies; version 4
 * numbered the stories and kept their words in searchPostings, stop words included by mistake,
 * with the newest stories still pending; version 5 the same without the stop words; versions 1
 * to 5 kept stories and facts under the story's URL, versions 6 to 9 under the story's number,
 * with the filter indexes keyed by when the story was last read until version 9 dated them). Story 8 was published years
 * before it was read.
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
  stories[8] = { ...(stories[8] as StoryRecord), publishedTime: '1969-12-31T23:00:00Z' };
  stories[27] = { ...(stories[27] as StoryRecord), starred: true };
  const tx = db.transaction(version >= 2 ? ['stories', 'storyFacts'] : ['stories'], 'readwrite');
  for (const story of stories) {
    // Versions 3 to 5: stories 1 and 3 share a headline and were grouped under story 1.
    const groupId = story.url.endsWith('/3') || story.url.endsWith('/1') ? 'https://v1.example/1' : undefined;
    const asWritten =
      version === 3
        ? { ...toStored(story, groupId), words: searchWords(story) }
        : version >= 9
          ? toDatedStory(toStored(story, groupId, stories.indexOf(story) + 1))
          : version >= 4
            ? toStored(story, groupId, stories.indexOf(story) + 1)
            : story;
    await tx.objectStore('stories').put(asWritten as never);
    const fact = toStoryFact(story, version >= 6 ? stories.indexOf(story) + 1 : undefined);
    if (version >= 2) await tx.objectStore('storyFacts').put(fact as never);
  }
  await tx.done;
  if (version >= 4) await fillSearchIndex(db, stories, version === 4);
  if (version >= 7) await db.put('tabStates', TAB_STATE, 3);
  if (version >= 11) {
    const facts = stories.map((story, i) => toStoryFact(story, i + 1));
    await Promise.all(countFacts(facts).map((counted) => db.put('dayCounts', counted)));
  }
  db.close();
  return stories;
}

/**
 * The search index of versions 4 and 5: the first 25 stories in the word lists (with their stop
 * words in version 4), the rest pending.
 */
async function fillSearchIndex(db: Awaited<ReturnType<typeof openNewsDb>>, stories: StoryRecord[], stopWords: boolean) {
  const tx = db.transaction(['searchPostings', 'searchPending'], 'readwrite');
  const postings = tx.objectStore('searchPostings');
  const numbered = stories.map((story, i) => ({ ...story, sid: i + 1 }));
  await addPostingsInBulk(postings, numbered.slice(0, 25));
  for (const story of stopWords ? numbered.slice(0, 25) : []) {
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

/**
 * Version 6: stories and their facts are keyed by the story's number, which a story numbered
 * before keeps (the search index refers to it); the URL is a unique index that saving, flags
 * and deletion go through, so a revisit of an upgraded story still updates it.
 */
async function expectKeyedByNumber(db: Awaited<ReturnType<typeof openNewsDb>>, version: number, before: StoryRecord[]) {
  expect([...db.objectStoreNames].sort()).toEqual([
    'copyBands',
    'dayCounts',
    'deletedStories',
    'entities',
    'feedOptions',
    'feeds',
    'notNews',
    'searchPending',
    'searchPostings',
    'settings',
    'stories',
    'storyFacts',
    'tabStates',
  ]);
  const tx = db.transaction(['stories', 'storyFacts']);
  expect([tx.objectStore('stories').keyPath, tx.objectStore('storyFacts').keyPath]).toEqual(['sid', 'sid']);
  expect([...tx.objectStore('stories').indexNames]).not.toContain('by-sid');
  await tx.done;
  const stories = await db.getAll('stories');
  expect(await db.getAllKeys('stories')).toEqual(stories.map((s) => s.sid));
  expect(new Set(stories.map((s) => s.sid)).size).toBe(before.length);
  if (version >= 4) {
    // Numbered by the earlier version: the same numbers now.
    expect(stories.map((s) => [s.url, s.sid]).sort()).toEqual(before.map((s, i) => [s.url, i + 1]).sort());
  }
  const facts = await db.getAll('storyFacts');
  expect(facts.map((f) => [f.sid, f.url])).toEqual(stories.map((s) => [s.sid, s.url]));
  // Snippets are kept as UTF-8 bytes from version 6 on, and read back as they were written.
  expect(stories.flatMap((s) => s.snippets).every((x) => x instanceof Uint8Array)).toBe(true);
  const snippets = new Map((await allStories(db)).map((s) => [s.url, s.snippets]));
  expect(before.map((s) => snippets.get(s.url))).toEqual(before.map((s) => s.snippets));

  const url = 'https://v1.example/17';
  const sid = await db.getKeyFromIndex('stories', 'by-url', url);
  const revisit = await saveStory(db, report({ url, title: 'Xiaomi quarterly results number 17, revised' }), 5000);
  expect(revisit.isNew).toBe(false);
  expect(await db.count('stories')).toBe(before.length);
  expect(await db.get('stories', sid as number)).toMatchObject({ url, lastSeen: 5000, firstSeen: 1017 });
  expect((await listStories(db, { limit: 500, search: 'revised' })).stories.map((s) => s.url)).toEqual([url]);
  await setStoryFlags(db, url, { starred: true });
  expect((await listStories(db, { limit: 500, starred: true })).stories.map((s) => s.url)).toContain(url);
  await deleteStory(db, url);
  expect(await db.getKeyFromIndex('stories', 'by-url', url)).toBeUndefined();
  expect(await db.get('storyFacts', sid as number)).toBeUndefined();
  expect((await listStories(db, { limit: 500, search: 'number 17' })).stories).toEqual([]);
  // Version 11: the day counts follow the revisit and the deletion.
  const { stored, recounted } = await storedAndRecounted(db);
  expect(stored).toEqual(recounted);
}

/**
 * Version 9: every story is dated (published, else first read) and the filter indexes follow
 * that date, so a story published long before it was read sits at its date in every list.
 */
async function expectDated(db: Awaited<ReturnType<typeof openNewsDb>>) {
  const stored = await db.getAll('stories');
  expect(stored.filter((s) => s.unreadSeen !== undefined || s.starredSeen !== undefined)).toEqual([]);
  const eight = stored.find((s) => s.url === 'https://v1.example/8');
  expect(eight?.dated).toBe(Date.parse('1969-12-31T23:00:00Z'));
  expect(stored.filter((s) => s.url !== eight?.url).every((s) => s.dated === s.firstSeen)).toBe(true);
  for (const query of [
    {},
    { unread: true },
    { entityId: 'xiaomi' },
    { publisher: 'News Example' },
    { search: 'unrelated' },
  ]) {
    const urls = (await listStories(db, { limit: 500, ...query })).stories.map((s) => s.url);
    expect(urls.at(-1), JSON.stringify(query)).toBe('https://v1.example/8');
  }
  expect((await listStories(db, { limit: 500, starred: true })).stories.map((s) => s.url)).toEqual([
    'https://v1.example/27',
    'https://v1.example/4',
  ]);
}

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

      const upgraded = await db.getAll('stories');
      expect(upgraded.map((s) => s.url).sort()).toEqual(before.map((s) => s.url).sort());
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
        'https://v1.example/27',
        'https://v1.example/4',
      ]);
      expect((await listStories(db, { limit: 500, unread: true })).stories).toHaveLength(version >= 3 ? 28 : 29);
      expect(
        (await listStories(db, { limit: 500, unread: false })).stories.map((s) => [s.url, s.read, s.starred]),
      ).toEqual([['https://v1.example/4', true, true]]);
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
      // Versions 5 and 6 left their newest stories pending, and later versions leave them so.
      expect(await db.get('searchPending', 'sids')).toEqual(version >= 5 ? [26, 27, 28, 29, 30] : undefined);
      const monday = await listStories(db, { limit: 500, search: 'the monday' });
      expect(monday.stories).toHaveLength(version >= 3 ? 29 : 30);
      if (version >= 3) {
        const grouped = (await listStories(db, { limit: 500 })).stories.find((s) => s.url === 'https://v1.example/3');
        expect(grouped?.alsoAt.map((a) => a.url)).toEqual(['https://v1.example/1']);
      }
      const facts = await loadStoryFacts(db);
      expect(facts.rebuilt).toBe(false);
      expect(facts.facts.map((f) => f.url).sort()).toEqual(before.map((s) => s.url).sort());
      await expectDated(db);
      await expectKeyedByNumber(db, version, before);
      // Version 7 kept the open tabs' states; version 8 adds the addresses marked not news, none yet.
      expect(await db.get('tabStates', 3)).toEqual(version >= 7 ? TAB_STATE : undefined);
      expect(await db.count('notNews')).toBe(0);
      // Version 11 counted the stories per day; version 12 keeps the addresses deleted since
      // (expectKeyedByNumber deleted story 17).
      const { stored, recounted } = await storedAndRecounted(db);
      expect(stored).toEqual(recounted);
      expect(await db.getAllKeys('deletedStories')).toEqual(['https://v1.example/17']);
      if (version >= 3) {
        // Version 12: the copy's fact names the group's first story; the first story's names none.
        const first = await db.getKeyFromIndex('stories', 'by-url', 'https://v1.example/1');
        const copy = await db.getKeyFromIndex('stories', 'by-url', 'https://v1.example/3');
        expect((await db.get('storyFacts', copy as number))?.copyOf).toBe(first);
        expect((await db.get('storyFacts', first as number))?.copyOf).toBeUndefined();
      }
      db.close();
    },
  );

  it('version 9 -> 10: adds the feed stores and indexes; old stories are page stories, new feed stories are listed', async () => {
    const before = await fillVersion(9);
    const db = await openNewsDb(NAME);
    const stories = db.transaction('stories').store;
    expect([...stories.indexNames]).toEqual(expect.arrayContaining(['by-feed', 'by-feed-unread']));
    expect(await db.countFromIndex('stories', 'by-feed')).toBe(0);
    expect((await listStories(db, { limit: 500, fromFeeds: false })).stories).toHaveLength(before.length - 1);
    expect(await listFeeds(db)).toEqual([]);
    expect(await loadFeedOptions(db)).toEqual(DEFAULT_FEED_OPTIONS);
    const { added } = await watchFeeds(db, [{ url: 'https://wire.example/rss', title: 'Wire', siteUrl: null }], 5000);
    const feed = added[0] as WatchedFeed;
    const lead = 'Xiaomi said its new plant would open next spring, adding two thousand jobs in the region.';
    const saved = await saveFeedCheck(
      db,
      feed,
      [
        {
          report: report({ url: 'https://wire.example/a', title: 'Xiaomi plant opens in spring' }),
          signature: copySignature('Xiaomi plant opens in spring', lead),
          seenAt: 5000,
        },
      ],
      5000,
    );
    expect(saved).toHaveLength(1);
    expect((await listStories(db, { limit: 500, fromFeeds: true })).stories.map((s) => s.url)).toEqual([
      'https://wire.example/a',
    ]);
    expect(await db.count('copyBands')).toBe(1);
    db.close();
  });

  it('version 10 -> 11: counts every stored story per company and local day', async () => {
    const before = await fillVersion(10);
    const db = await openNewsDb(NAME);
    const { stored, recounted } = await storedAndRecounted(db);
    expect(stored).toEqual(recounted);
    // Stories 0 to 29, first read on one day: a third about Apple, the rest about Xiaomi.
    expect(stored.map((c) => [c.entityId, c.stories, c.business])).toEqual([
      ['apple', 10, 10],
      ['xiaomi', 20, 20],
    ]);
    expect(stored[0]?.publishers).toEqual(new Map([['News Example', 10]]));
    expect(before).toHaveLength(30);
    db.close();
  });

  it('version 7 -> 8: an address marked not news loses its story and is refused from then on', async () => {
    const before = await fillVersion(7);
    const db = await openNewsDb(NAME);
    const url = 'https://v1.example/17';
    await markNotNews(db, url, 9000);
    expect(await db.get('notNews', url)).toEqual({ url, markedAt: 9000 });
    expect(await db.count('stories')).toBe(before.length - 1);
    expect(await db.getKeyFromIndex('stories', 'by-url', url)).toBeUndefined();
    await expect(saveStory(db, report({ url }), 9500)).rejects.toBeInstanceOf(NotNewsError);
    expect(await db.count('stories')).toBe(before.length - 1);
    // The control: an address next to it is stored as ever.
    expect((await saveStory(db, report({ url: 'https://v1.example/170' }), 9500)).isNew).toBe(true);
    db.close();
  });

  it('version 11 -> 12: a deleted story’s address is kept, and a feed listing it does not bring it back', async () => {
    await fillVersion(11);
    const db = await openNewsDb(NAME);
    const { added } = await watchFeeds(db, [{ url: 'https://v1.example/rss', title: 'Wire', siteUrl: null }], 5000);
    const feed = added[0] as WatchedFeed;
    const item = (url: string) => ({
      report: report({ url, title: 'Xiaomi quarterly results, again' }),
      signature: copySignature('Xiaomi quarterly results, again', `The story at ${url}.`),
      seenAt: 6000,
    });
    await deleteStory(db, 'https://v1.example/17', 5500);
    expect(await db.get('deletedStories', 'https://v1.example/17')).toEqual({
      url: 'https://v1.example/17',
      deletedAt: 5500,
    });
    const saved = await saveFeedCheck(db, feed, [item('https://v1.example/17'), item('https://v1.example/99')], 6000);
    // The control: the item beside it, never deleted, is stored.
    expect(saved.map((s) => s.url)).toEqual(['https://v1.example/99']);
    db.close();
  });
});
