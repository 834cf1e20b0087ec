/**
 * Hostile inputs for property-based fuzzing (fast-check): values of every wrong type, strings
 * with control and text-direction characters, strings and lists over every limit, nesting
 * thousands deep, and objects carrying prototype-pollution keys as their own properties.
 *
 * Every protocol message has an entry in MESSAGE_FUZZ: a valid payload to start from, which
 * near-valid inputs are made from by breaking one thing at a time (one field replaced, removed
 * or oversized, hostile keys added), and completely hostile payloads besides. The type makes a
 * new message without an entry a compile error; fuzz-coverage.test.ts checks the same at run
 * time, so no message can skip fuzzing.
 */
import fc from 'fast-check';
import type { MessageType, RequestOf } from '@/utils/messaging';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import type { StoryReport } from '@/utils/stories';

/** Keys that reach Object.prototype or confuse code that copies objects key by key. */
export const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'then',
];

/** An object with `key` as its own property, the way JSON.parse makes one (plain assignment would set the prototype). */
export function withOwnKey(target: object, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target as Record<string, unknown>;
}

const CONTROL = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u200e',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ud800',
  '\n',
  '\r\n',
  '\t',
];

export const controlString = fc
  .array(fc.oneof(fc.constantFrom(...CONTROL), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));

/** Longer than any field allows (the longest, a URL, allows 2,048 characters; a cursor 2,100). */
export const hugeString = fc
  .constantFrom(2_101, 70_000, 1_100_000)
  .chain((n) => fc.constantFrom('A', '\u202e', '小', 'é').map((c) => c.repeat(n)));

/** Values that break naive checks: odd numbers, look-alike URLs and colours, markup. */
export const trickyPrimitive = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  0.5,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  null,
  undefined,
  true,
  false,
  '',
  ' ',
  '1',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'chrome-extension://abcdefghijklmnop/options.html',
  'file:///etc/passwd',
  'http://',
  'https://\u0000.example/',
  '#zzzzzz',
  'red',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example")',
  '__proto__',
  BigInt(7),
  Symbol.for('x'),
);

/** Arrays or objects nested `depth` levels deep, built without recursion. */
export const deepNesting = fc.tuple(fc.integer({ min: 200, max: 20_000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'bottom';
  // Each level holds the one below once: a level that held it twice would make a graph
  // with 2^depth paths, which no sender could serialise.
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { '@graph': [value] };
  return value;
});

/** An object whose own keys include prototype-pollution keys. */
export const pollutingObject = fc
  .tuple(fc.subarray(POLLUTION_KEYS, { minLength: 1 }), fc.constantFrom<unknown>({ polluted: true }, 'x', null, []))
  .map(([keys, value]) => {
    const target: Record<string, unknown> = { polluted: true };
    for (const key of keys) withOwnKey(target, key, structuredClone(value));
    return target;
  });

/** Values of every other type than expected, JSON or not (Firefox sends structured clones). */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  key: fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 6 })),
});

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: trickyPrimitive },
  { weight: 2, arbitrary: controlString },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepNesting },
  { weight: 2, arbitrary: pollutingObject },
  { weight: 3, arbitrary: anyValue },
);

type Path = (string | number)[];

/** Every path to a value inside `value` (object keys and array indices), the root excluded. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** A deep copy of `value` with the value at `path` replaced (or removed when `replacement` is REMOVE). */
const REMOVE = Symbol('remove');
function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (replacement === REMOVE) delete parent[last];
  else withOwnKey(parent, String(last), replacement);
  return copy;
}

/** Valid payloads broken in one place: a field replaced, removed or oversized, or hostile keys added. */
export function nearValid(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const mutations: fc.Arbitrary<unknown>[] = [
    pollutingObject.map((extra) => {
      const copy = structuredClone(valid) as Record<string, unknown>;
      for (const key of Object.keys(extra)) withOwnKey(copy, key, extra[key]);
      return copy;
    }),
  ];
  if (paths.length > 0) {
    const path = fc.constantFrom(...paths);
    mutations.push(
      fc.tuple(path, hostileValue).map(([p, v]) => replaceAt(valid, p, v)),
      path.map((p) => replaceAt(valid, p, REMOVE)),
      fc.tuple(path, fc.constantFrom(5_001, 10_001)).map(([p, n]) =>
        replaceAt(
          valid,
          p,
          Array.from({ length: n }, () => 'x'),
        ),
      ),
    );
  }
  return fc.oneof(...mutations);
}

const REPORT: StoryReport = {
  url: 'https://news.example/business/acme-results',
  visitedUrl: 'https://news.example/business/acme-results?utm_source=feed',
  title: 'Acme results beat forecasts',
  publisher: 'News Example',
  byline: 'A. Writer',
  publishedTime: '2026-11-20T08:00:00Z',
  lang: 'en',
  section: 'Business',
  isBusiness: true,
  businessScore: 0.8,
  mentions: [{ entityId: 'e-acme', count: 2, inHeadline: true, inLead: false }],
  snippets: ['Acme said on Monday'],
  fingerprint: '0123456789abcdef',
};

const ENTITY = {
  id: 'e-acme',
  name: 'Acme',
  aliases: [{ text: 'Acme', matchCase: false, wholeWord: true }],
  exclusions: ['Acme Road'],
  color: '#81d4fa',
  enabled: true,
  watchlist: 'Clients',
  createdAt: 1_700_000_000_000,
};

const SETTINGS: RequestOf<'ui:saveSettings'> = {
  ...DEFAULT_SETTINGS,
  disabledSites: ['private.example'],
  newsSites: ['wire.example'],
};

/** One valid payload per protocol message: near-valid fuzz inputs are made from it. */
export const VALID_PAYLOADS: { [K in MessageType]: RequestOf<K> } = {
  'content:reportStory': REPORT,
  'content:pageStatus': {
    url: 'https://news.example/business/acme-results',
    isArticle: true,
    isBusiness: true,
    mentions: [{ entityId: 'e-acme', count: 2 }],
  },
  'ui:setStoryFlags': { url: REPORT.url, flags: { read: true, starred: false } },
  'ui:markAllRead': {},
  'ui:deleteStory': { url: REPORT.url },
  'ui:listEntities': {},
  'ui:addEntity': { name: 'Initech', aliases: ['Initech Corp'], exclusions: [], matchCase: false, color: '#a5d6a7' },
  'ui:addEntities': { inputs: [{ name: 'Globex' }, { name: 'Umbrella', aliases: ['Umbrella Corp'] }] },
  'ui:updateEntity': { id: 'e-acme', patch: { name: 'Acme Corp', color: '#ffd54f', enabled: false } },
  'ui:removeEntity': { id: 'e-acme' },
  'ui:getSettings': {},
  'ui:saveSettings': SETTINGS,
  'ui:getPageStatus': { tabId: 7 },
  'ui:readPage': { tabId: 7 },
  'ui:recordPage': { tabId: 7, url: 'https://shop.example/blog/acme-opens' },
  'ui:markNotNews': { url: REPORT.url, tab: { id: 7, url: REPORT.visitedUrl } },
  'ui:exportData': {},
  'ui:importEntities': { entities: [ENTITY] },
  'ui:deleteAllData': {},
  'ui:getStorageProblem': {},
  'ui:getSync': {},
  'ui:setSync': { enabled: false },
  'ui:listFeeds': {},
  // The fuzzed background fetches nothing (messages.fuzz.test.ts gives it a fetch that fails).
  'ui:watchFeed': { address: 'https://news.example/feed.xml' },
  'ui:addFeeds': {
    feeds: [{ url: 'https://news.example/feed.xml', title: 'News Example', siteUrl: 'https://news.example/' }],
  },
  'ui:setFeedPaused': { id: 'f-none', paused: true },
  'ui:removeFeed': { id: 'f-none' },
  'ui:checkFeeds': {},
  'ui:saveFeedOptions': { intervalMinutes: 60, notify: 'chosen', notifyEntityIds: ['e-acme'] },
};

/** Fuzz inputs for every protocol message: near-valid ones, and hostile values of any shape. */
export const MESSAGE_FUZZ: { [K in MessageType]: fc.Arbitrary<unknown> } = Object.fromEntries(
  (Object.keys(VALID_PAYLOADS) as MessageType[]).map((type) => [
    type,
    fc.oneof({ weight: 3, arbitrary: nearValid(VALID_PAYLOADS[type]) }, { weight: 1, arbitrary: hostileValue }),
  ]),
) as { [K in MessageType]: fc.Arbitrary<unknown> };
