import { describe, expect, it, vi } from 'vitest';
import type { SyncArea } from '@/utils/background/sync';
import { call, clock, device, settle, syncArea } from './sync-devices';

/** A company whose aliases take about `kb` kilobytes in the sync area (each alias about 150 bytes). */
const bulky = (name: string, kb: number) => ({
  name,
  aliases: Array.from({ length: Math.round((kb * 1024) / 150) }, (_, i) => `${name} subsidiary ${i} `.padEnd(100, 'x')),
});

/** Companies in the sync area, deleted ones (tombstones) left out. */
const syncedCompanies = async () =>
  Object.entries(await syncArea().get(null)).filter(
    ([key, item]) => key.startsWith('company:') && (item as { value: unknown }).value !== null,
  ).length;

describe('sync within the browser’s quota', () => {
  it('says so when the companies outgrow the sync area, and keeps working on this browser', async () => {
    const a = device('a');
    for (let i = 0; i < 16; i++) await call(a, 'ui:addEntity', bulky(`Company ${i}`, 7));
    await a.sync.request();
    const status = await call(a, 'ui:getSync', {});
    expect(status.problem).toMatch(/^Sync is paused: your companies and settings need 1\d\d KB, more than the 100 KB/);
    expect(status.problem).toMatch(/Everything still works on this browser/);
    // Nothing partial was written past the limit, and every company is still tracked here.
    expect(await syncedCompanies()).toBeLessThan(16);
    await call(a, 'ui:addEntity', { name: 'Apple' });
    expect((await a.companies()).map((c) => c.name)).toContain('Apple');
    expect(await a.companies()).toHaveLength(17);

    // Once it fits again, sync resumes and the message goes.
    for (const company of (await a.companies()).slice(0, 6)) await call(a, 'ui:removeEntity', { id: company.id });
    await a.sync.request();
    expect((await call(a, 'ui:getSync', {})).problem).toBeNull();
    expect(await syncedCompanies()).toBe(11);
  });

  it('negative control: companies that fit are all synced, with no message', async () => {
    const a = device('a');
    for (let i = 0; i < 10; i++) await call(a, 'ui:addEntity', bulky(`Company ${i}`, 7));
    await a.sync.request();
    expect((await call(a, 'ui:getSync', {})).problem).toBeNull();
    expect(await syncedCompanies()).toBe(10);
  });

  it('names the one company too big for a sync item', async () => {
    const a = device('a');
    await call(a, 'ui:addEntity', bulky('Conglomerate', 9));
    await a.sync.request();
    expect((await call(a, 'ui:getSync', {})).problem).toMatch(
      /^Sync is paused: “Conglomerate” needs \d+ KB, more than the 8 KB the browser’s sync allows for one item; give it fewer aliases/,
    );
    expect(await a.companies()).toHaveLength(1);
  });

  it('keeps working when the browser refuses the write, and says why', async () => {
    const area = syncArea();
    const refusing: SyncArea = {
      ...area,
      get: area.get,
      remove: area.remove,
      set: async () => {
        throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
      },
    };
    const a = device('a', refusing);
    await call(a, 'ui:addEntity', { name: 'Apple' });
    await a.sync.request();
    expect((await call(a, 'ui:getSync', {})).problem).toMatch(/did not take the change \(MAX_WRITE_OPERATIONS/);
    expect((await a.companies()).map((c) => c.name)).toEqual(['Apple']);
  });
});

describe('a synced value that is not valid', () => {
  it('is ignored and logged, and nothing on this browser is lost', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const a = device('a');
    const apple = await call(a, 'ui:addEntity', { name: 'Apple', aliases: ['AAPL'] });
    await call(a, 'ui:saveSettings', { ...(await a.settings()), highlightScope: 'all' });
    await a.sync.request();
    const later = clock() + 60_000;
    await syncArea().set({
      [`company:${apple.id}`]: { changedAt: later, value: { id: apple.id, name: 42 } },
      'company:stranger': { changedAt: later, value: { id: 'stranger', name: 'Stranger', aliases: 'all of them' } },
      settings: { changedAt: later, value: { highlightScope: 'everywhere' } },
    });
    await settle(a);
    expect(await a.companies()).toEqual([apple]);
    expect((await a.settings()).highlightScope).toBe('all');
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/not valid: company:.*\.name/),
        expect.stringMatching(/not valid: company:stranger\.aliases/),
        expect.stringMatching(/not valid: settings\.highlightScope/),
      ]),
    );
    // The broken copy of a company this browser holds is written over with the good one.
    const repaired = (await syncArea().get(null))[`company:${apple.id}`] as { value: { name: string } };
    expect(repaired.value.name).toBe('Apple');
    warn.mockRestore();
  });

  it('negative control: the same items, valid, are taken', async () => {
    const a = device('a');
    const apple = await call(a, 'ui:addEntity', { name: 'Apple' });
    await a.sync.request();
    const later = clock() + 60_000;
    await syncArea().set({
      [`company:${apple.id}`]: { changedAt: later, value: { ...apple, name: 'Apple Inc' } },
      settings: { changedAt: later, value: { highlightScope: 'off' } },
    });
    await settle(a);
    expect((await a.companies()).map((c) => c.name)).toEqual(['Apple Inc']);
    expect((await a.settings()).highlightScope).toBe('off');
  });
});

describe('the sync switch', () => {
  it('off: nothing is read from or written to the sync area', async () => {
    const area = syncArea();
    const watched = { get: vi.fn(area.get), set: vi.fn(area.set), remove: vi.fn(area.remove) };
    const a = device('a', watched);
    expect((await call(a, 'ui:setSync', { enabled: false })).enabled).toBe(false);
    watched.get.mockClear();
    await call(a, 'ui:addEntity', { name: 'Apple' });
    await call(a, 'ui:saveSettings', { ...(await a.settings()), showPanel: false });
    await area.set({ 'company:elsewhere': { changedAt: clock(), value: null } });
    await a.sync.request();
    expect(watched.get).not.toHaveBeenCalled();
    expect(watched.set).not.toHaveBeenCalled();
    expect(Object.keys(await area.get(null))).toEqual(['company:elsewhere']);

    // Turned on again, what changed meanwhile is synced at once.
    const status = await call(a, 'ui:setSync', { enabled: true });
    expect(status).toMatchObject({ enabled: true, problem: null });
    expect(status.lastSynced).not.toBeNull();
    expect(watched.set).toHaveBeenCalled();
    expect(Object.keys(await area.get(null))).toHaveLength(3);
  });
});
