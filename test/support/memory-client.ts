/**
 * An in-memory StoreClient with the store's behaviour (filters, search, paging, syndication
 * groups, duplicate names), for testing the Preact UI without a browser. Its story list is the
 * in-memory reader's (memory-reader.ts), over the same arrays.
 */
import type { StoreClient } from '../../utils/client';
import { toRecord, toStored } from '../../utils/db/story-index';
import { cleanName, createEntity, type TrackedEntity } from '../../utils/entities';
import { DEFAULT_SETTINGS, type Settings, validateSettings } from '../../utils/settings';
import type { PageReading, PageStatus, StoryRecord } from '../../utils/stories';
import type { CompanySuggestion } from '../../utils/suggest/suggestion';
import type { SyncStatus } from '../../utils/sync/items';
import { memoryStoryReader } from './memory-reader';

export interface MemoryClientOptions {
  settings?: Settings;
  pageStatus?: Record<number, PageStatus>;
  storageProblem?: string | null;
  /** The sync switch and what stops sync, as the background would answer. */
  sync?: SyncStatus;
  /** What the suggestion script would find in each tab; null for no article, an Error when the tab cannot be read. */
  suggestions?: Record<number, CompanySuggestion[] | null | Error>;
  /** What the content script of each tab reads on its page (tab:readPage); none for a tab without one. */
  pageReadings?: Record<number, PageReading>;
}

/** The story "Record this page" stores for a reading, as the content script would report it. */
function recordedFrom(reading: PageReading, now: number): StoryRecord {
  return {
    url: reading.storyUrl,
    visitedUrl: reading.url,
    title: `Recorded by hand: ${reading.url}`,
    publisher: null,
    byline: null,
    publishedTime: null,
    lang: null,
    section: null,
    isBusiness: reading.isBusiness,
    businessScore: reading.isBusiness ? 1 : 0,
    mentions: reading.mentions.map((m) => ({ ...m, inHeadline: false, inLead: false })),
    snippets: [],
    firstSeen: now,
    lastSeen: now,
    read: false,
    starred: false,
  };
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export function memoryStoreClient(
  stories: StoryRecord[] = [],
  entities: TrackedEntity[] = [],
  options: MemoryClientOptions = {},
): StoreClient {
  let settings = validateSettings(options.settings ?? DEFAULT_SETTINGS);
  const notNews = new Set<string>();
  const readings = options.pageReadings ?? {};
  let sync: SyncStatus = options.sync ?? { enabled: true, problem: null, lastSynced: null };
  const reader = memoryStoryReader(stories, entities);
  const find = (url: string) => {
    const story = stories.find((s) => s.url === url);
    if (!story) throw new Error('That story is no longer stored.');
    return story;
  };
  const addOne = (input: Parameters<StoreClient['addEntity']>[0]) => {
    const entity = createEntity(input, entities.length);
    const clash = entities.find((e) => sameName(e.name, entity.name));
    if (clash) throw new Error(`"${clash.name}" is already tracked.`);
    entities.push(entity);
    return entity;
  };

  return {
    listStories: (query) => reader.listStories(query),
    countStories: (filter) => reader.countStories(filter),
    async setStoryFlags(url, flags) {
      Object.assign(find(url), flags);
    },
    async markAllRead() {
      const unread = stories.filter((s) => !s.read);
      for (const s of unread) s.read = true;
      return unread.length;
    },
    async deleteStory(url) {
      const index = stories.findIndex((s) => s.url === url);
      if (index >= 0) stories.splice(index, 1);
    },
    listEntities: async () => [...entities],
    addEntity: async (input) => addOne(input),
    async addEntities(inputs) {
      const added: TrackedEntity[] = [];
      const skipped: { name: string; reason: string }[] = [];
      for (const input of inputs) {
        try {
          added.push(addOne(input));
        } catch (error) {
          skipped.push({ name: input.name, reason: error instanceof Error ? error.message : String(error) });
        }
      }
      return { added, skipped };
    },
    async updateEntity(id, patch) {
      const current = entities.find((e) => e.id === id);
      if (!current) throw new Error('That company is no longer tracked.');
      const name = patch.name === undefined ? current.name : cleanName(patch.name);
      const clash = entities.find((e) => e.id !== id && sameName(e.name, name));
      if (clash) throw new Error(`"${clash.name}" is already tracked.`);
      Object.assign(current, patch, { name });
      return { ...current };
    },
    async removeEntity(id) {
      const index = entities.findIndex((e) => e.id === id);
      if (index >= 0) entities.splice(index, 1);
      return index >= 0;
    },
    getSettings: async () => settings,
    async saveSettings(next) {
      settings = validateSettings(next);
      return settings;
    },
    getPageStatus: async (tabId) => options.pageStatus?.[tabId] ?? null,
    async readPage(tabId) {
      const reading = readings[tabId];
      if (!reading) return null;
      const recorded = stories.some((s) => s.url === reading.storyUrl);
      return { ...reading, recorded, notNews: notNews.has(reading.storyUrl) };
    },
    async recordPage(tabId, url) {
      const reading = readings[tabId];
      if (reading?.url !== url) throw new Error('The page in this tab has changed since the popup opened.');
      notNews.delete(reading.storyUrl);
      readings[tabId] = { ...reading, isArticle: true };
      if (reading.mentions.length === 0) return false;
      if (!stories.some((s) => s.url === reading.storyUrl)) stories.push(recordedFrom(reading, Date.now()));
      return true;
    },
    async markNotNews(url, tab) {
      const index = stories.findIndex((s) => s.url === url);
      if (index >= 0) stories.splice(index, 1);
      notNews.add(url);
      const reading = tab && readings[tab.id];
      if (reading && reading.url === tab.url) readings[tab.id] = { ...reading, isArticle: false };
    },
    exportData: async () => ({ entities: [...entities], stories: stories.map((s) => toRecord(toStored(s))) }),
    async importEntities(imported) {
      let added = 0;
      let changed = 0;
      for (const entity of imported) {
        const match = entities.find((e) => e.id === entity.id) ?? entities.find((e) => sameName(e.name, entity.name));
        if (!match) {
          entities.push(entity);
          added += 1;
        } else if (JSON.stringify({ ...entity, id: match.id }) !== JSON.stringify(match)) {
          Object.assign(match, entity, { id: match.id });
          changed += 1;
        }
      }
      return { added, changed };
    },
    async deleteAllData() {
      stories.splice(0);
      entities.splice(0);
      settings = DEFAULT_SETTINGS;
    },
    getStorageProblem: async () => options.storageProblem ?? null,
    async getSync() {
      return { ...sync };
    },
    async setSync(enabled) {
      sync = { ...sync, enabled, problem: enabled ? sync.problem : null };
      return { ...sync };
    },
    async suggestCompanies(tabId) {
      const found = options.suggestions?.[tabId];
      if (found instanceof Error) throw found;
      return found === undefined ? [] : found;
    },
  };
}
