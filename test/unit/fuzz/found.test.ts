/**
 * Inputs the fuzzers found that the product once mishandled, kept as fixed examples so each
 * fix stays tested on every run (the fuzzers draw new random inputs each time).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Handlers } from '@/utils/background/handlers';
import { routeMessage } from '@/utils/background/router';
import { startBackground } from '@/utils/background/start';
import { createDbAccess } from '@/utils/db/connection';
import type { NewsDb } from '@/utils/db/schema';
import { readCompaniesFile } from '@/utils/transfer/companies';
import { installFakeMenus } from '../background/fakes';
import { VALID_PAYLOADS, withOwnKey } from './arbitraries';
import { isClearError, snapshotStored } from './fuzz-helpers';

let handlers: Handlers;
let getDb: () => Promise<NewsDb>;
let origin: string;

beforeEach(async () => {
  installFakeMenus();
  getDb = createDbAccess();
  handlers = startBackground(getDb);
  origin = fakeBrowser.runtime.getURL('/');
  await handlers['ui:addEntity']({ name: 'Acme' }, { tabId: undefined });
});

async function sendFromOptions(message: unknown) {
  const db = await getDb();
  const before = await snapshotStored(db);
  const reply = await routeMessage(handlers, message, { url: `${origin}options.html` }, origin);
  expect(await snapshotStored(db)).toBe(before);
  return reply;
}

describe('inputs the fuzzers found', () => {
  it('a sparse list (Firefox delivers holes as sent) is refused by its first hole, not crashed on', async () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test
    const mentions = [, { entityId: 'e', count: 1, inHeadline: true, inLead: true }];
    const reply = await sendFromOptions({
      type: 'content:reportStory',
      payload: { ...VALID_PAYLOADS['content:reportStory'], mentions },
    });
    expect(reply).toEqual({ ok: false, error: 'mentions[0]: expected an object' });
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test
    expect(await sendFromOptions({ type: 'ui:addEntities', payload: { inputs: [, { name: 'B' }] } })).toEqual({
      ok: false,
      error: 'inputs[0]: expected an object',
    });
  });

  it('an unknown message type that cannot be turned into text is named by its kind', async () => {
    const type = withOwnKey(Object.create(null), 'toString', 7);
    expect(await sendFromOptions({ type, payload: {} })).toEqual({
      ok: false,
      error: 'Unknown message type: (object)',
    });
  });

  it('settings nested thousands deep are refused by field, without overflowing the stack', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const reply = await sendFromOptions({
      type: 'ui:saveSettings',
      payload: { ...VALID_PAYLOADS['ui:saveSettings'], disabledSites: deep },
    });
    expect(reply).toEqual({ ok: false, error: 'settings.disabledSites: not an allowed value' });
  });

  it('an import date that is an object names its field', () => {
    const file = '{"items": [{"name": "Acme", "createdAt": {"toString": 1}}]}';
    expect(() => readCompaniesFile(file, 'companies.json')).toThrow(
      'Company 1 (items[0]), field "createdAt": expected a date.',
    );
  });

  it('an unknown CSV column is quoted in a few words, not in full', () => {
    const header = 'X'.repeat(1_000_000);
    let message = '';
    try {
      readCompaniesFile(`Name,${header}\r\nAcme,1\r\n`, 'companies.csv');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Line 1: unknown column "X{40}…"\. Expected a header row with Name, /u);
    expect(isClearError(message)).toBe(true);
  });
});
