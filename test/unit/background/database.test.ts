/**
 * A database left at a newer version by a newer News Tracker (a downgrade or a rolled-back
 * release) is read, never written: the newer version finds it exactly as it left it.
 */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/utils/background/handlers';
import { createDbAccess, isReadOnly } from '@/utils/db/connection';
import { addEntity } from '@/utils/db/entities';
import { NEWER_VERSION_MESSAGE, StorageProblem, UNAVAILABLE_MESSAGE } from '@/utils/db/problems';
import { applyRetention } from '@/utils/db/retention';
import { DB_NAME, DB_VERSION, openNewsDb } from '@/utils/db/schema';
import { saveStory } from '@/utils/db/stories';
import { loadStoryFacts } from '@/utils/db/story-facts';
import { listStories } from '@/utils/db/story-query';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { report } from '../db/story-fixtures';

const NEWER = DB_VERSION + 1;

/** What a newer version might do: one more store, and a field of its own on every story. */
async function leaveAtNewerVersion(): Promise<void> {
  const current = await openNewsDb();
  await addEntity(current, { name: 'Xiaomi' });
  for (let i = 0; i < 3; i++)
    await saveStory(current, report({ url: `https://a.example/${i}`, title: `Story ${i}` }), i);
  current.close();
  const newer = await openDB(DB_NAME, NEWER, {
    async upgrade(db, _old, _new, tx) {
      db.createObjectStore('summaries', { keyPath: 'url' });
      const stories = tx.objectStore('stories');
      for (let c = await stories.openCursor(); c; c = await c.continue())
        await c.update({ ...c.value, futureField: 1 });
    },
  });
  await newer.put('summaries', { url: 'https://a.example/0', text: 'kept' });
  newer.close();
}

async function snapshot() {
  const db = await openDB(DB_NAME);
  const state = {
    version: db.version,
    stores: [...db.objectStoreNames],
    stories: await db.getAll('stories'),
    facts: await db.getAll('storyFacts'),
    entities: await db.getAll('entities'),
    settings: await db.getAll('settings'),
    summaries: await db.getAll('summaries'),
  };
  db.close();
  return state;
}

describe('a database from a newer version', () => {
  it('is opened read-only: stories are listed, every write is refused with a clear message', async () => {
    await leaveAtNewerVersion();
    const before = await snapshot();
    const getDb = createDbAccess();
    const db = await getDb();
    expect(isReadOnly(db)).toBe(true);
    expect((await listStories(db, { limit: 10 })).stories.map((s) => s.title)).toEqual([
      'Story 2',
      'Story 1',
      'Story 0',
    ]);

    await expect(saveStory(db, report({ url: 'https://b.example/new' }))).rejects.toThrow(NEWER_VERSION_MESSAGE);
    await expect(db.put('settings', DEFAULT_SETTINGS, 'settings')).rejects.toThrow(NEWER_VERSION_MESSAGE);
    await expect(db.clear('stories')).rejects.toThrow(NEWER_VERSION_MESSAGE);
    await expect(applyRetention(db, { ...DEFAULT_SETTINGS, retentionCount: 1 })).rejects.toThrow(NEWER_VERSION_MESSAGE);
    // Facts that disagree with the stories are derived for the dashboard without being stored.
    expect((await loadStoryFacts(db)).facts).toHaveLength(3);

    const handlers = createHandlers(getDb);
    const none = { tabId: undefined };
    expect(await handlers['ui:getStorageProblem']({}, none)).toEqual({ problem: NEWER_VERSION_MESSAGE });
    await expect(handlers['ui:deleteAllData']({}, none)).rejects.toThrow(NEWER_VERSION_MESSAGE);
    await expect(handlers['ui:addEntity']({ name: 'Apple' }, none)).rejects.toThrow(NEWER_VERSION_MESSAGE);
    expect((await handlers['ui:listEntities']({}, none)).map((e) => e.name)).toEqual(['Xiaomi']);
    db.close();

    expect(await snapshot()).toEqual(before);
  });

  it('negative control: without the guard, the same writes would change the newer database', async () => {
    await leaveAtNewerVersion();
    const before = await snapshot();
    const unguarded = await openDB(DB_NAME);
    await unguarded.clear('stories');
    unguarded.close();
    expect((await snapshot()).stories).not.toEqual(before.stories);
  });

  it('a database at this version is writable and reports no problem', async () => {
    const getDb = createDbAccess();
    const db = await getDb();
    expect(isReadOnly(db)).toBe(false);
    await saveStory(db, report());
    expect(await createHandlers(getDb)['ui:getStorageProblem']({}, { tabId: undefined })).toEqual({ problem: null });
  });

  it('is reopened after another context upgrades it, instead of blocking the upgrade', async () => {
    const getDb = createDbAccess();
    const first = await getDb();
    const newer = await openDB(DB_NAME, NEWER, { upgrade: (db) => void db.createObjectStore('summaries') });
    newer.close();
    const second = await getDb();
    expect(second).not.toBe(first);
    expect(second.version).toBe(NEWER);
  });
});

describe('IndexedDB unavailable', () => {
  it('becomes a message the popup shows, and opening is tried again on the next request', async () => {
    let attempts = 0;
    const getDb = createDbAccess(async () => {
      attempts += 1;
      if (attempts === 1) throw new DOMException('The user denied permission to access the database.', 'UnknownError');
      return openNewsDb();
    });
    const handlers = createHandlers(getDb);
    const { problem } = await handlers['ui:getStorageProblem']({}, { tabId: undefined });
    expect(problem).toContain(UNAVAILABLE_MESSAGE);
    expect(problem).toContain('The user denied permission');
    await expect(handlers['content:reportStory'](report(), { tabId: undefined })).resolves.toEqual({ saved: true });
    expect(attempts).toBe(2);
  });

  it('a refused write says why and never turns into a half-written story', async () => {
    const getDb = createDbAccess(async () => {
      throw new Error('no IndexedDB in this window');
    });
    const failure = createHandlers(getDb)['content:reportStory'](report(), { tabId: undefined });
    await expect(failure).rejects.toBeInstanceOf(StorageProblem);
    await expect(failure).rejects.toThrow(UNAVAILABLE_MESSAGE);
  });
});
