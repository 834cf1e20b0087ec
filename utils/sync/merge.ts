/**
 * Merges this browser's companies and settings with the sync area, record by record: the later
 * change wins, and a deletion is a change like any other (a tombstone), so a browser holding a
 * stale copy cannot bring a deleted company back.
 *
 * `base` is what this browser last saw agree with the sync area. A local record that differs
 * from its base was changed here since, so it gets the time of this merge; one that does not
 * keeps its base time, so a newer change made elsewhere wins over it. Ties (the same
 * millisecond) go to the larger text, so every browser picks the same winner.
 *
 * The plan is pure: the background (utils/background/sync.ts) applies it to the database and
 * the sync area.
 */
import { isCompanyKey, parseCompany, type SyncedRecord } from './items';

/** Tombstones are remembered this long, and at most this many (the newest). */
export const TOMBSTONE_DAYS = 30;
export const MAX_TOMBSTONES = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface MergeInput {
  /** This browser's records now, as canonical text, by sync key. */
  local: ReadonlyMap<string, string>;
  base: Readonly<Record<string, SyncedRecord>>;
  /** The valid items in the sync area. */
  remote: ReadonlyMap<string, SyncedRecord>;
  now: number;
}

export interface MergePlan {
  /** Records to change in the database: new text, or null to delete. */
  apply: Map<string, string | null>;
  /** Items to write to the sync area, and keys to remove from it. */
  write: Map<string, SyncedRecord>;
  remove: string[];
  /** The sync area as it will be once written. */
  area: Map<string, SyncedRecord>;
  /** The base once the write succeeded; `baseUnwritten` if it did not happen. */
  base: Record<string, SyncedRecord>;
  baseUnwritten: Record<string, SyncedRecord>;
}

function localRecord(key: string, input: MergeInput): SyncedRecord | undefined {
  const text = input.local.get(key);
  const base = input.base[key];
  if (text !== undefined) {
    if (base?.text === text) return base;
    // Never synced here, and the sync area has it: this browser is joining, so its copy (the
    // defaults of a new install, say) is older than the one every other browser agrees on.
    return { changedAt: !base && input.remote.has(key) ? 0 : input.now, text };
  }
  if (!base) return undefined;
  return base.text === null ? base : { changedAt: input.now, text: null };
}

function later(a: SyncedRecord | undefined, b: SyncedRecord | undefined): SyncedRecord | undefined {
  if (!a || !b) return a ?? b;
  if (a.changedAt !== b.changedAt) return a.changedAt > b.changedAt ? a : b;
  return (a.text ?? '') >= (b.text ?? '') ? a : b;
}

const same = (a: SyncedRecord | undefined, b: SyncedRecord | undefined) =>
  a?.changedAt === b?.changedAt && a?.text === b?.text;

/**
 * Two companies with one name (added in two browsers before they synced) would be tracked
 * twice; the one added first stays (the lower id on a tie, so every browser keeps the same
 * one) and the other is deleted.
 */
function dropDuplicateNames(winners: Map<string, SyncedRecord>, now: number): void {
  const byName = new Map<string, { key: string; createdAt: number; id: string }>();
  for (const [key, record] of winners) {
    if (!isCompanyKey(key) || record.text === null) continue;
    const company = parseCompany(record.text);
    const name = company.name.toLocaleLowerCase();
    const other = byName.get(name);
    const mine = { key, createdAt: company.createdAt, id: company.id };
    if (!other) {
      byName.set(name, mine);
      continue;
    }
    const keepOther = other.createdAt < mine.createdAt || (other.createdAt === mine.createdAt && other.id < mine.id);
    winners.set(keepOther ? key : other.key, { changedAt: now, text: null });
    if (!keepOther) byName.set(name, mine);
  }
}

/** Old tombstones are forgotten: the newest MAX_TOMBSTONES of the last TOMBSTONE_DAYS are kept. */
function expiredTombstones(winners: Map<string, SyncedRecord>, now: number): Set<string> {
  const tombstones = [...winners].filter(([, r]) => r.text === null).sort(([, a], [, b]) => b.changedAt - a.changedAt);
  const cutoff = now - TOMBSTONE_DAYS * DAY_MS;
  return new Set(
    tombstones.filter(([, r], index) => index >= MAX_TOMBSTONES || r.changedAt < cutoff).map(([key]) => key),
  );
}

export function planMerge(input: MergeInput): MergePlan {
  const keys = new Set([...input.local.keys(), ...Object.keys(input.base), ...input.remote.keys()]);
  const winners = new Map<string, SyncedRecord>();
  for (const key of keys) {
    const winner = later(localRecord(key, input), input.remote.get(key));
    if (winner) winners.set(key, winner);
  }
  dropDuplicateNames(winners, input.now);
  const expired = expiredTombstones(winners, input.now);
  const plan: MergePlan = {
    apply: new Map(),
    write: new Map(),
    remove: [],
    area: new Map(),
    base: {},
    baseUnwritten: {},
  };
  for (const [key, winner] of winners) {
    const current = input.local.get(key) ?? null;
    if (winner.text !== current) plan.apply.set(key, winner.text);
    const remote = input.remote.get(key);
    if (expired.has(key)) {
      if (remote) plan.remove.push(key);
      continue;
    }
    plan.area.set(key, winner);
    plan.base[key] = winner;
    if (!same(winner, remote)) plan.write.set(key, winner);
    // Not written: the base stays as it was, so a local change is still seen as one next time.
    const unwritten = same(winner, remote) || plan.apply.has(key) ? winner : input.base[key];
    if (unwritten) plan.baseUnwritten[key] = unwritten;
  }
  return plan;
}
