import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { publishContentState } from '@/utils/background/content-state';
import { readContentState } from '@/utils/content-state';
import { addEntity, removeEntity, updateEntity } from '@/utils/db/entities';
import { openNewsDb } from '@/utils/db/schema';
import { storeSettings } from '@/utils/db/settings';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { installFakeMenus } from './fakes';

const names = async () => (await readContentState()).entities.map((e) => e.name);

describe('the content state the background writes', () => {
  it('holds the enabled companies in the order they were added, and the settings', async () => {
    const db = await openNewsDb();
    await addEntity(db, { name: 'Xiaomi' });
    const samsung = await addEntity(db, { name: 'Samsung' });
    await addEntity(db, { name: 'Apple' });
    await updateEntity(db, samsung.id, { enabled: false });
    await storeSettings(db, { ...DEFAULT_SETTINGS, highlightScope: 'all' });
    await publishContentState(db);
    const state = await readContentState();
    expect(state.entities.map((e) => e.name)).toEqual(['Xiaomi', 'Apple']);
    expect(state.settings.highlightScope).toBe('all');
    db.close();
  });

  it('lands in the order of the changes, however quickly they follow each other', async () => {
    const db = await openNewsDb();
    // The worker's start writes while a person adds a company and removes another.
    const starting = publishContentState(db);
    const apple = await addEntity(db, { name: 'Apple' });
    const afterAdd = publishContentState(db);
    await addEntity(db, { name: 'Xiaomi' });
    await removeEntity(db, apple.id);
    const afterRemove = publishContentState(db);
    await Promise.all([starting, afterAdd, afterRemove]);
    expect(await names()).toEqual(['Xiaomi']);
    db.close();
  });

  it('is written by the worker as it starts, and again with every change a page sends', async () => {
    installFakeMenus();
    const db = await openNewsDb();
    await addEntity(db, { name: 'Xiaomi' });
    db.close();
    background.main();
    await vi.waitFor(async () => expect(await names()).toEqual(['Xiaomi']));
    await fakeBrowser.runtime.sendMessage({ type: 'ui:addEntity', payload: { name: 'Samsung' } });
    expect(await names()).toEqual(['Xiaomi', 'Samsung']);
    await fakeBrowser.runtime.sendMessage({ type: 'ui:deleteAllData', payload: {} });
    expect(await readContentState()).toEqual({ entities: [], settings: DEFAULT_SETTINGS });
  });

  it('removes, as the worker starts, what an earlier layout left: two keys and a registered script', async () => {
    installFakeMenus();
    const left = { trackedEntities: [{ name: 'Xiaomi' }], settings: DEFAULT_SETTINGS, storageProblem: 'kept' };
    await fakeBrowser.storage.local.set(left);
    await fakeBrowser.storage.session.set({ trackedEntities: [], settings: DEFAULT_SETTINGS });
    await fakeBrowser.scripting.registerContentScripts([
      { id: 'skip-non-articles', js: ['skip-non-articles.js'], matches: ['https://*/*'] },
    ]);
    background.main();
    await vi.waitFor(async () =>
      expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual([
        'contentState',
        'storageProblem',
        'sync',
      ]),
    );
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await fakeBrowser.scripting.getRegisteredContentScripts()).toEqual([]);
  });
});
