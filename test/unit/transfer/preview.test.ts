import { describe, expect, it } from 'vitest';
import { createEntity, ENTITY_COLORS, type TrackedEntity } from '@/utils/entities';
import { COMPANY_CSV_HEADER, companiesToJson, readCompaniesFile } from '@/utils/transfer/companies';
import { companiesToWrite, previewImport } from '@/utils/transfer/preview';

const NOW = Date.UTC(2026, 10, 25);

/** Apple as the issue found it: an alias, a watchlist, its own colour; Microsoft beside it. */
function trackedList(): TrackedEntity[] {
  return [
    createEntity({ name: 'Apple', aliases: ['Apple Inc'], watchlist: 'Big Tech' }, 0, 1),
    createEntity({ name: 'Microsoft', watchlist: 'Big Tech' }, 1, 2),
  ];
}

const preview = (text: string, fileName: string, tracked: TrackedEntity[]) =>
  previewImport(readCompaniesFile(text, fileName), tracked, NOW);

describe('an import merges into the tracked list', () => {
  const APPLE_ONLY_AAPL = {
    'JSON ({"name":"Apple","aliases":["AAPL"]})': ['{"name":"Apple","aliases":["AAPL"]}', 'apple.json'],
    'JSON list': ['[{"name":"Apple","aliases":["AAPL"]}]', 'apple.json'],
    'CSV with only Name and Aliases': ['Name,Aliases\r\nApple,AAPL\r\n', 'apple.csv'],
    'CSV with every column, the others empty': [
      `${COMPANY_CSV_HEADER.join(',')}\r\nApple,AAPL,,,,,,,\r\n`,
      'apple.csv',
    ],
  };

  it.each(Object.entries(APPLE_ONLY_AAPL))(
    'Apple imported from %s keeps its alias, watchlist and colour, and gains AAPL',
    (_, [text, fileName]) => {
      const tracked = trackedList();
      const [apple, microsoft] = tracked;
      const plan = preview(text!, fileName!, tracked);
      expect(plan.added).toEqual([]);
      expect(plan.skipped).toEqual([]);
      expect(plan.changed).toHaveLength(1);
      const [change] = plan.changed;
      expect(change!.changes).toEqual([{ field: 'aliases', before: 'Apple Inc', after: 'Apple Inc, AAPL' }]);
      expect(change!.after).toEqual({
        ...apple,
        aliases: [...apple!.aliases, { text: 'AAPL', matchCase: false, wholeWord: true }],
      });
      expect(change!.after.color).not.toBe(microsoft!.color);
      expect(companiesToWrite(plan)).toEqual([change!.after]);
    },
  );

  it('changes a colour only when the file names one, and shows it old → new', () => {
    const tracked = trackedList();
    expect(preview('[{"name":"Microsoft","enabled":true}]', 'a.json', tracked).skipped).toEqual([
      { name: 'Microsoft', reason: 'already tracked, nothing to change' },
    ]);
    const [change] = preview('Name,Colour\r\nMicrosoft,#1E88E5\r\n', 'b.csv', tracked).changed;
    expect(change!.changes).toEqual([{ field: 'colour', before: ENTITY_COLORS[1], after: '#1e88e5' }]);
  });

  it('replaces what the file names, each change old → new; JSON null clears a watchlist, an empty CSV cell does not', () => {
    const tracked = trackedList();
    const [json] = preview('[{"name":"Apple","enabled":false,"watchlist":null}]', 'a.json', tracked).changed;
    expect(json!.changes).toEqual([
      { field: 'tracking', before: 'on', after: 'off' },
      { field: 'watchlist', before: 'Big Tech', after: 'none' },
    ]);
    const [csv] = preview('Name,Enabled,Watchlist,Exclude\r\nApple,no,,apple pie\r\n', 'a.csv', tracked).changed;
    expect(csv!.changes).toEqual([
      { field: 'exclusions', before: 'none', after: 'apple pie' },
      { field: 'tracking', before: 'on', after: 'off' },
    ]);
    expect(csv!.after.watchlist).toBe('Big Tech');
  });

  it('adds spellings and exclusions, never removes one, and changes an alias’s options only when the file gives them', () => {
    const tracked = [{ ...trackedList()[0]!, exclusions: ['apple pie'] }];
    const file =
      '[{"name":"Apple","aliases":[{"text":"apple inc","matchCase":true},"AAPL"],"exclusions":["Apple Records"]}]';
    const [change] = preview(file, 'a.json', tracked).changed;
    expect(change!.after.aliases.map((a) => [a.text, a.matchCase])).toEqual([
      ['Apple', false],
      ['Apple Inc', true],
      ['AAPL', false],
    ]);
    expect(change!.changes).toEqual([
      { field: 'aliases', before: 'Apple Inc', after: 'Apple Inc (match case), AAPL' },
      { field: 'exclusions', before: 'apple pie', after: 'apple pie, Apple Records' },
    ]);
  });

  it('gives a new spelling the company’s own match options when the file names none', () => {
    const gap = createEntity({ name: 'GAP', matchCase: true }, 0, 1);
    const [change] = preview('Name,Aliases\r\nGAP,Gap Inc\r\n', 'gap.csv', [gap]).changed;
    expect(change!.changes).toEqual([{ field: 'aliases', before: 'none', after: 'Gap Inc (match case)' }]);
    const [plain] = preview('Name,Aliases,Match case\r\nGAP,Gap Inc,no\r\n', 'gap.csv', [gap]).changed;
    expect(plain!.changes).toEqual([
      { field: 'name', before: 'GAP (match case)', after: 'GAP' },
      { field: 'aliases', before: 'none', after: 'Gap Inc' },
    ]);
  });

  it('renames a company found by its ID, keeping the old name as an alias; found by name, it keeps its spelling', () => {
    const tracked = trackedList();
    const [renamed] = preview(
      JSON.stringify([{ id: tracked[0]!.id, name: 'Apple Computer' }]),
      'a.json',
      tracked,
    ).changed;
    expect(renamed!.changes).toEqual([
      { field: 'name', before: 'Apple', after: 'Apple Computer' },
      { field: 'aliases', before: 'Apple Inc', after: 'Apple, Apple Inc' },
    ]);
    expect(preview('["APPLE"]', 'a.json', tracked).skipped).toEqual([
      { name: 'APPLE', reason: 'already tracked, nothing to change' },
    ]);
  });

  it('gives new companies colours nobody has while some remain, then the least used', () => {
    const tracked = trackedList().concat(createEntity({ name: 'Tesla', color: ENTITY_COLORS[3] }, 2, 3));
    const names = ['Nvidia', 'Arm', 'Intel', 'AMD', 'Qualcomm', 'Samsung', 'Sony'];
    const plan = preview(JSON.stringify(names), 'new.json', tracked);
    expect(plan.added.map((e) => e.color)).toEqual([
      ENTITY_COLORS[2],
      ENTITY_COLORS[4],
      ENTITY_COLORS[5],
      ENTITY_COLORS[6],
      ENTITY_COLORS[7],
      // Every colour is taken once now: the palette starts again.
      ENTITY_COLORS[0],
      ENTITY_COLORS[1],
    ]);
    expect(plan.added.map((e) => e.createdAt)).toEqual(names.map((_, i) => NOW + i));
  });

  it('counts a colour the file names for one company as taken for the next', () => {
    const file = `[{"name":"Nvidia","color":"${ENTITY_COLORS[2]}"},"Arm"]`;
    expect(preview(file, 'a.json', trackedList()).added.map((e) => e.color)).toEqual([
      ENTITY_COLORS[2],
      ENTITY_COLORS[3],
    ]);
  });

  it('skips a company listed twice (by name, or once by name and once by ID) and a rename onto another name', () => {
    const tracked = trackedList();
    const [apple, microsoft] = tracked;
    const file = JSON.stringify([
      { name: 'Apple', aliases: ['AAPL'] },
      { id: apple!.id, name: 'Apple', aliases: ['iPhone maker'] },
      { id: microsoft!.id, name: 'Apple' },
      'Nvidia',
      'nvidia',
    ]);
    const plan = preview(file, 'a.json', tracked);
    expect(plan.changed.map((c) => c.after.name)).toEqual(['Apple']);
    expect(plan.added.map((e) => e.name)).toEqual(['Nvidia']);
    expect(plan.skipped).toEqual([
      { name: 'Apple', reason: 'listed more than once in the file' },
      { name: 'Apple', reason: 'listed more than once in the file' },
      { name: 'nvidia', reason: 'listed more than once in the file' },
    ]);
    expect(preview(JSON.stringify([{ id: microsoft!.id, name: 'apple' }]), 'a.json', tracked).skipped).toEqual([
      { name: 'apple', reason: 'another tracked company is already called "Apple"' },
    ]);
  });

  it('skips a company the merge would take past the store’s limits, rather than promise it', () => {
    const full = createEntity({ name: 'Apple', aliases: Array.from({ length: 99 }, (_, i) => `A${i}`) }, 0, 1);
    expect(full.aliases).toHaveLength(100);
    expect(preview('[{"name":"Apple","aliases":["AAPL"]}]', 'a.json', [full]).skipped).toEqual([
      { name: 'Apple', reason: 'it would have more than 100 aliases' },
    ]);
    const many = JSON.stringify([{ name: 'Nvidia', aliases: Array.from({ length: 100 }, (_, i) => `N${i}`) }]);
    expect(preview(many, 'a.json', []).skipped).toEqual([
      { name: 'Nvidia', reason: 'it would have more than 100 aliases' },
    ]);
  });

  it('restores an exported backup over the same list as no change at all', () => {
    const tracked = trackedList();
    const plan = preview(companiesToJson(tracked, NOW), 'backup.json', tracked);
    expect(plan.changed).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      'already tracked, nothing to change',
      'already tracked, nothing to change',
    ]);
  });
});
