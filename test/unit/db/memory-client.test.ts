/**
 * The in-memory client the UI is tested against must answer story queries as the real store
 * does: same stories, same order, same groups, same paging.
 */
import { describe, expect, it } from 'vitest';
import { openNewsDb } from '@/utils/db/schema';
import { saveStory, setStoryFlags } from '@/utils/db/stories';
import { snippetsOf } from '@/utils/db/story-index';
import { countStories } from '@/utils/db/story-keys';
import { listStories } from '@/utils/db/story-query';
import type { StoryQuery, StoryRecord } from '@/utils/stories';
import { memoryStoreClient } from '../../support/memory-client';
import { report } from './story-fixtures';

const QUERIES: StoryQuery[] = [
  { limit: 4 },
  { limit: 50 },
  { limit: 3, entityId: 'apple' },
  { limit: 50, publisher: 'Wire' },
  { limit: 50, unread: true },
  { limit: 50, starred: true },
  { limit: 2, search: 'xiao' },
  { limit: 50, search: 'results europe' },
];

async function storeWithStories() {
  const db = await openNewsDb();
  for (let i = 0; i < 12; i++) {
    await saveStory(
      db,
      report({
        url: `https://site${i % 4}.example/${i}`,
        publisher: i % 4 === 0 ? 'Wire' : `Paper ${i % 4}`,
        title: i % 3 === 0 ? 'Xiaomi reports record results in Europe' : `Apple story number ${i}`,
        // Some were published long before they were read, so the two orders differ.
        publishedTime: i % 5 === 2 ? new Date(i).toISOString() : null,
        mentions: [{ entityId: i % 3 === 0 ? 'xiaomi' : 'apple', count: 1, inHeadline: true, inLead: true }],
      }),
      100 + i,
    );
  }
  await setStoryFlags(db, 'https://site1.example/5', { read: true, starred: true });
  return db;
}

describe('memoryStoreClient', () => {
  it('answers every kind of story query exactly as the IndexedDB store does, page after page', async () => {
    const db = await storeWithStories();
    const records: StoryRecord[] = (await listStories(db, { limit: 500 })).stories;
    const everything = await db.getAll('stories');
    const memory = memoryStoreClient(everything.map((s) => ({ ...s, snippets: snippetsOf(s) })));
    expect(records.length).toBeLessThan(everything.length); // grouping folded some copies

    for (const query of QUERIES.flatMap((q) => [q, { ...q, order: 'read' as const }])) {
      const { limit: _l, order: _o, ...filter } = query;
      expect(await memory.countStories(filter), JSON.stringify(query)).toBe(await countStories(db, filter));
      let cursor: string | null = null;
      do {
        const fromDb = await listStories(db, { ...query, cursor });
        const fromMemory = await memory.listStories({ ...query, cursor });
        expect(fromMemory, JSON.stringify(query)).toEqual(fromDb);
        cursor = fromDb.cursor;
      } while (cursor);
    }
  });

  it('refuses a company tracked twice and reports skipped names when adding many', async () => {
    const client = memoryStoreClient();
    await client.addEntity({ name: 'Apple' });
    const { added, skipped } = await client.addEntities([{ name: 'apple' }, { name: 'Xiaomi' }, { name: '  ' }]);
    expect(added.map((e) => e.name)).toEqual(['Xiaomi']);
    expect(skipped).toEqual([
      { name: 'apple', reason: '"Apple" is already tracked.' },
      { name: '  ', reason: 'A tracked company needs a name.' },
    ]);
  });
});
