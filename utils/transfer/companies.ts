/**
 * Tracked companies to and from files. JSON keeps every detail (it is the backup format); CSV
 * is for spreadsheets and carries one match-case flag per company. Reading never trusts the
 * file: every field is checked, and the first problem is reported with its line or field.
 */
import { type Alias, cleanName, ENTITY_COLORS, MAX_NAME_LENGTH, type TrackedEntity } from '../entities';
import { readCsv, writeCsv } from './csv';
import { checkSize, describeJsonError, ImportError, MAX_IMPORT_COMPANIES } from './errors';
import { FILE_FORMAT, spreadsheetTime, wrapExport, yesNo } from './files';

const MAX_ALIASES = 100;
const MAX_ID_LENGTH = 100;
const COLOR = /^#[0-9a-f]{6}$/iu;
// Control characters and bidirectional overrides can disguise a name on screen.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

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

export function companiesToJson(entities: readonly TrackedEntity[], now = Date.now()): string {
  return `${JSON.stringify(wrapExport('companies', [...entities], now), null, 2)}\n`;
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

/** Raw fields of one company as found in a file, before checking. */
interface CompanyFields {
  name: unknown;
  aliases: unknown;
  exclusions: unknown;
  matchCase: unknown;
  color: unknown;
  enabled: unknown;
  watchlist: unknown;
  id: unknown;
  createdAt: unknown;
}

type Fail = (field: string, problem: string) => never;

function text(value: unknown, field: string, max: number, fail: Fail): string {
  if (typeof value !== 'string') fail(field, 'expected text');
  const cleaned = cleanName(value as string);
  if (cleaned.length > max) fail(field, `longer than ${max} characters`);
  if (HIDDEN_CHARACTERS.test(cleaned)) fail(field, 'contains control or text-direction characters');
  return cleaned;
}

function textList(value: unknown, field: string, fail: Fail): string[] {
  if (value === undefined || value === null || value === '') return [];
  const items = typeof value === 'string' ? value.split(/[;\n]/u) : value;
  if (!Array.isArray(items)) fail(field, 'expected a list');
  if ((items as unknown[]).length > MAX_ALIASES) fail(field, `more than ${MAX_ALIASES} entries`);
  return (items as unknown[])
    .map((item, i) => text(item, Array.isArray(value) ? `${field}[${i}]` : field, MAX_NAME_LENGTH, fail))
    .filter((s) => s.length > 0);
}

function flag(value: unknown, field: string, fallback: boolean, fail: Fail): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (['yes', 'y', 'true', '1'].includes(word)) return true;
    if (['no', 'n', 'false', '0'].includes(word)) return false;
  }
  return fail(field, 'expected yes or no');
}

function parseTime(value: unknown, field: string, now: number, fail: Fail): number {
  if (value === undefined || value === null || value === '') return now;
  // Only a number or text can be a date; String() on an object from the file could even throw.
  if (typeof value !== 'number' && typeof value !== 'string') return fail(field, 'expected a date');
  const ms = typeof value === 'number' ? value : Date.parse(`${value.replace(' ', 'T')}Z`);
  if (!Number.isFinite(ms) || ms < 0 || ms > 8.64e15) fail(field, 'expected a date');
  return ms;
}

/** JSON aliases may carry their own options: `"Apple"` or `{ "text": "Apple", "matchCase": true }`. */
function aliasList(value: unknown, field: string, matchCase: boolean, fail: Fail): Alias[] {
  if (!Array.isArray(value)) return textList(value, field, fail).map((t) => ({ text: t, matchCase, wholeWord: true }));
  if (value.length > MAX_ALIASES) fail(field, `more than ${MAX_ALIASES} entries`);
  return value.map((item: unknown, i): Alias => {
    const at = `${field}[${i}]`;
    if (typeof item === 'string') return { text: text(item, at, MAX_NAME_LENGTH, fail), matchCase, wholeWord: true };
    if (typeof item !== 'object' || item === null) return fail(at, 'expected text or an alias object');
    const o = item as Record<string, unknown>;
    return {
      text: text(o.text, `${at}.text`, MAX_NAME_LENGTH, fail),
      matchCase: flag(o.matchCase, `${at}.matchCase`, matchCase, fail),
      wholeWord: flag(o.wholeWord, `${at}.wholeWord`, true, fail),
    };
  });
}

function toEntity(raw: CompanyFields, index: number, now: number, fail: Fail): TrackedEntity {
  const name = text(raw.name, 'name', MAX_NAME_LENGTH, fail);
  if (name.length === 0) fail('name', 'a company needs a name');
  const matchCase = flag(raw.matchCase, 'matchCase', false, fail);
  const listed = aliasList(raw.aliases, 'aliases', matchCase, fail).filter((a) => a.text.length > 0);
  const first = listed.find((a) => a.text === name) ?? { text: name, matchCase, wholeWord: true };
  // The display name is always the first alias; a repeated spelling is kept once.
  const seen = new Set<string>();
  const aliases = [first, ...listed].filter((a) => {
    const key = a.text.toLocaleLowerCase();
    return !seen.has(key) && seen.add(key) !== undefined;
  });
  const color = raw.color === undefined || raw.color === '' ? undefined : raw.color;
  if (color !== undefined && (typeof color !== 'string' || !COLOR.test(color)))
    fail('colour', 'expected a colour like #ffd54f');
  const id = raw.id === undefined || raw.id === '' ? crypto.randomUUID() : text(raw.id, 'id', MAX_ID_LENGTH, fail);
  const watchlist =
    raw.watchlist === undefined || raw.watchlist === null ? '' : text(raw.watchlist, 'watchlist', 100, fail);
  return {
    id,
    name,
    aliases,
    exclusions: textList(raw.exclusions, 'exclusions', fail),
    color: (color as string | undefined)?.toLowerCase() ?? ENTITY_COLORS[index % ENTITY_COLORS.length] ?? '#ffd54f',
    enabled: flag(raw.enabled, 'enabled', true, fail),
    watchlist: watchlist.length > 0 ? watchlist : null,
    createdAt: parseTime(raw.createdAt, 'createdAt', now, fail),
  };
}

function checkCount(count: number): void {
  if (count > MAX_IMPORT_COMPANIES) {
    throw new ImportError(
      `The file lists ${count} companies; News Tracker imports up to ${MAX_IMPORT_COMPANIES} at once.`,
    );
  }
}

function fromJson(source: string, now: number): TrackedEntity[] {
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
    items = o.items ?? o.companies;
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
    return toEntity(pickFields(o), i, now, fail);
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

function fromCsv(source: string, now: number): TrackedEntity[] {
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
  return body.map((row, i) => {
    const fail: Fail = (field, problem) => {
      throw new ImportError(`Line ${row.line}, column "${field}": ${problem}.`);
    };
    if (row.cells.length > columns.length) fail(header.cells.at(-1) ?? '', 'more cells than the header has columns');
    const fields = {} as CompanyFields;
    columns.forEach((key, c) => {
      if (key) fields[key] = row.cells[c] ?? '';
    });
    return toEntity(fields, i, now, fail);
  });
}

/**
 * Reads a companies file (JSON from News Tracker or by hand, or CSV with a header row).
 * Throws an ImportError naming the line or field of the first problem.
 */
export function readCompaniesFile(source: string, fileName: string, now = Date.now()): TrackedEntity[] {
  checkSize(new TextEncoder().encode(source).length);
  const body = source.replace(/^\uFEFF/u, '');
  const looksJson = /^\s*[[{]/u.test(body);
  if (fileName.toLowerCase().endsWith('.json') || (looksJson && !fileName.toLowerCase().endsWith('.csv'))) {
    return fromJson(body, now);
  }
  return fromCsv(body, now);
}
