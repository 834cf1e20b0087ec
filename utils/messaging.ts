/**
 * The one message protocol of News Tracker.
 *
 * Every exchange between content scripts, extension pages and the background is declared here
 * with its request and response types and a validator for the request. Message names say who
 * sends them: `content:*` come from content scripts inside web pages (untrusted: they can only
 * report what they saw), `ui:*` come from the popup and options pages (privileged).
 * The background's handler registry (utils/background/handlers.ts) must handle every message.
 */
import type { NewEntityInput, TrackedEntity } from './entities';
import type { StoryRecord, StoryReport } from './stories';
import * as v from './validate';

export interface Protocol {
  'content:reportStory': { request: StoryReport; response: { saved: boolean } };
  'ui:listStories': { request: { limit: number }; response: StoryRecord[] };
  'ui:listEntities': { request: Record<string, never>; response: TrackedEntity[] };
  'ui:addEntity': { request: NewEntityInput; response: TrackedEntity };
  'ui:removeEntity': { request: { id: string }; response: { removed: boolean } };
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
export const CONTENT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>(['content:reportStory']);

const MAX_TEXT = 1000;

function storyReport(raw: unknown): StoryReport {
  const o = v.object(raw, 'story');
  return {
    url: v.webUrl(o.url, 'url'),
    visitedUrl: v.webUrl(o.visitedUrl, 'visitedUrl'),
    title: v.string(o.title, 'title', MAX_TEXT),
    publisher: v.nullableString(o.publisher, 'publisher', 200),
    byline: v.nullableString(o.byline, 'byline', 300),
    publishedTime: v.nullableString(o.publishedTime, 'publishedTime', 40),
    lang: v.nullableString(o.lang, 'lang', 35),
    section: v.nullableString(o.section, 'section', 200),
    isBusiness: v.boolean(o.isBusiness, 'isBusiness'),
    businessScore: v.number(o.businessScore, 'businessScore', 0, 1),
    mentions: v.array(o.mentions, 'mentions', 5000, (m, field) => {
      const mo = v.object(m, field);
      return {
        entityId: v.string(mo.entityId, `${field}.entityId`, 100),
        count: v.integer(mo.count, `${field}.count`, 1, 1_000_000),
        inHeadline: v.boolean(mo.inHeadline, `${field}.inHeadline`),
        inLead: v.boolean(mo.inLead, `${field}.inLead`),
      };
    }),
    snippets: v.array(o.snippets, 'snippets', 3, (s, field) => v.string(s, field, 400)),
  };
}

/** Validators turn an unknown payload into a typed request, or throw a ValidationError. */
export const validators: { [K in MessageType]: (payload: unknown) => RequestOf<K> } = {
  'content:reportStory': storyReport,
  'ui:listStories': (raw) => ({ limit: v.integer(v.object(raw, 'request').limit, 'limit', 1, 500) }),
  'ui:listEntities': (raw) => {
    v.object(raw, 'request');
    return {};
  },
  'ui:addEntity': (raw) => {
    const o = v.object(raw, 'company');
    const list = (value: unknown, field: string) =>
      value === undefined ? [] : v.array(value, field, 100, (s, f) => v.string(s, f, 200));
    return {
      name: v.string(o.name, 'name', 200),
      aliases: list(o.aliases, 'aliases'),
      exclusions: list(o.exclusions, 'exclusions'),
      matchCase: o.matchCase === undefined ? false : v.boolean(o.matchCase, 'matchCase'),
    };
  },
  'ui:removeEntity': (raw) => ({ id: v.string(v.object(raw, 'request').id, 'id', 100) }),
};

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(validators, value);
}

/** Sends a typed message to the background and unwraps its reply; a refusal becomes an Error. */
export async function sendMessage<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const { browser } = await import('wxt/browser');
  const reply = (await browser.runtime.sendMessage({ type, payload } satisfies Envelope<K>)) as
    | Reply<ResponseOf<K>>
    | undefined;
  if (!reply) throw new Error('News Tracker’s background did not answer. Reload the extension and try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
