/**
 * Tracked companies to and from files. JSON keeps every detail (it is the backup format); CSV
 * is for spreadsheets and carries one match-case flag per company. Reading never trusts the
 * file: every field is checked, and the first problem is reported with its line or field.
 */
import type { TrackedEntity } from '../entities';
import type { Settings } from '../settings';
import { type CompanyFields, type Fail, type ImportedCompany, readCompany } from './company-fields';
import { readCsv, writeCsv } from './csv';
import { checkSize, describeJsonError, ImportError, MAX_IMPORT_COMPANIES } from './errors';
import { FILE_FORMAT, spreadsheetTime, wrapExport, yesNo } from './files';

export const COMPANY_CSV_HEADER = [
  'Name',
  'Aliases',
  'Exclude',
  'Match case',
  'Colour',
  'Enabled',
  'Watchlist',
  'ID',
  'Added (UTC)',
];

/** The backup: every company, and the settings when given (an import adds their site lists, transfer/settings.ts). */
export function companiesToJson(entities: readonly TrackedEntity[], now = Date.now(), settings?: Settings): string {
  const file = wrapExport('companies', [...entities], now);
  return `${JSON.stringify(settings ? { ...file, settings } : file, null, 2)}\n`;
}

export function companiesToCsv(entities: readonly TrackedEntity[]): string {
  const rows = entities.map((e) => [
    e.name,
    e.aliases
      .slice(1)
      .map((a) => a.text)
      .join('; '),
    e.exclusions.join('; '),
    yesNo(e.aliases[0]?.matchCase ?? false),
    e.color,
    yesNo(e.enabled),
    e.watchlist ?? '',
    e.id,
    spreadsheetTime(e.createdAt),
  ]);
  return writeCsv([COMPANY_CSV_HEADER, ...rows]);
}

function checkCount(count: number): void {
  if (count > MAX_IMPORT_COMPANIES) {
    throw new ImportError(
      `The file lists ${count} companies; News Tracker imports up to ${MAX_IMPORT_COMPANIES} at once.`,
    );
  }
}

function fromJson(source: string): ImportedCompany[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    throw new ImportError(describeJsonError(source, error));
  }
  let items: unknown = parsed;
  if (!Array.isArray(parsed)) {
    if (typeof parsed !== 'object' || parsed === null) throw new ImportError('The file holds no list of companies.');
    const o = parsed as Record<string, unknown>;
    if (o.format === FILE_FORMAT && o.kind === 'stories') {
      throw new ImportError('This is a stories export; choose a companies file (JSON or CSV).');
    }
    // A file written by hand may hold a single company on its own.
    const single = o.items === undefined && o.companies === undefined && Object.hasOwn(o, 'name');
    items = single ? [o] : (o.items ?? o.companies);
    if (!Array.isArray(items)) throw new ImportError('The file holds no list of companies (expected "items": [...]).');
  }
  const list = items as unknown[];
  checkCount(list.length);
  return list.map((item, i) => {
    const fail: Fail = (field, problem) => {
      const where = field ? `, field "${field}"` : '';
      throw new ImportError(`Company ${i + 1} (items[${i}])${where}: ${problem}.`);
    };
    if (typeof item === 'string') item = { name: item };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) fail('', 'expected an object');
    const o = item as Record<string, unknown>;
    return readCompany(pickFields(o), fail);
  });
}

function pickFields(o: Record<string, unknown>): CompanyFields {
  return {
    name: o.name,
    aliases: o.aliases,
    exclusions: o.exclusions,
    matchCase: o.matchCase,
    color: o.color,
    enabled: o.enabled,
    watchlist: o.watchlist,
    id: o.id,
    createdAt: o.createdAt,
  };
}

/** Quotes at most a few words of a file's text in a message: a hostile file's header cell may be megabytes long. */
function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const CSV_COLUMNS: Record<string, keyof CompanyFields> = {
  name: 'name',
  company: 'name',
  aliases: 'aliases',
  exclude: 'exclusions',
  exclusions: 'exclusions',
  'match case': 'matchCase',
  colour: 'color',
  color: 'color',
  enabled: 'enabled',
  watchlist: 'watchlist',
  id: 'id',
  'added (utc)': 'createdAt',
  added: 'createdAt',
};

function fromCsv(source: string): ImportedCompany[] {
  let rows: ReturnType<typeof readCsv>;
  try {
    rows = readCsv(source, MAX_IMPORT_COMPANIES + 1);
  } catch (error) {
    throw new ImportError(error instanceof Error ? error.message : String(error));
  }
  const [header, ...body] = rows;
  if (!header) throw new ImportError('The file is empty.');
  const columns = header.cells.map((h) => CSV_COLUMNS[h.trim().toLowerCase()]);
  const unknown = header.cells.filter((_, i) => columns[i] === undefined);
  if (unknown.length > 0) {
    throw new ImportError(
      `Line ${header.line}: unknown column "${shorten(unknown[0] ?? '')}". Expected a header row with ${COMPANY_CSV_HEADER.join(', ')}.`,
    );
  }
  if (!columns.includes('name')) throw new ImportError(`Line ${header.line}: the header has no "Name" column.`);
  checkCount(body.length);
  return body.map((row) => {
    const fail: Fail = (field, problem) => {
      throw new ImportError(`Line ${row.line}, column "${field}": ${problem}.`);
    };
    if (row.cells.length > columns.length) fail(header.cells.at(-1) ?? '', 'more cells than the header has columns');
    const fields = {} as CompanyFields;
    columns.forEach((key, c) => {
      if (key) fields[key] = row.cells[c] ?? '';
    });
    return readCompany(fields, fail);
  });
}

/**
 * Reads a companies file (JSON from News Tracker or by hand, or CSV with a header row) into
 * what it says about each company (company-fields.ts); previewImport decides what that changes.
 * Throws an ImportError naming the line or field of the first problem.
 */
export function readCompaniesFile(source: string, fileName: string): ImportedCompany[] {
  checkSize(new TextEncoder().encode(source).length);
  const body = source.replace(/^\uFEFF/u, '');
  const looksJson = /^\s*[[{]/u.test(body);
  if (fileName.toLowerCase().endsWith('.json') || (looksJson && !fileName.toLowerCase().endsWith('.csv'))) {
    return fromJson(body);
  }
  return fromCsv(body);
}
