/**
 * Fuzzes every protocol message through the background's real router and handler registry
 * (startBackground → routeMessage → validators → handlers), over a database with data in it.
 * A refused input must get a clear error and leave everything stored exactly as it was; an
 * accepted one must be one its validator accepts, from a sender allowed to send it. No input
 * may pollute a prototype.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Handlers } from '@/utils/background/handlers';
import { routeMessage } from '@/utils/background/router';
import { startBackground } from '@/utils/background/start';
import { syncMemoryItem } from '@/utils/background/sync';
import { createDbAccess } from '@/utils/db/connection';
import type { NewsDb } from '@/utils/db/schema';
import { createEntity } from '@/utils/entities';
import { CONTENT_MESSAGES, isMessageType, type MessageType, validators } from '@/utils/messaging';
import { newEntityInput } from '@/utils/payloads';
import { installFakeMenus } from '../background/fakes';
import { anyValue, MESSAGE_FUZZ, VALID_PAYLOADS } from './arbitraries';
import { expectNoPollution, FUZZ_RUNS, isClearError, Outcomes, snapshotStored } from './fuzz-helpers';

const RUNS_PER_MESSAGE = FUZZ_RUNS;

const SENDERS = {
  'extension page': { url: 'chrome-extension://fuzz/options.html' },
  'content script': { tab: { id: 7 } as never, url: 'https://hostile.example/article', frameId: 0 },
};
type SenderName = keyof typeof SENDERS;

/** Feeds are never fetched here: every request fails as it would with no network. */
const OFFLINE = {
  fetch: async () => {
    throw new TypeError('Failed to fetch');
  },
  now: Date.now,
};

let handlers: Handlers;
let getDb: () => Promise<NewsDb>;
let origin: string;

/** A store with companies, stories and settings in it, so a stray write or delete shows. */
async function seed(): Promise<void> {
  await handlers['ui:deleteAllData']({}, { tabId: undefined });
  const acme = await handlers['ui:addEntity']({ name: 'Acme', aliases: ['Acme Corp'] }, { tabId: undefined });
  await handlers['ui:addEntity']({ name: 'Globex', watchlist: 'Clients' }, { tabId: undefined });
  for (let i = 0; i < 5; i++) {
    await handlers['content:reportStory'](
      {
        ...VALID_PAYLOADS['content:reportStory'],
        url: `https://news.example/s/${i}`,
        title: `Story ${i}`,
        mentions: [{ entityId: acme.id, count: 1, inHeadline: true, inLead: true }],
      },
      { tabId: 3 },
    );
  }
  await handlers['ui:saveSettings'](VALID_PAYLOADS['ui:saveSettings'], { tabId: undefined });
}

async function send(message: unknown, from: SenderName, registry: Handlers = handlers) {
  return routeMessage(registry, message, SENDERS[from], origin);
}

beforeEach(async () => {
  installFakeMenus();
  // Sync stays off: merges still queued by the previous test's background must not carry its
  // companies into this one through the shared fake sync area (sync has its own tests).
  await syncMemoryItem.setValue({ enabled: false, problem: null, lastSynced: null, base: {} });
  getDb = createDbAccess();
  handlers = startBackground(getDb, OFFLINE);
  origin = fakeBrowser.runtime.getURL('/');
  SENDERS['extension page'].url = `${origin}options.html`;
  await seed();
});

/**
 * Feeds `type` fuzz inputs through the router with `registry` as its handlers and returns
 * fast-check's verdict: a refused input must get a clear error and change nothing stored; an
 * accepted one must be valid and allowed from its sender; no input may pollute a prototype.
 */
async function fuzzMessage(type: MessageType, registry: Handlers, runs = RUNS_PER_MESSAGE) {
  const outcomes = new Outcomes();
  const details = await fc.check(
    fc.asyncProperty(
      MESSAGE_FUZZ[type],
      fc.constantFrom<SenderName>('extension page', 'content script'),
      async (payload, from) => {
        const db = await getDb();
        const before = await snapshotStored(db);
        const reply = await send({ type, payload }, from, registry);
        expectNoPollution();
        if (reply.ok) {
          outcomes.accepted += 1;
          expect(
            from === 'extension page' || CONTENT_MESSAGES.has(type),
            'only extension pages reach ui: messages',
          ).toBe(true);
          expect(() => validators[type](payload), 'only valid payloads are handled').not.toThrow();
          // An accepted change may have changed anything; start the next input from the seeded store.
          await seed();
          return;
        }
        outcomes.refuse(reply.error);
        expect(isClearError(reply.error), `a clear error, not: ${reply.error.slice(0, 200)}`).toBe(true);
        expect(await snapshotStored(db), 'nothing stored changed').toBe(before);
      },
    ),
    { numRuns: runs, endOnFailure: true },
  );
  return { details, outcomes };
}

describe('fuzzing every protocol message through the background’s router', () => {
  it.each(Object.keys(MESSAGE_FUZZ) as MessageType[])(
    '%s',
    async (type) => {
      const { details, outcomes } = await fuzzMessage(type, handlers);
      expect(details.failed ? `${details.errorInstance} (seed ${details.seed})` : null).toBeNull();
      // The fuzzer did its job: many inputs were refused (requests that carry nothing, like
      // ui:markAllRead, accept any object, so not necessarily most).
      expect(outcomes.refused).toBeGreaterThanOrEqual(RUNS_PER_MESSAGE / 4);
    },
    60_000,
  );

  it('catches a handler that writes before its input is validated (negative control)', async () => {
    const strict = validators['ui:addEntity'];
    // Records the company it was asked for (here a fixed one, so the write itself cannot fail)
    // and only then checks the request.
    const writesFirst: Handlers['ui:addEntity'] = async (request) => {
      const db = await getDb();
      await db.put('entities', { ...createEntity({ name: 'Early bird' }, 0), id: 'written-before-validation' });
      return createEntity(newEntityInput(request), 0);
    };
    // The validator is bypassed, as if the handler had been wired before its validator.
    (validators as Record<string, (raw: unknown) => unknown>)['ui:addEntity'] = (raw) => raw;
    try {
      const { details } = await fuzzMessage('ui:addEntity', { ...handlers, 'ui:addEntity': writesFirst });
      expect(details.failed).toBe(true);
      expect(String(details.errorInstance)).toMatch(/nothing stored changed/u);
    } finally {
      (validators as Record<string, unknown>)['ui:addEntity'] = strict;
    }
  }, 60_000);

  it('refuses envelopes of any shape with a clear error, changing nothing', async () => {
    const envelope = fc.oneof(
      anyValue,
      fc.record({ type: anyValue, payload: anyValue }),
      fc.record({ type: fc.string(), payload: anyValue }),
    );
    await fc.assert(
      fc.asyncProperty(
        envelope,
        fc.constantFrom<SenderName>('extension page', 'content script'),
        async (message, from) => {
          // Only envelopes that are not a protocol message (those are fuzzed above).
          fc.pre(
            !(typeof message === 'object' && message !== null && isMessageType((message as { type?: unknown }).type)),
          );
          const db = await getDb();
          const before = await snapshotStored(db);
          const reply = await send(message, from);
          expectNoPollution();
          expect(reply.ok).toBe(false);
          if (!reply.ok)
            expect(isClearError(reply.error), `a clear error, not: ${reply.error.slice(0, 200)}`).toBe(true);
          expect(await snapshotStored(db)).toBe(before);
        },
      ),
      { numRuns: RUNS_PER_MESSAGE, endOnFailure: true },
    );
  }, 60_000);
});
