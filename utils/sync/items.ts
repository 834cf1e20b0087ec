/**
 * What News Tracker keeps in the browser's own sync (`storage.sync`): one item per tracked
 * company (`company:<id>`) and one for the settings (`settings`), each with the time of its last
 * change. A deleted company leaves a tombstone (`value: null`) so another browser's stale copy
 * cannot bring it back. Stories never go there: they stay on each device.
 *
 * Anything read from sync was written by another browser, perhaps by another version of News
 * Tracker, so each item is validated here; one that is not valid is left out and never reaches
 * the database.
 */
import type { TrackedEntity } from '../entities';
import { trackedEntity } from '../payloads';
import { DEFAULT_SETTINGS, type Settings, validateSettings } from '../settings';

export const SETTINGS_KEY = 'settings';
const COMPANY_PREFIX = 'company:';

/** One synced record: its value as canonical JSON (null once deleted) and when it last changed. */
export interface SyncedRecord {
  changedAt: number;
  text: string | null;
}

/** How the item is stored in storage.sync. */
interface SyncItem {
  changedAt: number;
  value: unknown;
}

export const companyKey = (id: string) => `${COMPANY_PREFIX}${id}`;
export const isCompanyKey = (key: string) => key.startsWith(COMPANY_PREFIX);
export const companyIdOf = (key: string) => key.slice(COMPANY_PREFIX.length);

/** What the options page shows beside the switch. */
export interface SyncStatus {
  enabled: boolean;
  /** What keeps sync from working, in words for the user; null when nothing does. */
  problem: string | null;
  /** When this browser last agreed with the sync area; null before the first time. */
  lastSynced: number | null;
}

/**
 * A company in a fixed shape (the order of trackedEntity's), so two browsers holding the same
 * company write the same text. Not validated: this browser's own companies are never refused.
 */
export function companyText(e: TrackedEntity): string {
  return JSON.stringify({
    id: e.id,
    name: e.name,
    aliases: e.aliases.map((a) => ({ text: a.text, matchCase: a.matchCase, wholeWord: a.wholeWord })),
    exclusions: e.exclusions,
    color: e.color,
    enabled: e.enabled,
    watchlist: e.watchlist ?? null,
    createdAt: e.createdAt,
  });
}

/** The settings in a fixed shape; a missing or broken record reads as the defaults, as everywhere. */
export const settingsText = (settings: unknown) => JSON.stringify(validateSettings(settings));

/** The record's value, parsed again (the texts were written by companyText and settingsText). */
export function parseCompany(text: string): TrackedEntity {
  return JSON.parse(text) as TrackedEntity;
}

export function toSyncItem(record: SyncedRecord): SyncItem {
  return { changedAt: record.changedAt, value: record.text === null ? null : JSON.parse(record.text) };
}

/** Settings are taken only when every field present is valid: a bad field is not reset to its default here. */
function strictSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('settings: not an object');
  const valid = validateSettings(raw);
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (input[key] !== undefined && !Object.is(input[key], valid[key])) {
      throw new Error(`settings.${key}: not an allowed value`);
    }
  }
  return valid;
}

/** Reads one synced item; throws a specific error when it is not one News Tracker can use. */
export function readSyncItem(key: string, raw: unknown): SyncedRecord {
  if (typeof raw !== 'object' || raw === null) throw new Error(`${key}: not an object`);
  const { changedAt, value } = raw as Partial<SyncItem>;
  if (typeof changedAt !== 'number' || !Number.isSafeInteger(changedAt) || changedAt < 0) {
    throw new Error(`${key}: no valid time of change`);
  }
  if (key === SETTINGS_KEY) return { changedAt, text: JSON.stringify(strictSettings(value)) };
  if (!isCompanyKey(key)) throw new Error(`${key}: not an item News Tracker writes`);
  if (value === null) return { changedAt, text: null };
  const company = trackedEntity(value, key);
  if (companyKey(company.id) !== key) throw new Error(`${key}: holds a company with another id`);
  return { changedAt, text: companyText(company) };
}

/**
 * Every usable item in the sync area, and why each other one of ours was left out. Keys that
 * are not ours at all are not mentioned (another version may add its own).
 */
export function readSyncArea(raw: Record<string, unknown>): {
  records: Map<string, SyncedRecord>;
  ignored: string[];
} {
  const records = new Map<string, SyncedRecord>();
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key !== SETTINGS_KEY && !isCompanyKey(key)) continue;
    try {
      records.set(key, readSyncItem(key, value));
    } catch (error) {
      ignored.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { records, ignored };
}
