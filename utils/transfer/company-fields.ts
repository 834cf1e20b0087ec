/**
 * One company as a file describes it, checked field by field. Only what the file names is
 * kept: a field it leaves out stays undefined, so an import can tell "not given" (keep what is
 * stored) from "given" (change it). In JSON a key that is absent is not given; in CSV a column
 * that is absent, or a cell left empty, is not given.
 */
import { cleanName, MAX_NAME_LENGTH } from '../entities';

export const MAX_ALIASES = 100;
const MAX_ID_LENGTH = 100;
const MAX_WATCHLIST_LENGTH = 100;
const COLOR = /^#[0-9a-f]{6}$/iu;
// Control characters and bidirectional overrides can disguise a name on screen.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** A spelling from the file; a match option the file does not give is undefined. */
export interface ImportedAlias {
  text: string;
  matchCase?: boolean;
  wholeWord?: boolean;
}

export interface ImportedCompany {
  name: string;
  /** The name first, then the file's other spellings, each once. */
  aliases: ImportedAlias[];
  id?: string;
  exclusions?: string[];
  color?: string;
  enabled?: boolean;
  /** null when the file says "in no watchlist" (JSON `null`). */
  watchlist?: string | null;
  createdAt?: number;
}

/** Raw fields of one company as found in a file, before checking. */
export interface CompanyFields {
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

export type Fail = (field: string, problem: string) => never;

const missing = (value: unknown) => value === undefined || value === null || value === '';

function text(value: unknown, field: string, max: number, fail: Fail): string {
  if (typeof value !== 'string') fail(field, 'expected text');
  const cleaned = cleanName(value as string);
  if (cleaned.length > max) fail(field, `longer than ${max} characters`);
  if (HIDDEN_CHARACTERS.test(cleaned)) fail(field, 'contains control or text-direction characters');
  return cleaned;
}

function textList(value: unknown, field: string, fail: Fail): string[] {
  if (missing(value)) return [];
  const items = typeof value === 'string' ? value.split(/[;\n]/u) : value;
  if (!Array.isArray(items)) fail(field, 'expected a list');
  if ((items as unknown[]).length > MAX_ALIASES) fail(field, `more than ${MAX_ALIASES} entries`);
  return (items as unknown[])
    .map((item, i) => text(item, Array.isArray(value) ? `${field}[${i}]` : field, MAX_NAME_LENGTH, fail))
    .filter((s) => s.length > 0);
}

function flag(value: unknown, field: string, fail: Fail): boolean | undefined {
  if (missing(value)) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (['yes', 'y', 'true', '1'].includes(word)) return true;
    if (['no', 'n', 'false', '0'].includes(word)) return false;
  }
  return fail(field, 'expected yes or no');
}

function parseTime(value: unknown, field: string, fail: Fail): number | undefined {
  if (missing(value)) return undefined;
  // Only a number or text can be a date; String() on an object from the file could even throw.
  if (typeof value !== 'number' && typeof value !== 'string') return fail(field, 'expected a date');
  const ms = typeof value === 'number' ? value : Date.parse(`${value.replace(' ', 'T')}Z`);
  if (!Number.isFinite(ms) || ms < 0 || ms > 8.64e15) fail(field, 'expected a date');
  return ms;
}

/** JSON aliases may carry their own options: `"Apple"` or `{ "text": "Apple", "matchCase": true }`. */
function aliasList(value: unknown, field: string, matchCase: boolean | undefined, fail: Fail): ImportedAlias[] {
  const withCase = (t: string): ImportedAlias => (matchCase === undefined ? { text: t } : { text: t, matchCase });
  if (!Array.isArray(value)) return textList(value, field, fail).map(withCase);
  if (value.length > MAX_ALIASES) fail(field, `more than ${MAX_ALIASES} entries`);
  return value.map((item: unknown, i): ImportedAlias => {
    const at = `${field}[${i}]`;
    if (typeof item === 'string') return withCase(text(item, at, MAX_NAME_LENGTH, fail));
    if (typeof item !== 'object' || item === null) return fail(at, 'expected text or an alias object');
    const o = item as Record<string, unknown>;
    const alias: ImportedAlias = { text: text(o.text, `${at}.text`, MAX_NAME_LENGTH, fail) };
    const ownCase = flag(o.matchCase, `${at}.matchCase`, fail) ?? matchCase;
    const wholeWord = flag(o.wholeWord, `${at}.wholeWord`, fail);
    if (ownCase !== undefined) alias.matchCase = ownCase;
    if (wholeWord !== undefined) alias.wholeWord = wholeWord;
    return alias;
  });
}

/** The display name first, then each other spelling once (ignoring case). */
function spellings(name: string, listed: ImportedAlias[], matchCase: boolean | undefined): ImportedAlias[] {
  const own =
    listed.find((a) => a.text === name) ?? (matchCase === undefined ? { text: name } : { text: name, matchCase });
  const seen = new Set<string>();
  return [own, ...listed].filter((a) => {
    const key = a.text.toLocaleLowerCase();
    return a.text.length > 0 && !seen.has(key) && seen.add(key) !== undefined;
  });
}

/** Checks one company's fields; `fail` reports the first problem with its line or field. */
export function readCompany(raw: CompanyFields, fail: Fail): ImportedCompany {
  const name = text(raw.name, 'name', MAX_NAME_LENGTH, fail);
  if (name.length === 0) fail('name', 'a company needs a name');
  const matchCase = flag(raw.matchCase, 'matchCase', fail);
  const company: ImportedCompany = {
    name,
    aliases: spellings(name, aliasList(raw.aliases, 'aliases', matchCase, fail), matchCase),
  };
  if (!missing(raw.id)) company.id = text(raw.id, 'id', MAX_ID_LENGTH, fail);
  if (!missing(raw.exclusions)) company.exclusions = textList(raw.exclusions, 'exclusions', fail);
  if (!missing(raw.color)) {
    if (typeof raw.color !== 'string' || !COLOR.test(raw.color)) fail('colour', 'expected a colour like #ffd54f');
    company.color = (raw.color as string).toLowerCase();
  }
  const enabled = flag(raw.enabled, 'enabled', fail);
  if (enabled !== undefined) company.enabled = enabled;
  // JSON can say "in no watchlist" with null; an empty CSV cell says nothing.
  if (raw.watchlist === null) company.watchlist = null;
  else if (!missing(raw.watchlist)) {
    const watchlist = text(raw.watchlist, 'watchlist', MAX_WATCHLIST_LENGTH, fail);
    company.watchlist = watchlist.length > 0 ? watchlist : null;
  }
  const createdAt = parseTime(raw.createdAt, 'createdAt', fail);
  if (createdAt !== undefined) company.createdAt = createdAt;
  return company;
}
