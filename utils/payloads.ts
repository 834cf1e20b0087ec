/**
 * Validators for the payloads of the message protocol (utils/messaging.ts): each turns an
 * unknown value into a typed request or throws a ValidationError naming the bad field.
 */
import type { Alias, NewEntityInput, TrackedEntity } from './entities';
import type { ListedFeed } from './feeds/opml';
import { DEFAULT_FEED_OPTIONS, type FeedOptions, validateFeedOptions } from './feeds/watched';
import { DEFAULT_SETTINGS, type Settings, validateSettings } from './settings';
import {
  type AdvertisedFeed,
  type MentionCount,
  normaliseStoryUrl,
  type PageReading,
  type PageStatus,
  type StoryReport,
} from './stories';
import * as v from './validate';

const MAX_TEXT = 1000;
const MAX_ID = 100;
const MAX_NAME = 200;
const COLOR = /^#[0-9a-f]{6}$/iu;

export function storyUrl(value: unknown, field: string): string {
  return normaliseStoryUrl(v.webUrl(value, field));
}

export function storyReport(raw: unknown): StoryReport {
  const o = v.object(raw, 'story');
  return {
    url: storyUrl(o.url, 'url'),
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
        entityId: v.string(mo.entityId, `${field}.entityId`, MAX_ID),
        count: v.integer(mo.count, `${field}.count`, 1, 1_000_000),
        inHeadline: v.boolean(mo.inHeadline, `${field}.inHeadline`),
        inLead: v.boolean(mo.inLead, `${field}.inLead`),
      };
    }),
    snippets: v.array(o.snippets, 'snippets', 3, (s, field) => v.string(s, field, 400)),
    ...(o.fingerprint === undefined || o.fingerprint === null
      ? {}
      : { fingerprint: v.matching(o.fingerprint, 'fingerprint', /^[0-9a-f]{8,64}$/u, 'a hex hash') }),
  };
}

function mentionCounts(value: unknown, field: string): MentionCount[] {
  return v.array(value, field, 5000, (m, at) => {
    const mo = v.object(m, at);
    return {
      entityId: v.string(mo.entityId, `${at}.entityId`, MAX_ID),
      count: v.integer(mo.count, `${at}.count`, 0, 1_000_000),
    };
  });
}

export function pageStatus(raw: unknown): PageStatus {
  const o = v.object(raw, 'page status');
  const status: PageStatus = {
    url: v.webUrl(o.url, 'url'),
    isArticle: v.boolean(o.isArticle, 'isArticle'),
    isBusiness: v.boolean(o.isBusiness, 'isBusiness'),
    mentions: mentionCounts(o.mentions, 'mentions'),
  };
  if (o.elsewhere !== undefined) status.elsewhere = mentionCounts(o.elsewhere, 'elsewhere');
  if (o.feeds !== undefined) status.feeds = advertisedFeeds(o.feeds);
  return status;
}

/** A tab's answer to tab:readPage (it comes from a web page's process). */
export function pageReading(raw: unknown): PageReading {
  const o = v.object(raw, 'page reading');
  return {
    url: v.webUrl(o.url, 'url'),
    storyUrl: storyUrl(o.storyUrl, 'storyUrl'),
    isArticle: v.boolean(o.isArticle, 'isArticle'),
    isBusiness: v.boolean(o.isBusiness, 'isBusiness'),
    mentions: mentionCounts(o.mentions, 'mentions'),
  };
}

/** Aliases or exclusions a person may give a company. */
const MAX_SPELLINGS = 100;
/** A stored company's aliases begin with its name, so it holds one more than a person gives. */
const MAX_STORED_ALIASES = MAX_SPELLINGS + 1;

const textList = (value: unknown, field: string) =>
  v.array(value, field, MAX_SPELLINGS, (s, f) => v.string(s, f, MAX_NAME));

export function newEntityInput(raw: unknown, field = 'company'): NewEntityInput {
  const o = v.object(raw, field);
  const input: NewEntityInput = {
    name: v.string(o.name, `${field}.name`, MAX_NAME),
    aliases: o.aliases === undefined ? [] : textList(o.aliases, `${field}.aliases`),
    exclusions: o.exclusions === undefined ? [] : textList(o.exclusions, `${field}.exclusions`),
    matchCase: o.matchCase === undefined ? false : v.boolean(o.matchCase, `${field}.matchCase`),
  };
  if (o.wholeWord !== undefined) input.wholeWord = v.boolean(o.wholeWord, `${field}.wholeWord`);
  const color = v.optional(o.color, (x) => v.matching(x, `${field}.color`, COLOR, 'a colour like #ffd54f'));
  if (color !== undefined) input.color = color;
  if (o.watchlist !== undefined) input.watchlist = v.nullableString(o.watchlist, `${field}.watchlist`, MAX_NAME);
  return input;
}

function alias(raw: unknown, field: string): Alias {
  const o = v.object(raw, field);
  return {
    text: v.string(o.text, `${field}.text`, MAX_NAME),
    matchCase: v.boolean(o.matchCase, `${field}.matchCase`),
    wholeWord: v.boolean(o.wholeWord, `${field}.wholeWord`),
  };
}

/** The editable fields of an entity; only those present are checked and returned. */
export function entityPatch(raw: unknown, field = 'changes'): Partial<Omit<TrackedEntity, 'id' | 'createdAt'>> {
  const o = v.object(raw, field);
  const patch: Partial<Omit<TrackedEntity, 'id' | 'createdAt'>> = {};
  if (o.name !== undefined) patch.name = v.string(o.name, `${field}.name`, MAX_NAME);
  if (o.aliases !== undefined) patch.aliases = v.array(o.aliases, `${field}.aliases`, MAX_STORED_ALIASES, alias);
  if (o.exclusions !== undefined) patch.exclusions = textList(o.exclusions, `${field}.exclusions`);
  if (o.color !== undefined) patch.color = v.matching(o.color, `${field}.color`, COLOR, 'a colour like #ffd54f');
  if (o.enabled !== undefined) patch.enabled = v.boolean(o.enabled, `${field}.enabled`);
  if (o.watchlist !== undefined) patch.watchlist = v.nullableString(o.watchlist, `${field}.watchlist`, MAX_NAME);
  return patch;
}

export function trackedEntity(raw: unknown, field: string): TrackedEntity {
  const o = v.object(raw, field);
  const patch = entityPatch(o, field);
  return {
    id: v.string(o.id, `${field}.id`, MAX_ID),
    name: v.string(o.name, `${field}.name`, MAX_NAME),
    aliases: v.array(o.aliases, `${field}.aliases`, MAX_STORED_ALIASES, alias),
    exclusions: textList(o.exclusions, `${field}.exclusions`),
    color: v.matching(o.color, `${field}.color`, COLOR, 'a colour like #ffd54f'),
    enabled: v.boolean(o.enabled, `${field}.enabled`),
    watchlist: patch.watchlist ?? null,
    createdAt: v.number(o.createdAt, `${field}.createdAt`, 0, Number.MAX_SAFE_INTEGER),
  };
}

/**
 * Settings sent by the options page must be valid as sent: a field the defaults would have
 * to replace is refused by name rather than silently reset.
 */
export function settings(raw: unknown): Settings {
  const o = v.object(raw, 'settings');
  const valid = validateSettings(o);
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    // validateSettings keeps a valid field as the very value sent and replaces an invalid one,
    // so identity tells them apart (serialising the value to compare could overflow the stack
    // on a value nested thousands deep).
    if (o[key] !== undefined && !Object.is(o[key], valid[key])) {
      throw new v.ValidationError(`settings.${key}`, 'not an allowed value');
    }
  }
  return valid;
}

/** A feed to watch, from the site picker or an OPML list. */
export function listedFeed(raw: unknown, field: string): ListedFeed {
  const o = v.object(raw, field);
  return {
    url: v.webUrl(o.url, `${field}.url`),
    title: v.nullableString(o.title, `${field}.title`, 300),
    siteUrl: o.siteUrl === null || o.siteUrl === undefined ? null : v.webUrl(o.siteUrl, `${field}.siteUrl`),
  };
}

/** Feed options as sent must be valid as sent, like settings: nothing is silently reset. */
export function feedOptions(raw: unknown): FeedOptions {
  const o = v.object(raw, 'feed options');
  const valid = validateFeedOptions(o);
  for (const key of Object.keys(DEFAULT_FEED_OPTIONS) as (keyof FeedOptions)[]) {
    if (!Object.is(o[key], valid[key])) throw new v.ValidationError(`feedOptions.${key}`, 'not an allowed value');
  }
  return valid;
}

const FEED_LINKS = 5;

/** The feeds a page advertises, as its content script reports them (a few, http(s) only). */
function advertisedFeeds(raw: unknown): AdvertisedFeed[] {
  return v.array(raw, 'feeds', FEED_LINKS, (f, field) => {
    const o = v.object(f, field);
    return { url: v.webUrl(o.url, `${field}.url`), title: v.nullableString(o.title, `${field}.title`, 200) };
  });
}
