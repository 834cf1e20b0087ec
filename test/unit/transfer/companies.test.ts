import { describe, expect, it } from 'vitest';
import { createEntity, type TrackedEntity } from '@/utils/entities';
import { COMPANY_CSV_HEADER, companiesToCsv, companiesToJson, readCompaniesFile } from '@/utils/transfer/companies';
import { BOM } from '@/utils/transfer/csv';
import { MAX_IMPORT_BYTES } from '@/utils/transfer/errors';
import { previewImport } from '@/utils/transfer/preview';

const NOW = Date.UTC(2026, 10, 25, 6, 0, 0);

/** The companies a file adds to an empty list. */
const added = (text: string, fileName: string) => previewImport(readCompaniesFile(text, fileName), [], NOW).added;

function sample(): TrackedEntity[] {
  const xiaomi = createEntity(
    { name: 'Xiaomi', aliases: ['Xiaomi Corp', 'Redmi'], exclusions: ['xiaomi fan club'], watchlist: 'Smartphones' },
    0,
    NOW - 1000,
  );
  const gap = { ...createEntity({ name: 'GAP', matchCase: true, color: '#123abc' }, 1, NOW), enabled: false };
  const quoted = createEntity({ name: 'Procter "P&G", Gamble', aliases: ['=1+1'] }, 2, NOW);
  return [xiaomi, gap, quoted];
}

describe('companies as JSON', () => {
  it('round-trips every field', () => {
    const entities = sample();
    expect(added(companiesToJson(entities, NOW), 'backup.json')).toEqual(entities);
  });

  it('keeps per-alias options', () => {
    const [entity] = sample();
    const mixed = { ...entity!, aliases: [entity!.aliases[0]!, { text: 'MI', matchCase: true, wholeWord: false }] };
    expect(added(companiesToJson([mixed]), 'x.json')[0]!.aliases).toEqual(mixed.aliases);
  });

  it('accepts a hand-written list with defaults for what is missing', () => {
    const [a, b] = added('["Nvidia", {"name": " Arm  Holdings ", "aliases": ["ARM"], "matchCase": true}]', 'mine.json');
    expect(a).toMatchObject({ name: 'Nvidia', enabled: true, watchlist: null, createdAt: NOW, exclusions: [] });
    expect(a!.aliases).toEqual([{ text: 'Nvidia', matchCase: false, wholeWord: true }]);
    expect(b!.name).toBe('Arm Holdings');
    expect(b!.aliases.map((x) => [x.text, x.matchCase])).toEqual([
      ['Arm Holdings', true],
      ['ARM', true],
    ]);
  });

  it('keeps only what the file names, so an import can leave the rest as stored', () => {
    expect(readCompaniesFile('{"name":"Apple","aliases":["AAPL"]}', 'one.json')).toEqual([
      { name: 'Apple', aliases: [{ text: 'Apple' }, { text: 'AAPL' }] },
    ]);
    expect(
      readCompaniesFile('[{"name":"Apple","watchlist":null,"matchCase":false,"color":"#ABCDEF"}]', 'x.json'),
    ).toEqual([{ name: 'Apple', aliases: [{ text: 'Apple', matchCase: false }], watchlist: null, color: '#abcdef' }]);
  });

  it('points at the line and column of a syntax error', () => {
    expect(() => readCompaniesFile('{\n  "items": [\n    {"name": "A",}\n  ]\n}', 'x.json')).toThrow(
      /not valid JSON: line 3, column 18/,
    );
  });

  it('names the company and field that is wrong', () => {
    const bad = JSON.stringify({ items: [{ name: 'Fine' }, { name: 'Evil', color: 'red;background:url(x)' }] });
    expect(() => readCompaniesFile(bad, 'x.json')).toThrow(
      'Company 2 (items[1]), field "colour": expected a colour like #ffd54f.',
    );
    expect(() => readCompaniesFile('{"items":[{"name":42}]}', 'x.json')).toThrow('field "name": expected text');
    expect(() => readCompaniesFile('{"items":[{"name":""}]}', 'x.json')).toThrow('a company needs a name');
    expect(() => readCompaniesFile('{"items":[{"name":"A","enabled":"maybe"}]}', 'x.json')).toThrow(
      'field "enabled": expected yes or no',
    );
    expect(() => readCompaniesFile('{"items":[7]}', 'x.json')).toThrow('Company 1 (items[0]): expected an object.');
  });

  it('refuses hidden characters, oversized fields and too many aliases', () => {
    expect(() => readCompaniesFile('[{"name":"Apple\\u202Eelppa"}]', 'x.json')).toThrow(
      'contains control or text-direction characters',
    );
    expect(() => readCompaniesFile(JSON.stringify([{ name: 'x'.repeat(201) }]), 'x.json')).toThrow(
      'longer than 200 characters',
    );
    const aliases = Array.from({ length: 101 }, (_, i) => `a${i}`);
    expect(() => readCompaniesFile(JSON.stringify([{ name: 'A', aliases }]), 'x.json')).toThrow(
      'more than 100 entries',
    );
  });

  it('does not let __proto__ keys reach the result', () => {
    const [entity] = added('[{"name":"A","__proto__":{"enabled":false},"constructor":1}]', 'x.json');
    expect(entity!.enabled).toBe(true);
    expect(Object.keys(entity!)).not.toContain('__proto__');
    expect(Object.getPrototypeOf(entity)).toBe(Object.prototype);
  });

  it('refuses files that are not a companies list', () => {
    expect(() => readCompaniesFile('{"format":"news-tracker","kind":"stories","items":[]}', 'x.json')).toThrow(
      'This is a stories export',
    );
    expect(() => readCompaniesFile('"just text"', 'x.json')).toThrow('holds no list of companies');
    expect(() => readCompaniesFile('{"things":[]}', 'x.json')).toThrow('expected "items"');
  });

  it('refuses files that are too large or list too many companies, before reading them', () => {
    expect(() => readCompaniesFile(' '.repeat(MAX_IMPORT_BYTES + 1), 'x.json')).toThrow(
      /The file is 5\.0 MB; .* up to 5\.0 MB/,
    );
    expect(() => readCompaniesFile(JSON.stringify(Array(5001).fill('A')), 'x.json')).toThrow(
      'The file lists 5001 companies; News Tracker imports up to 5000 at once.',
    );
  });
});

describe('companies as CSV', () => {
  it('is spreadsheet-ready: BOM, header row, one company per row', () => {
    const csv = companiesToCsv(sample());
    expect(csv.startsWith(`${BOM}Name,Aliases,Exclude,Match case,Colour,Enabled,Watchlist,ID,Added (UTC)\r\n`)).toBe(
      true,
    );
    expect(csv.split('\r\n')[1]).toMatch(
      /^Xiaomi,Xiaomi Corp; Redmi,xiaomi fan club,no,#ffd54f,yes,Smartphones,[-0-9a-f]{36},2026-11-25 05:59:59$/,
    );
  });

  it('round-trips the companies the options page can make', () => {
    const entities = sample().map((e) => ({ ...e, createdAt: Math.floor(e.createdAt / 1000) * 1000 }));
    expect(added(companiesToCsv(entities), 'companies.csv')).toEqual(entities);
  });

  it('reads a minimal spreadsheet with only a Name column', () => {
    const read = added('Name\r\nNvidia\r\nArm\r\n', 'list.csv');
    expect(read.map((e) => e.name)).toEqual(['Nvidia', 'Arm']);
    expect(new Set(read.map((e) => e.id)).size).toBe(2);
  });

  it('reads an empty cell, like a missing column, as not given', () => {
    const header = COMPANY_CSV_HEADER.join(',');
    expect(readCompaniesFile(`${header}\r\nApple,,,,,,,,\r\n`, 'x.csv')).toEqual([
      { name: 'Apple', aliases: [{ text: 'Apple' }] },
    ]);
    expect(readCompaniesFile('Name,Match case,Watchlist\r\nApple,yes,Big Tech\r\n', 'x.csv')).toEqual([
      { name: 'Apple', aliases: [{ text: 'Apple', matchCase: true }], watchlist: 'Big Tech' },
    ]);
  });

  it('names the line and column of a bad cell', () => {
    expect(() => readCompaniesFile('Name,Enabled\nA,yes\nB,perhaps\n', 'x.csv')).toThrow(
      'Line 3, column "enabled": expected yes or no.',
    );
    expect(() => readCompaniesFile('Name,Colour\nA,#zzzzzz\n', 'x.csv')).toThrow('Line 2, column "colour"');
    expect(() => readCompaniesFile('Name\n"A\n', 'x.csv')).toThrow('Line 2: a quoted cell is never closed');
  });

  it('refuses a header it does not know, and a row wider than the header', () => {
    expect(() => readCompaniesFile('Name,Password\nA,x\n', 'x.csv')).toThrow('Line 1: unknown column "Password"');
    expect(() => readCompaniesFile('Aliases\nA\n', 'x.csv')).toThrow('the header has no "Name" column');
    expect(() => readCompaniesFile('Name\nA,B\n', 'x.csv')).toThrow('more cells than the header has columns');
    expect(() => readCompaniesFile('', 'x.csv')).toThrow('The file is empty.');
  });
});
