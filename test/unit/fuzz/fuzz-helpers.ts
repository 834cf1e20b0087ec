/**
 * What every fuzz property checks after feeding the extension a hostile input: the error is one
 * a person can read (no engine message leaking through), nothing stored changed (the whole
 * database and both storage areas, compared before and after), and no prototype was polluted.
 */
import { expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { NewsDb } from '@/utils/db/schema';

/** Runs per fuzz property (FUZZ_RUNS=1000 for a longer hunt). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** Engine and library messages that mean an input reached code that did not expect it. */
const INTERNAL_ERROR =
  /Cannot read|Cannot convert|Cannot destructure|is not a function|is not iterable|is not defined|of undefined|of null|undefined is not|\[object |Maximum call stack|Unexpected token|DataCloneError|DataError|TypeError|RangeError|Failed to execute/u;

/**
 * A JSON syntax error is passed on deliberately, wrapped in a sentence of ours (V8 does not give
 * every kind of syntax error a position, so the file reader quotes its words).
 */
const WRAPPED_SYNTAX_ERROR = /^The file is not valid JSON[:( ]/u;

/** A clear error: a sentence a person can act on, naming what is wrong, not an engine's complaint. */
export function isClearError(error: unknown): boolean {
  if (typeof error !== 'string' || error.trim().length === 0 || error.length > 300) return false;
  return WRAPPED_SYNTAX_ERROR.test(error) || !INTERNAL_ERROR.test(error);
}

/** Everything stored: every object store of the database (keys and values) and storage.local/session. */
export async function snapshotStored(db: NewsDb): Promise<string> {
  const stores: Record<string, unknown> = {};
  for (const name of [...db.objectStoreNames].sort()) {
    const store = db.transaction(name).objectStore(name);
    stores[name] = { keys: await store.getAllKeys(), values: await store.getAll() };
  }
  const local = await fakeBrowser.storage.local.get(null);
  const session = await fakeBrowser.storage.session.get(null);
  return JSON.stringify({ stores, local, session });
}

const OBJECT_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_KEYS = Object.getOwnPropertyNames(Array.prototype).sort();

/** Fails when anything added keys to Object.prototype or Array.prototype. */
export function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_KEYS);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Tallies outcomes so a property can prove it exercised both refusals and acceptances. */
export class Outcomes {
  refused = 0;
  accepted = 0;
  readonly errors = new Set<string>();

  refuse(error: string): void {
    this.refused += 1;
    this.errors.add(error.replace(/\d+/gu, 'N').slice(0, 120));
  }
}
