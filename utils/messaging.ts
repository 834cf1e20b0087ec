/**
 * The one message protocol of News Tracker.
 *
 * Every exchange between content scripts, extension pages and the background is declared here
 * with its request and response types and a validator for the request. Message names say who
 * sends them: `content:*` come from content scripts inside web pages (untrusted: they can only
 * report what they saw), `ui:*` come from the popup, options and dashboard pages (privileged),
 * and `tab:*` (utils/tab-messaging.ts) go from the background to the content script of one tab.
 * Two exchanges run beside it, each documented where it lives: the content state the background
 * writes for content scripts (utils/content-state.ts), and the popup reading the article in its
 * tab (utils/suggest/tab-reading.ts). Extension pages read stories straight from the database
 * (utils/db/reader.ts); every change goes through here.
 * The background's handler registry (utils/background/handlers.ts) must handle every message.
 */
import type { NewEntityInput, TrackedEntity } from './entities';
import type { ListedFeed } from './feeds/opml';
import type { CheckSummary, FeedOptions, WatchedFeed, WatchResult } from './feeds/watched';
import * as p from './payloads';
import type { Settings } from './settings';
import type { PageStanding, PageStatus, StoryRecord, StoryReport } from './stories';
import type { SyncStatus } from './sync/items';
import * as v from './validate';

type Empty = Record<string, never>;
type EntityPatch = Partial<Omit<TrackedEntity, 'id' | 'createdAt'>>;

export interface Protocol {
  /** `saved` is false for an address the person marked "Not a news story". */
  'content:reportStory': { request: StoryReport; response: { saved: boolean } };
  'content:pageStatus': { request: PageStatus; response: { badge: string } };
  'ui:setStoryFlags': { request: { url: string; flags: { read?: boolean; starred?: boolean } }; response: null };
  'ui:markAllRead': { request: Empty; response: { changed: number } };
  'ui:deleteStory': { request: { url: string }; response: null };
  'ui:listEntities': { request: Empty; response: TrackedEntity[] };
  'ui:addEntity': { request: NewEntityInput; response: TrackedEntity };
  'ui:addEntities': {
    request: { inputs: NewEntityInput[] };
    response: { added: TrackedEntity[]; skipped: { name: string; reason: string }[] };
  };
  'ui:updateEntity': { request: { id: string; patch: EntityPatch }; response: TrackedEntity };
  'ui:removeEntity': { request: { id: string }; response: { removed: boolean } };
  'ui:getSettings': { request: Empty; response: Settings };
  'ui:saveSettings': { request: Settings; response: Settings };
  'ui:getPageStatus': { request: { tabId: number }; response: PageStatus | null };
  /** What the page in the tab names and whether its address is recorded or marked; null where no content script answers. */
  'ui:readPage': { request: { tabId: number }; response: PageStanding | null };
  /** "Record this page": the page at `url` in the tab is recorded as a news story, and highlighted. */
  'ui:recordPage': { request: { tabId: number; url: string }; response: { recorded: boolean } };
  /** "Not a news story": the story at `url` is deleted and never recorded again; `tab` shows that page, if open. */
  'ui:markNotNews': { request: { url: string; tab?: { id: number; url: string } }; response: null };
  'ui:exportData': { request: Empty; response: { entities: TrackedEntity[]; stories: StoryRecord[] } };
  'ui:importEntities': { request: { entities: TrackedEntity[] }; response: { added: number; changed: number } };
  'ui:deleteAllData': { request: Empty; response: null };
  'ui:getStorageProblem': { request: Empty; response: { problem: string | null } };
  'ui:getSync': { request: Empty; response: SyncStatus };
  'ui:setSync': { request: { enabled: boolean }; response: SyncStatus };
  'ui:listFeeds': { request: Empty; response: { feeds: WatchedFeed[]; options: FeedOptions } };
  'ui:watchFeed': { request: { address: string }; response: WatchResult };
  'ui:addFeeds': { request: { feeds: ListedFeed[] }; response: { added: number; already: number } };
  'ui:setFeedPaused': { request: { id: string; paused: boolean }; response: WatchedFeed };
  'ui:removeFeed': { request: { id: string }; response: { removed: boolean } };
  'ui:checkFeeds': { request: Empty; response: CheckSummary };
  'ui:saveFeedOptions': { request: FeedOptions; response: FeedOptions };
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['request'];
export type ResponseOf<K extends MessageType> = Protocol[K]['response'];

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: RequestOf<K>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Messages a content script may send; everything else needs an extension page. */
export const CONTENT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'content:reportStory',
  'content:pageStatus',
]);

const MAX_ID = 100;
const id = (raw: unknown) => v.string(v.object(raw, 'request').id, 'id', MAX_ID);
const flags = (raw: unknown) => {
  const o = v.object(raw, 'flags');
  const out: { read?: boolean; starred?: boolean } = {};
  if (o.read !== undefined) out.read = v.boolean(o.read, 'flags.read');
  if (o.starred !== undefined) out.starred = v.boolean(o.starred, 'flags.starred');
  return out;
};

const tabId = (value: unknown, field: string) => v.integer(value, field, 0, Number.MAX_SAFE_INTEGER);

/** Validators turn an unknown payload into a typed request, or throw a ValidationError. */
export const validators: { [K in MessageType]: (payload: unknown) => RequestOf<K> } = {
  'content:reportStory': p.storyReport,
  'content:pageStatus': p.pageStatus,
  'ui:setStoryFlags': (raw) => {
    const o = v.object(raw, 'request');
    return { url: p.storyUrl(o.url, 'url'), flags: flags(o.flags) };
  },
  'ui:markAllRead': v.empty,
  'ui:deleteStory': (raw) => ({ url: p.storyUrl(v.object(raw, 'request').url, 'url') }),
  'ui:listEntities': v.empty,
  'ui:addEntity': (raw) => p.newEntityInput(raw),
  'ui:addEntities': (raw) => ({
    inputs: v.array(v.object(raw, 'request').inputs, 'inputs', 5000, (x, f) => p.newEntityInput(x, f)),
  }),
  'ui:updateEntity': (raw) => ({ id: id(raw), patch: p.entityPatch(v.object(raw, 'request').patch, 'patch') }),
  'ui:removeEntity': (raw) => ({ id: id(raw) }),
  'ui:getSettings': v.empty,
  'ui:saveSettings': p.settings,
  'ui:getPageStatus': (raw) => ({ tabId: tabId(v.object(raw, 'request').tabId, 'tabId') }),
  'ui:readPage': (raw) => ({ tabId: tabId(v.object(raw, 'request').tabId, 'tabId') }),
  'ui:recordPage': (raw) => {
    const o = v.object(raw, 'request');
    return { tabId: tabId(o.tabId, 'tabId'), url: v.webUrl(o.url, 'url') };
  },
  'ui:markNotNews': (raw) => {
    const o = v.object(raw, 'request');
    const url = p.storyUrl(o.url, 'url');
    if (o.tab === undefined) return { url };
    const tab = v.object(o.tab, 'tab');
    return { url, tab: { id: tabId(tab.id, 'tab.id'), url: v.webUrl(tab.url, 'tab.url') } };
  },
  'ui:exportData': v.empty,
  'ui:importEntities': (raw) => ({
    entities: v.array(v.object(raw, 'request').entities, 'entities', 10_000, p.trackedEntity),
  }),
  'ui:deleteAllData': v.empty,
  'ui:getStorageProblem': v.empty,
  'ui:getSync': v.empty,
  'ui:setSync': (raw) => ({ enabled: v.boolean(v.object(raw, 'request').enabled, 'enabled') }),
  'ui:listFeeds': v.empty,
  'ui:watchFeed': (raw) => ({ address: v.string(v.object(raw, 'request').address, 'address', 2048) }),
  'ui:addFeeds': (raw) => ({ feeds: v.array(v.object(raw, 'request').feeds, 'feeds', 5000, p.listedFeed) }),
  'ui:setFeedPaused': (raw) => ({ id: id(raw), paused: v.boolean(v.object(raw, 'request').paused, 'paused') }),
  'ui:removeFeed': (raw) => ({ id: id(raw) }),
  'ui:checkFeeds': v.empty,
  'ui:saveFeedOptions': p.feedOptions,
};

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(validators, value);
}

/**
 * Requests that give the same result when they arrive twice, so a request whose answer was lost
 * (the browser stopped the service worker half-way through it) can simply be sent again. Adding
 * a company twice would be refused as a duplicate, so those are not retried: the user sees why.
 */
const SAFE_TO_REPEAT: ReadonlySet<MessageType> = new Set<MessageType>([
  'content:reportStory',
  'content:pageStatus',
  'ui:setStoryFlags',
  'ui:markAllRead',
  'ui:deleteStory',
  'ui:listEntities',
  'ui:updateEntity',
  'ui:getSettings',
  'ui:saveSettings',
  'ui:getPageStatus',
  'ui:readPage',
  'ui:recordPage',
  'ui:markNotNews',
  'ui:exportData',
  'ui:deleteAllData',
  'ui:getStorageProblem',
  'ui:getSync',
  'ui:setSync',
  'ui:listFeeds',
  'ui:setFeedPaused',
  'ui:removeFeed',
  'ui:checkFeeds',
  'ui:saveFeedOptions',
]);

/** Chrome's words for "the service worker went away before it answered" (it restarts on the next message). */
const LOST_ANSWER = /message (channel|port) closed before a response|receiving end does not exist/iu;
const RETRY_DELAYS_MS = [50, 250, 1000];
/**
 * A story report is the user's record and nobody waits on it, so it keeps trying for about half
 * a minute: on a loaded machine a worker that the browser stops again and again can lose
 * several answers in a row.
 */
const REPORT_RETRY_DELAYS_MS = [50, 250, 1000, 2000, 4000, 8000, 15_000];

const NO_ANSWER = 'News Tracker’s background did not answer. Reload the extension and try again.';

/**
 * Sends a typed message to the background and unwraps its reply; a refusal becomes an Error.
 * A request that is safe to repeat is sent again when the worker stopped before answering.
 */
export async function sendMessage<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const { browser } = await import('wxt/browser');
  const delays =
    type === 'content:reportStory' ? REPORT_RETRY_DELAYS_MS : SAFE_TO_REPEAT.has(type) ? RETRY_DELAYS_MS : [];
  for (let attempt = 0; ; attempt++) {
    let reply: Reply<ResponseOf<K>> | undefined;
    let lost: unknown = null;
    try {
      reply = (await browser.runtime.sendMessage({ type, payload } satisfies Envelope<K>)) as typeof reply;
    } catch (error) {
      if (!(error instanceof Error && LOST_ANSWER.test(error.message))) throw error;
      lost = error;
    }
    if (reply) {
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    }
    const delay = delays[attempt];
    if (delay === undefined) throw new Error(NO_ANSWER, lost ? { cause: lost } : undefined);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/**
 * True in a content script whose extension was updated, reloaded or removed since it started:
 * Chrome takes `chrome.runtime` away from such orphaned scripts. (WXT's own check reads
 * `browser.runtime.id`, which webextension-polyfill keeps answering from its cache, so an
 * orphaned script would otherwise never stop.)
 */
export function extensionContextLost(): boolean {
  const { chrome } = globalThis as { chrome?: { runtime?: { id?: string } } };
  return chrome?.runtime?.id === undefined;
}

/**
 * Makes WXT's context notice a lost extension: its `isInvalid` check (run by every ctx timer
 * and listener) also asks extensionContextLost. Returns `watch`, which starts a once-a-second
 * check; call it only once the page has something to let go of (tracked companies), so a
 * page with nothing to do gets no extension task at all.
 */
export function stopWhenExtensionLost(ctx: {
  readonly signal: AbortSignal;
  notifyInvalidated(): void;
  setInterval(handler: () => void, timeout?: number): number;
}): () => void {
  Object.defineProperty(ctx, 'isInvalid', {
    configurable: true,
    get() {
      if (!ctx.signal.aborted && extensionContextLost()) ctx.notifyInvalidated();
      return ctx.signal.aborted;
    },
  });
  let watching = false;
  return () => {
    if (watching) return;
    watching = true;
    // ctx.setInterval asks isInvalid before each call, which is the whole point of the timer.
    ctx.setInterval(() => undefined, 1000);
  };
}
