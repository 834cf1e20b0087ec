import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { installFakeMenus } from './fakes';
import { call, device, settle, syncArea } from './sync-devices';

const names = (companies: { name: string }[]) => companies.map((c) => c.name).sort();

describe('sync between two browsers', () => {
  it('brings companies added in both browsers at once to both, and the same settings', async () => {
    const a = device('a');
    const b = device('b');
    await Promise.all([
      call(a, 'ui:addEntity', { name: 'Apple' }),
      call(b, 'ui:addEntity', { name: 'Xiaomi' }),
      call(a, 'ui:addEntity', { name: 'Nvidia' }),
      call(b, 'ui:saveSettings', { ...(await b.settings()), showPanel: false }),
    ]);
    await settle(a, b);
    expect(names(await a.companies())).toEqual(['Apple', 'Nvidia', 'Xiaomi']);
    expect(await b.companies()).toEqual(await a.companies());
    expect((await a.settings()).showPanel).toBe(false);
    // Stories are not synced: nothing but companies and settings is in the sync area.
    const keys = Object.keys(await syncArea().get(null));
    expect(keys.filter((k) => !k.startsWith('company:'))).toEqual(['settings']);
    expect(keys).toHaveLength(4);
  });

  it('converges when both browsers change the same company at once, the later change winning', async () => {
    const a = device('a');
    const b = device('b');
    const apple = await call(a, 'ui:addEntity', { name: 'Apple' });
    await settle(a, b);
    await call(a, 'ui:updateEntity', { id: apple.id, patch: { color: '#81d4fa' } });
    await call(b, 'ui:updateEntity', { id: apple.id, patch: { watchlist: 'Tech' } });
    await settle(a, b);
    const [onA] = await a.companies();
    expect(await b.companies()).toEqual([onA]);
    // b changed it last, so b's copy is the one both keep.
    expect(onA).toMatchObject({ watchlist: 'Tech', color: apple.color });
  });

  it('edits interleaved with merges in flight end the same on both browsers', async () => {
    const a = device('a');
    const b = device('b');
    const work = [];
    for (let i = 0; i < 6; i++) {
      work.push(call(i % 2 ? a : b, 'ui:addEntity', { name: `Company ${i}` }));
      work.push(a.sync.request(), b.sync.request());
    }
    await Promise.all(work);
    const [first] = await a.companies();
    await Promise.all([
      call(a, 'ui:updateEntity', { id: first?.id ?? '', patch: { enabled: false } }),
      call(b, 'ui:removeEntity', { id: first?.id ?? '' }),
    ]);
    await settle(a, b);
    expect(await b.companies()).toEqual(await a.companies());
    expect((await a.companies()).length).toBeGreaterThanOrEqual(5);
  });

  it('a deletion in one browser is not undone by the stale copy in the other', async () => {
    const a = device('a');
    const b = device('b');
    const xiaomi = await call(a, 'ui:addEntity', { name: 'Xiaomi' });
    await call(a, 'ui:addEntity', { name: 'Apple' });
    await settle(a, b);
    expect(names(await b.companies())).toEqual(['Apple', 'Xiaomi']);

    await call(a, 'ui:removeEntity', { id: xiaomi.id });
    await a.sync.request();
    // b still holds its copy of Xiaomi, unchanged, when it merges.
    await b.sync.request();
    await settle(a, b);
    expect(names(await a.companies())).toEqual(['Apple']);
    expect(names(await b.companies())).toEqual(['Apple']);
  });

  it('negative control: were a deletion only removed from the sync area, the stale copy would bring it back', async () => {
    const area = syncArea();
    // a writes a deleted company's item by removing it, as if there were no tombstones.
    const forgetful = {
      get: area.get,
      remove: area.remove,
      async set(items: Record<string, unknown>) {
        const entries = Object.entries(items);
        const gone = entries.filter(([, item]) => (item as { value: unknown }).value === null).map(([key]) => key);
        await area.set(Object.fromEntries(entries.filter(([key]) => !gone.includes(key))));
        await area.remove(gone);
      },
    };
    const a = device('a', forgetful);
    const b = device('b');
    const xiaomi = await call(a, 'ui:addEntity', { name: 'Xiaomi' });
    await settle(a, b);
    await call(a, 'ui:removeEntity', { id: xiaomi.id });
    await settle(a, b);
    expect(names(await b.companies())).toEqual(['Xiaomi']);
    expect(Object.keys(await area.get(null))).toContain(`company:${xiaomi.id}`);
  });

  it('a company changed after another browser deleted it comes back, as the later change', async () => {
    const a = device('a');
    const b = device('b');
    const xiaomi = await call(a, 'ui:addEntity', { name: 'Xiaomi' });
    await settle(a, b);
    await call(a, 'ui:removeEntity', { id: xiaomi.id });
    await call(b, 'ui:updateEntity', { id: xiaomi.id, patch: { exclusions: ['Xiaomi SU7'] } });
    await settle(a, b);
    expect((await a.companies()).map((c) => c.exclusions)).toEqual([['Xiaomi SU7']]);
    expect(await b.companies()).toEqual(await a.companies());
  });

  it('imported companies sync like typed ones, and a name added in both browsers is kept once', async () => {
    const a = device('a');
    const b = device('b');
    await call(a, 'ui:addEntity', { name: 'Apple' });
    await call(b, 'ui:addEntity', { name: 'apple' });
    const [imported] = (await call(a, 'ui:exportData', {})).entities;
    await call(b, 'ui:importEntities', {
      entities: [{ ...(imported as NonNullable<typeof imported>), id: 'from-file', name: 'Siemens' }],
    });
    await settle(a, b);
    expect(names(await a.companies())).toEqual(['Apple', 'Siemens']);
    expect(await b.companies()).toEqual(await a.companies());
  });

  it('a new browser joining takes the synced settings rather than pushing its defaults', async () => {
    const a = device('a');
    await call(a, 'ui:saveSettings', { ...(await a.settings()), highlightScope: 'all', retentionDays: 30 });
    await a.sync.request();
    const b = device('b');
    await settle(a, b);
    expect(await b.settings()).toMatchObject({ highlightScope: 'all', retentionDays: 30 });
    expect(await a.settings()).toMatchObject({ highlightScope: 'all', retentionDays: 30 });
  });
});

describe('sync as the worker runs it', () => {
  it('is on by default: a company added through the worker reaches storage.sync, and its deletion follows', async () => {
    installFakeMenus();
    background.main();
    const added = (await fakeBrowser.runtime.sendMessage({ type: 'ui:addEntity', payload: { name: 'Siemens' } })) as {
      value: { id: string };
    };
    const item = async () =>
      (await syncArea().get(null))[`company:${added.value.id}`] as { value: unknown } | undefined;
    await vi.waitFor(async () => expect((await item())?.value).toMatchObject({ name: 'Siemens' }));
    await fakeBrowser.runtime.sendMessage({ type: 'ui:deleteAllData', payload: {} });
    await vi.waitFor(async () => expect((await item())?.value).toBeNull());
  });
});
