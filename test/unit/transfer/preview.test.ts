import { describe, expect, it } from 'vitest';
import { createEntity } from '@/utils/entities';
import { companiesToWrite, previewImport } from '@/utils/transfer/preview';

const tracked = [createEntity({ name: 'Xiaomi' }, 0, 1), createEntity({ name: 'Samsung' }, 1, 2)];

describe('previewImport', () => {
  it('sorts a file into added, changed and skipped before anything is written', () => {
    const [xiaomi, samsung] = tracked;
    const incoming = [
      { ...xiaomi!, color: '#000000' },
      { ...samsung!, id: 'other-id', createdAt: 99 },
      createEntity({ name: 'Apple' }, 2, 3),
      createEntity({ name: 'apple' }, 3, 3),
    ];
    const preview = previewImport(incoming, tracked);
    expect(preview.added.map((e) => e.name)).toEqual(['Apple']);
    expect(preview.changed).toEqual([{ before: xiaomi, after: { ...xiaomi, color: '#000000' }, fields: ['colour'] }]);
    expect(preview.skipped).toEqual([
      { name: 'Samsung', reason: 'already tracked, nothing to change' },
      { name: 'apple', reason: 'listed more than once in the file' },
    ]);
  });

  it('matches by name when IDs differ, keeping the tracked ID and creation time', () => {
    const renamed = { ...createEntity({ name: 'samsung', aliases: ['Galaxy'] }, 0, 50), id: 'from-elsewhere' };
    const [change] = previewImport([renamed], tracked).changed;
    expect(change!.after.id).toBe(tracked[1]!.id);
    expect(change!.after.createdAt).toBe(2);
    expect(change!.fields).toEqual(['name', 'aliases', 'colour']);
  });

  it('refuses a rename that would give two companies the same name', () => {
    const clash = { ...tracked[0]!, name: 'Samsung' };
    expect(previewImport([clash], tracked).skipped).toEqual([
      { name: 'Samsung', reason: 'another tracked company is already called "Samsung"' },
    ]);
  });

  it('writes the added and the changed companies, nothing else', () => {
    const preview = previewImport(
      [{ ...tracked[0]!, enabled: false }, createEntity({ name: 'Arm' }, 0), tracked[1]!],
      tracked,
    );
    expect(companiesToWrite(preview).map((e) => e.name)).toEqual(['Arm', 'Xiaomi']);
  });
});
