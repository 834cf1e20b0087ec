import { describe, expect, it } from 'vitest';
import { openNewsDb } from '@/utils/db/schema';
import { FLUSH_AT } from '@/utils/db/search-index';
import { allStories, deleteStory, markAllRead, saveStory, setStoryFlags } from '@/utils/db/stories';
import { getStoriesByUrl } from '@/utils/db/story-facts';
import { listStories } from '@/utils/db/story-query';
import { report } from './story-fixtures';

const titles = (page: { stories: { title: string }[] }) => page.stories.map((s) => s.title);

describe('story store', () => {
  it('updates a revisited story in place, keeping when it was first seen and its flags', async () => {
    const db = await openNewsDb();
    await saveStory(db, report(), 1000);
    await setStoryFlags(db, report().url, { starred: true, read: true });
    const again = await saveStory(db, report({ title: 'Xiaomi moves European user data to Ireland (updated)' }), 2000);
    expect(again.isNew).toBe(false);
    const page = await listStories(db, { limit: 10 });
    expect(page.stories).toHaveLength(1);
    expect(page.stories[0]).toMatchObject({ firstSeen: 1000, lastSeen: 2000, starred: true, read: true });
    expect(page.stories[0]).not.toHaveProperty('words');
  });

  it('gives back snippets with ellipses, curly quotes and any script exactly as reported', async () => {
    const db = await openNewsDb();
    const snippets = ['…Xiaomi’s “data” move, said Lei Jun…', 'Plain Latin-1 text: café', '小米表示… 😀'];
    await saveStory(db, report({ snippets }), 1000);
    expect((await listStories(db, { limit: 10 })).stories[0]?.snippets).toEqual(snippets);
    expect((await allStories(db))[0]?.snippets).toEqual(snippets);
    expect((await getStoriesByUrl(db, [report().url]))[0]?.snippets).toEqual(snippets);
    expect((await listStories(db, { limit: 10, search: 'lei jun' })).stories).toHaveLength(1);
    // Stored as UTF-8, one byte for each ASCII character rather than V8's two once any is not Latin-1.
    const [stored] = await db.getAll('stories');
    expect(stored?.snippets.map((s) => (s as Uint8Array).byteLength)).toEqual(
      snippets.map((s) => new TextEncoder().encode(s).byteLength),
    );
  });

  it('keeps 50 simultaneous reports of the same stories exactly once each', async () => {
    const db = await openNewsDb();
    const urls = ['https://a.example/1', 'https://a.example/2', 'https://a.example/3'];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        saveStory(db, report({ url: urls[i % 3] as string, title: `Story number ${i % 3} about Xiaomi phones` })),
      ),
    );
    expect(await db.count('stories')).toBe(3);
  });

  it('groups the same headline from several publishers and lists it once with "also at"', async () => {
    const db = await openNewsDb();
    const title = 'Xiaomi moves European user data to Ireland';
    await saveStory(db, report({ url: 'https://wire.example/x', publisher: 'Wire' }), 1000);
    await saveStory(db, report({ url: 'https://paper.example/x', publisher: 'Paper', title }), 2000);
    await saveStory(db, report({ url: 'https://other.example/y', title: 'Apple opens a new store in Milan' }), 1500);
    const page = await listStories(db, { limit: 10 });
    expect(titles(page)).toEqual([title, 'Apple opens a new store in Milan']);
    expect(page.stories[0]?.url).toBe('https://paper.example/x');
    expect(page.stories[0]?.alsoAt).toEqual([{ publisher: 'Wire', url: 'https://wire.example/x' }]);
    // Asked for one publisher, its own copy is listed.
    expect((await listStories(db, { limit: 10, publisher: 'Wire' })).stories.map((s) => s.url)).toEqual([
      'https://wire.example/x',
    ]);
  });

  it('names the group’s first story on every copy’s fact, however many copies join, and on no other', async () => {
    const db = await openNewsDb();
    await saveStory(db, report({ url: 'https://wire.example/x', publisher: 'Wire' }), 1000);
    await saveStory(db, report({ url: 'https://paper.example/x', publisher: 'Paper' }), 2000);
    await saveStory(db, report({ url: 'https://third.example/x', publisher: 'Third' }), 3000);
    await saveStory(db, report({ url: 'https://other.example/y', title: 'Apple opens a new store in Milan' }), 1500);
    // A copy read again keeps its place in the group.
    await saveStory(db, report({ url: 'https://paper.example/x', publisher: 'Paper' }), 4000);
    const copyOf = Object.fromEntries((await db.getAll('storyFacts')).map((f) => [f.url, f.copyOf]));
    const first = await db.getKeyFromIndex('stories', 'by-url', 'https://wire.example/x');
    expect(copyOf).toEqual({
      'https://wire.example/x': undefined,
      'https://paper.example/x': first,
      'https://third.example/x': first,
      'https://other.example/y': undefined,
    });
  });

  it('does not group short, generic headlines', async () => {
    const db = await openNewsDb();
    await saveStory(db, report({ url: 'https://a.example/live', title: 'Live updates' }), 1);
    await saveStory(db, report({ url: 'https://b.example/live', title: 'Live updates' }), 2);
    expect((await listStories(db, { limit: 10 })).stories).toHaveLength(2);
  });

  it('pages newest first with a cursor, without repeating or skipping stories', async () => {
    const db = await openNewsDb();
    for (let i = 0; i < 7; i++) {
      // Two stories share each time, so the URL breaks the tie.
      await saveStory(db, report({ url: `https://a.example/${i}`, title: `Story ${i}` }), 1000 + Math.floor(i / 2));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listStories(db, { limit: 3, cursor });
      seen.push(...page.stories.map((s) => s.url));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `https://a.example/${i}`));
  });

  it('reads in chunks without losing or repeating stories that share a time across chunk edges', async () => {
    const db = await openNewsDb();
    // 25 stories at only three distinct times, filtered by entity so chunks skip some of them.
    for (let i = 0; i < 25; i++) {
      const entityId = i % 4 === 0 ? 'apple' : 'xiaomi';
      const mentions = [{ entityId, count: 1, inHeadline: false, inLead: false }];
      await saveStory(
        db,
        report({ url: `https://t.example/${String(i).padStart(2, '0')}`, title: `T${i}`, mentions }),
        i % 3,
      );
    }
    for (const query of [{}, { entityId: 'xiaomi' }, { unread: true }]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listStories(db, { limit: 4, cursor, ...query });
        seen.push(...page.stories.map((s) => s.url));
        cursor = page.cursor;
      } while (cursor);
      const all = (await listStories(db, { limit: 500, ...query })).stories.map((s) => s.url);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(query.entityId ? 18 : 25);
    }
  });

  it('filters by entity, publisher, unread and starred, and combines filters', async () => {
    const db = await openNewsDb();
    await saveStory(db, report({ url: 'https://a.example/1', title: 'One', publisher: 'A' }), 1);
    await saveStory(
      db,
      report({
        url: 'https://b.example/2',
        title: 'Two',
        publisher: 'B',
        mentions: [{ entityId: 'apple', count: 1, inHeadline: false, inLead: true }],
      }),
      2,
    );
    await saveStory(db, report({ url: 'https://a.example/3', title: 'Three', publisher: 'A' }), 3);
    await setStoryFlags(db, 'https://a.example/3', { read: true, starred: true });
    expect(titles(await listStories(db, { limit: 10, entityId: 'xiaomi' }))).toEqual(['Three', 'One']);
    expect(titles(await listStories(db, { limit: 10, entityId: 'apple' }))).toEqual(['Two']);
    expect(titles(await listStories(db, { limit: 10, publisher: 'A' }))).toEqual(['Three', 'One']);
    expect(titles(await listStories(db, { limit: 10, unread: true }))).toEqual(['Two', 'One']);
    expect(titles(await listStories(db, { limit: 10, starred: true }))).toEqual(['Three']);
    expect(titles(await listStories(db, { limit: 10, entityId: 'xiaomi', unread: true }))).toEqual(['One']);
    expect(await markAllRead(db)).toBe(2);
    expect(titles(await listStories(db, { limit: 10, unread: true }))).toEqual([]);
    await deleteStory(db, 'https://a.example/1');
    expect(titles(await listStories(db, { limit: 10 }))).toEqual(['Three', 'Two']);
  });

  it('searches title, publisher and snippets by word, accents ignored, last word as a prefix', async () => {
    const db = await openNewsDb();
    await saveStory(
      db,
      report({ url: 'https://a.example/1', title: 'Société Générale cuts jobs', publisher: 'Le Monde' }),
      1,
    );
    await saveStory(
      db,
      report({ url: 'https://a.example/2', title: 'Banks rally', snippets: ['Generali shares rose'] }),
      2,
    );
    await saveStory(db, report({ url: 'https://a.example/3', title: 'Weather', publisher: 'Daily Planet' }), 3);
    expect(titles(await listStories(db, { limit: 10, search: 'generale' }))).toEqual(['Société Générale cuts jobs']);
    expect(titles(await listStories(db, { limit: 10, search: 'GENERAL' }))).toEqual([
      'Banks rally',
      'Société Générale cuts jobs',
    ]);
    expect(titles(await listStories(db, { limit: 10, search: 'planet' }))).toEqual(['Weather']);
    expect(titles(await listStories(db, { limit: 10, search: 'monde cuts' }))).toEqual(['Société Générale cuts jobs']);
    expect(titles(await listStories(db, { limit: 10, search: 'monde rally' }))).toEqual([]);
  });

  it('a search pages newest first across weeks, and follows a story seen again into its new week', async () => {
    const db = await openNewsDb();
    const DAY = 24 * 60 * 60 * 1000;
    for (let i = 0; i < 60; i++) {
      const title = i % 3 ? `Xiaomi story ${i}` : `Apple story ${i}`;
      await saveStory(db, report({ url: `https://a.example/${i}`, title, snippets: [] }), i * DAY);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listStories(db, { limit: 7, search: 'xiao', cursor });
      seen.push(...titles(page));
      cursor = page.cursor;
    } while (cursor);
    const expected = Array.from({ length: 60 }, (_, i) => 59 - i).filter((i) => i % 3);
    expect(seen).toEqual(expected.map((i) => `Xiaomi story ${i}`));

    // Story 1 is read again today with a new headline: it is found under its new words only, at
    // the top of what was read last, and where it was by its date.
    await saveStory(db, report({ url: 'https://a.example/1', title: 'Samsung story 1', snippets: [] }), 61 * DAY);
    expect(titles(await listStories(db, { limit: 2, search: 'samsung' }))).toEqual(['Samsung story 1']);
    expect(titles(await listStories(db, { limit: 100, search: 'xiaomi' }))).not.toContain('Xiaomi story 1');
    expect(titles(await listStories(db, { limit: 1, search: 'story', order: 'read' }))).toEqual(['Samsung story 1']);
    expect(titles(await listStories(db, { limit: 100, search: 'story' })).slice(-2)).toEqual([
      'Samsung story 1',
      'Apple story 0',
    ]);
    await deleteStory(db, 'https://a.example/1');
    expect(titles(await listStories(db, { limit: 2, search: 'samsung' }))).toEqual([]);
  });

  it('new stories wait as pending and join the word lists in batches, found by search either way', async () => {
    const db = await openNewsDb();
    const save = (i: number) =>
      saveStory(db, report({ url: `https://p.example/${i}`, title: `Lumora deal ${i}`, snippets: [] }), 1000 + i);
    for (let i = 0; i < FLUSH_AT - 1; i++) await save(i);
    expect(await db.get('searchPending', 'sids')).toHaveLength(FLUSH_AT - 1);
    expect(await db.count('searchPostings')).toBe(0);
    expect(titles(await listStories(db, { limit: 2, search: 'lumo' }))).toEqual([
      `Lumora deal ${FLUSH_AT - 2}`,
      `Lumora deal ${FLUSH_AT - 3}`,
    ]);
    await save(FLUSH_AT - 1); // the batch is full: the lists are brought up to date after the save
    await expect.poll(async () => (await db.get('searchPending', 'sids'))?.length).toBe(0);
    await save(FLUSH_AT);
    const all = await listStories(db, { limit: 100, search: 'lumora deal' });
    expect(all.stories).toHaveLength(FLUSH_AT + 1);
    expect(new Set((await db.getAll('searchPostings')).flat()).size).toBe(FLUSH_AT);
    // Seen again while in the lists: moved at once, not pending again.
    await saveStory(db, report({ url: 'https://p.example/3', title: 'Lumora deal 3', snippets: [] }), 5000);
    expect(await db.get('searchPending', 'sids')).toHaveLength(1);
    expect(titles(await listStories(db, { limit: 1, search: 'lumora', order: 'read' }))).toEqual(['Lumora deal 3']);
    expect(titles(await listStories(db, { limit: 1, search: 'lumora' }))).toEqual([`Lumora deal ${FLUSH_AT}`]);
  });

  it('refuses flags for a story that is gone, with a clear message', async () => {
    const db = await openNewsDb();
    await expect(setStoryFlags(db, 'https://gone.example/', { read: true })).rejects.toThrow(
      'That story is no longer stored.',
    );
  });
});
