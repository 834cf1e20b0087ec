/**
 * Fuzzes the import path the options page takes: a companies file (JSON or CSV, broken, huge,
 * nested thousands deep, with prototype-pollution keys, control characters and formulas) is
 * read by readCompaniesFile, previewed, and what the preview would write goes through the
 * background's real router as ui:importEntities. A refused file gets a clear ImportError naming
 * the line or field; an accepted one holds only companies the protocol accepts, and the store
 * then holds exactly them; a refusal anywhere leaves everything stored as it was.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Handlers } from '@/utils/background/handlers';
import { routeMessage } from '@/utils/background/router';
import { startBackground } from '@/utils/background/start';
import { createDbAccess } from '@/utils/db/connection';
import { listEntities } from '@/utils/db/entities';
import type { NewsDb } from '@/utils/db/schema';
import { createEntity, type TrackedEntity } from '@/utils/entities';
import { trackedEntity } from '@/utils/payloads';
import { COMPANY_CSV_HEADER, companiesToCsv, companiesToJson, readCompaniesFile } from '@/utils/transfer/companies';
import type { ImportedCompany } from '@/utils/transfer/company-fields';
import { ImportError, MAX_IMPORT_BYTES } from '@/utils/transfer/errors';
import { companiesToWrite, previewImport } from '@/utils/transfer/preview';
import { installFakeMenus } from '../background/fakes';
import { controlString, hostileValue, nearValid, POLLUTION_KEYS, withOwnKey } from './arbitraries';
import { expectNoPollution, FUZZ_RUNS, isClearError, snapshotStored } from './fuzz-helpers';

const NOW = Date.UTC(2026, 10, 29);

const SAMPLE: TrackedEntity[] = [
  createEntity({ name: 'Xiaomi', aliases: ['Redmi'], exclusions: ['xiaomi fan club'], watchlist: 'Phones' }, 0, NOW),
  { ...createEntity({ name: 'GAP', matchCase: true, color: '#123abc' }, 1, NOW), enabled: false },
  createEntity({ name: 'Procter "P&G", Gamble', aliases: ['=1+1'] }, 2, NOW),
];

/** JSON text that keeps BigInts, symbols and functions out (no file could hold them). */
function toJsonText(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) =>
        typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function' ? String(v) : v,
      ) ?? 'null'
    );
  } catch {
    // Nested too deep for JSON.stringify: the same depth, written out directly.
    return `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
  }
}

const exportFile = JSON.parse(companiesToJson(SAMPLE, NOW)) as unknown;

/** Files that look like JSON: an export broken in one place, hostile values, cut-off or deep text. */
const jsonFile = fc.oneof(
  { weight: 4, arbitrary: nearValid(exportFile).map(toJsonText) },
  { weight: 1, arbitrary: hostileValue.map(toJsonText) },
  {
    weight: 1,
    arbitrary: fc
      .subarray(POLLUTION_KEYS, { minLength: 1 })
      .map((keys) =>
        toJsonText(
          keys.reduce<Record<string, unknown>>(
            (o, k) => withOwnKey(o, k, { items: [{ name: 'Planted' }], polluted: true }),
            { items: [{ name: 'Acme' }] },
          ),
        ),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constant(companiesToJson(SAMPLE, NOW))
      .chain((text) => fc.nat({ max: text.length - 1 }).map((cut) => text.slice(0, cut))),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
);

const csvCell = fc.oneof(
  fc.string({ maxLength: 20 }),
  controlString,
  fc.constantFrom('"', '""', '"a,b"', 'x"y', '=cmd|/C calc', "'=1+1", '+1', '-1', '@SUM(A1)', 'yes', 'no', '#zzzzzz'),
);

/** Files that look like CSV: a real export broken in one cell, or rows of hostile cells under a header. */
const csvFile = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(), csvCell).map(([at, cell]) => {
      const text = companiesToCsv(SAMPLE);
      const i = at % text.length;
      return `${text.slice(0, i)}${cell}${text.slice(i)}`;
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.shuffledSubarray(COMPANY_CSV_HEADER, { minLength: 1 }),
        fc.array(fc.array(csvCell, { maxLength: 10 }), { maxLength: 20 }),
        fc.constantFrom('\r\n', '\n', '\r'),
      )
      .map(([header, rows, eol]) => [header, ...rows].map((r) => r.join(',')).join(eol)),
  },
  { weight: 1, arbitrary: fc.array(csvCell, { maxLength: 30 }).map((cells) => cells.join('\n')) },
);

/** One file over the size limit, made once (5 MB of text is slow to build per run). */
const OVERSIZED = `Name\r\n${'Acme\r\n'.repeat(Math.ceil(MAX_IMPORT_BYTES / 6) + 1)}`;

const file = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(jsonFile, fc.constantFrom('companies.json', 'backup.JSON', 'list.txt')) },
  { weight: 5, arbitrary: fc.tuple(csvFile, fc.constantFrom('companies.csv', 'export.CSV', 'list.txt')) },
  { weight: 1, arbitrary: fc.constant<[string, string]>([OVERSIZED, 'huge.csv']) },
);

let handlers: Handlers;
let getDb: () => Promise<NewsDb>;
let origin: string;

beforeEach(async () => {
  installFakeMenus();
  getDb = createDbAccess();
  handlers = startBackground(getDb);
  origin = fakeBrowser.runtime.getURL('/');
  await handlers['ui:importEntities']({ entities: [createEntity({ name: 'Acme' }, 0, NOW)] }, { tabId: undefined });
});

type Reader = (text: string, fileName: string) => ImportedCompany[];

/**
 * The property, for any file reader: a refused file gets a clear ImportError; an accepted one
 * holds only companies the protocol accepts, and importing them through the router stores
 * exactly them (or, refused there, changes nothing).
 */
function importProperty(read: Reader, tally: { refused: number; accepted: number }) {
  return fc.asyncProperty(file, async ([text, name]) => {
    let incoming: ImportedCompany[];
    try {
      incoming = read(text, name);
    } catch (error) {
      tally.refused += 1;
      expect(error).toBeInstanceOf(ImportError);
      expect(
        isClearError((error as Error).message),
        `a clear error, not: ${(error as Error).message.slice(0, 200)}`,
      ).toBe(true);
      expectNoPollution();
      return;
    }
    tally.accepted += 1;
    expectNoPollution();
    const db = await getDb();
    const before = await snapshotStored(db);
    const toWrite = companiesToWrite(previewImport(incoming, await listEntities(db), NOW));
    // Whatever the file reader accepts and the preview would write, the protocol accepts too:
    // the preview never promises an import the background would then refuse.
    toWrite.forEach((entity, i) => {
      expect(() => trackedEntity(entity, `entity ${i}`)).not.toThrow();
    });
    const reply = await routeMessage(
      handlers,
      { type: 'ui:importEntities', payload: { entities: toWrite } },
      { url: `${origin}options.html` },
      origin,
    );
    if (!reply.ok) {
      expect(isClearError(reply.error), `a clear error, not: ${reply.error.slice(0, 200)}`).toBe(true);
      expect(await snapshotStored(db)).toBe(before);
      return;
    }
    const stored = new Map((await listEntities(db)).map((e) => [e.id, e]));
    for (const entity of toWrite) expect(stored.get(entity.id)).toEqual(entity);
  });
}

describe('fuzzing the companies import', () => {
  it('refuses a bad file with a clear ImportError, and writes exactly what it accepts', async () => {
    const tally = { refused: 0, accepted: 0 };
    await fc.assert(importProperty(readCompaniesFile, tally), { numRuns: FUZZ_RUNS * 2, endOnFailure: true });
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.accepted).toBeGreaterThan(0);
  }, 60_000);

  it('catches a reader that trusts the file (negative control)', async () => {
    const trusting: Reader = (text) => {
      const parsed = JSON.parse(text) as { items?: ImportedCompany[] };
      return Array.isArray(parsed.items) ? parsed.items : [];
    };
    const details = await fc.check(importProperty(trusting, { refused: 0, accepted: 0 }), {
      numRuns: FUZZ_RUNS * 2,
      endOnFailure: true,
    });
    expect(details.failed).toBe(true);
  }, 60_000);
});
