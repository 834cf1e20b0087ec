import { describe, expect, it } from 'vitest';
import { createEntity } from '@/utils/entities';
import { companyKey, companyText, readSyncItem, type SyncedRecord } from '@/utils/sync/items';
import { MAX_TOMBSTONES, planMerge, TOMBSTONE_DAYS } from '@/utils/sync/merge';

const NOW = 1_800_000_000_000;
const DAY = 24 * 60 * 60 * 1000;
const company = (name: string, createdAt = 1) => ({ ...createEntity({ name }, 0, createdAt), id: name.toLowerCase() });
const text = (name: string, createdAt = 1) => companyText(company(name, createdAt));
const record = (changedAt: number, t: string | null): SyncedRecord => ({ changedAt, text: t });

describe('planMerge', () => {
  it('takes the later change of each company, and writes only what the sync area lacks', () => {
    const plan = planMerge({
      local: new Map([
        ['company:apple', text('Apple')],
        ['company:sony', text('Sony')],
      ]),
      base: { 'company:apple': record(10, text('Apple')), 'company:sony': record(10, text('Sony')) },
      remote: new Map([
        ['company:apple', record(20, text('Apple Inc'))],
        ['company:sony', record(10, text('Sony'))],
      ]),
      now: NOW,
    });
    expect([...plan.apply]).toEqual([['company:apple', text('Apple Inc')]]);
    expect(plan.write.size).toBe(0);
    expect(plan.base['company:apple']).toEqual(record(20, text('Apple Inc')));
  });

  it('a local change since the base wins over an older remote one, and is written', () => {
    const plan = planMerge({
      local: new Map([['company:apple', text('Apple Computer')]]),
      base: { 'company:apple': record(10, text('Apple')) },
      remote: new Map([['company:apple', record(20, text('Apple Inc'))]]),
      now: NOW,
    });
    expect(plan.apply.size).toBe(0);
    expect(plan.write.get('company:apple')).toEqual(record(NOW, text('Apple Computer')));
    // Unwritten (quota), the base stays as it was, so the change is still seen as one.
    expect(plan.baseUnwritten['company:apple']).toEqual(record(10, text('Apple')));
  });

  it('two browsers that changed a company in the same millisecond pick the same winner', () => {
    const one = record(50, text('Apple A'));
    const other = record(50, text('Apple B'));
    const winnerOf = (mine: SyncedRecord, theirs: SyncedRecord) =>
      planMerge({
        local: new Map([['company:apple', mine.text as string]]),
        base: { 'company:apple': mine },
        remote: new Map([['company:apple', theirs]]),
        now: NOW,
      }).base['company:apple'];
    expect(winnerOf(one, other)).toEqual(winnerOf(other, one));
  });

  it('forgets tombstones after the days and the count they are kept for', () => {
    const base: Record<string, SyncedRecord> = {};
    const remote = new Map<string, SyncedRecord>();
    for (let i = 0; i < MAX_TOMBSTONES + 5; i++) {
      remote.set(companyKey(`gone-${i}`), record(NOW - i * 1000, null));
    }
    remote.set('company:ancient', record(NOW - (TOMBSTONE_DAYS + 1) * DAY, null));
    base['company:ancient'] = record(NOW - (TOMBSTONE_DAYS + 1) * DAY, null);
    const plan = planMerge({ local: new Map(), base, remote, now: NOW });
    expect(plan.remove).toHaveLength(6);
    expect(plan.remove).toContain('company:ancient');
    expect(plan.base['company:ancient']).toBeUndefined();
    expect([...plan.area.values()].filter((r) => r.text === null)).toHaveLength(MAX_TOMBSTONES);
  });
});

describe('readSyncItem', () => {
  it('reads a company, a tombstone and settings, and refuses each broken shape by name', () => {
    const apple = company('Apple');
    expect(readSyncItem('company:apple', { changedAt: 5, value: apple })).toEqual(record(5, companyText(apple)));
    expect(readSyncItem('company:apple', { changedAt: 5, value: null })).toEqual(record(5, null));
    expect(readSyncItem('settings', { changedAt: 5, value: { showPanel: false } }).text).toMatch(/"showPanel":false/);
    expect(() => readSyncItem('company:apple', { changedAt: 5, value: { ...apple, id: 'sony' } })).toThrow(
      /another id/,
    );
    expect(() => readSyncItem('company:apple', { changedAt: -1, value: apple })).toThrow(/no valid time/);
    expect(() => readSyncItem('company:apple', 'Apple')).toThrow(/not an object/);
    expect(() => readSyncItem('settings', { changedAt: 5, value: { retentionDays: -3 } })).toThrow(/retentionDays/);
    expect(() => readSyncItem('settings', { changedAt: 5, value: [] })).toThrow(/not an object/);
  });

  it('takes a company with as many aliases as a person may give, and refuses one with more', () => {
    const spellings = (n: number) => Array.from({ length: n }, (_, i) => `Apple ${i}`);
    const full = { ...createEntity({ name: 'Apple', aliases: spellings(100) }, 0, 1), id: 'apple' };
    expect(full.aliases).toHaveLength(101);
    expect(readSyncItem('company:apple', { changedAt: 5, value: full }).text).toBe(companyText(full));
    const over = { ...createEntity({ name: 'Apple', aliases: spellings(101) }, 0, 1), id: 'apple' };
    expect(() => readSyncItem('company:apple', { changedAt: 5, value: over })).toThrow(/aliases/);
  });
});
