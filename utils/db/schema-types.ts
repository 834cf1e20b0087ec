/**
 * The shape of News Tracker's one IndexedDB database: its stores, their keys, values and
 * indexes, as the current version has them. How each version came to be, and the upgrade from
 * every earlier one, are in schema.ts.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { TrackedEntity } from '../entities';
import type { CopySignature } from '../feeds/copies';
import type { FeedOptions, WatchedFeed } from '../feeds/watched';
import type { Settings } from '../settings';
import type { TabState } from '../stories';
import type { StoryFact } from './facts';
import type { StoredStory } from './story-index';

/** A key of the search index: a word and the week of the stories listed under it (search-index.ts). */
export type PostingKey = [word: string, week: number];
export interface NewsTrackerDB extends DBSchema {
  entities: {
    key: string;
    value: TrackedEntity;
    indexes: { 'by-created': number };
  };
  stories: {
    /** The story's number (`sid`) from version 6 on; its canonical URL before. */
    key: number;
    value: StoredStory;
    indexes: {
      /** Version 6: the canonical URL, unique. */
      'by-url': string;
      'by-last-seen': number;
      /** Version 9: the story's date (`dated`), the list's default order. */
      'by-dated': number;
      /** [entityId, dated] from version 9 on; [entityId, lastSeen] before. */
      'by-entity': [string, number];
      /** [publisher, dated] from version 9 on; [publisher, lastSeen] before. */
      'by-publisher': [string, number];
      /** `unreadDated` from version 9 on; `unreadSeen` before. */
      'by-unread': number;
      /** `starredDated` from version 9 on; `starredSeen` before. */
      'by-starred': number;
      /** Version 3 only: removed by version 4. */
      'by-word': string;
      /** Versions 4 and 5: the story's number in the search index (the key from version 6 on). */
      'by-sid': number;
      'by-title': string;
      'by-fingerprint': string;
      'by-group': string;
      /** Version 10: `feedDated`, on stories a feed found. */
      'by-feed': number;
      /** Version 10: `feedUnreadDated`, on those still unread. */
      'by-feed-unread': number;
    };
  };
  settings: {
    key: 'settings';
    value: Settings;
  };
  /** Version 2: the dashboard's compact copy of each story (utils/db/facts.ts). */
  storyFacts: {
    /** The story's number from version 6 on (see StoredFact); its canonical URL before. */
    key: number;
    value: StoredFact;
    indexes: { 'by-first-seen': number };
  };
  /** Version 4: story numbers by [word, week] (utils/db/search-index.ts). */
  searchPostings: {
    key: PostingKey;
    value: number[];
  };
  /** Version 4: numbers of the stories not yet in searchPostings, under the one key 'sids'. */
  searchPending: {
    key: 'sids';
    value: number[];
  };
  /** Version 7: each open tab's page status and recorded story, by tab id (utils/background/tab-status.ts). */
  tabStates: {
    key: number;
    value: TabState;
  };
  /** Version 8: addresses marked "Not a news story", by canonical URL (utils/db/not-news.ts). */
  notNews: {
    key: string;
    value: NotNewsMark;
  };
  /** Version 10: the watched feeds, by id (utils/db/feeds.ts). */
  feeds: {
    key: string;
    value: WatchedFeed;
  };
  /** Version 10: how often feeds are checked and what to notify, under the one key 'options'. */
  feedOptions: {
    key: 'options';
    value: FeedOptions;
  };
  /**
   * Version 10: copy signatures of the feed stories of the last two weeks, by [seenAt, sid],
   * found by their band keys (utils/db/copy-bands.ts).
   */
  copyBands: {
    key: [number, number];
    value: CopyBandEntry;
    indexes: { 'by-band': number };
  };
  /** Version 11: the dashboard's counts per local day and company, by [day, entityId] (utils/db/day-counts.ts). */
  dayCounts: {
    key: [number, string];
    value: CompanyDay;
  };
  /** Version 12: addresses of the stories the person deleted, by canonical URL (utils/db/stories.ts). */
  deletedStories: {
    key: string;
    value: DeletedStory;
  };
}

/**
 * The stories first read on one local day (in the browser's zone) that name one tracked
 * company: what the dashboard's charts add up.
 */
export interface CompanyDay {
  day: number;
  entityId: string;
  stories: number;
  /** Of `stories`, those classified as business news. */
  business: number;
  /** Stories by publisher; null for a page that named none. */
  publishers: Map<string | null, number>;
  /** Stories by every company they name (this one among them): the ids sorted, one per line. */
  sets: Map<string, number>;
}

/** An address the person said is not a news story, and when they said so. */
export interface NotNewsMark {
  url: string;
  markedAt: number;
}

/** A story the person deleted: a feed that still lists its address does not bring it back. */
export interface DeletedStory {
  url: string;
  deletedAt: number;
}

/** A feed story's copy signature, kept while a copy of it could still arrive. */
export interface CopyBandEntry {
  seenAt: number;
  sid: number;
  keys: number[];
  signature: CopySignature;
}

/** A story's fact as stored: with the story's number (its key) from version 6 on. */
export type StoredFact = StoryFact;

export type NewsDb = IDBPDatabase<NewsTrackerDB>;
