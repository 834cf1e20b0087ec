/**
 * What the popup, options and dashboard pages need, behind one interface so the Preact UI can be
 * tested against the in-memory implementation (test/support/memory-client.ts).
 *
 * The story list is read straight from IndexedDB through utils/db/reader.ts, as the dashboard
 * reads; everything else goes to the background by message, and every change does: the
 * background owns the data and keeps the content state in step.
 */
import { openStoryReader } from './db/reader';
import type { NewEntityInput, TrackedEntity } from './entities';
import { sendMessage } from './messaging';
import type { Settings } from './settings';
import type { PageStanding, PageStatus, StoryPage, StoryQuery, StoryRecord } from './stories';
import type { Suggester } from './suggest/suggester';
import type { CompanySuggestion } from './suggest/suggestion';
import { readTabArticle } from './suggest/tab-reading';
import type { SyncStatus } from './sync/items';

export type EntityPatch = Partial<Omit<TrackedEntity, 'id' | 'createdAt'>>;

export interface StoreClient {
  /** Newest first; pass the returned cursor to get the next page. */
  listStories(query: StoryQuery): Promise<StoryPage>;
  /** How many stored stories answer the filters (a syndicated story's copies each count). */
  countStories(filter: Omit<StoryQuery, 'limit' | 'cursor' | 'order'>): Promise<number>;
  setStoryFlags(url: string, flags: { read?: boolean; starred?: boolean }): Promise<void>;
  /** Returns how many stories were unread. */
  markAllRead(): Promise<number>;
  deleteStory(url: string): Promise<void>;
  listEntities(): Promise<TrackedEntity[]>;
  addEntity(input: NewEntityInput): Promise<TrackedEntity>;
  addEntities(
    inputs: NewEntityInput[],
  ): Promise<{ added: TrackedEntity[]; skipped: { name: string; reason: string }[] }>;
  updateEntity(id: string, patch: EntityPatch): Promise<TrackedEntity>;
  removeEntity(id: string): Promise<boolean>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  /** What the content script reported for that tab; null when it reported nothing. */
  getPageStatus(tabId: number): Promise<PageStatus | null>;
  /** What the page in that tab names, read now, and whether its address is recorded or marked not news; null where it cannot say. */
  readPage(tabId: number): Promise<PageStanding | null>;
  /** "Record this page": records the page at `url` in that tab as a news story; false when its text names no tracked company. */
  recordPage(tabId: number, url: string): Promise<boolean>;
  /** "Not a news story": deletes the story at `url` and never records that address again; `tab` is where it is open, if it is. */
  markNotNews(url: string, tab?: { id: number; url: string }): Promise<void>;
  exportData(): Promise<{ entities: TrackedEntity[]; stories: StoryRecord[] }>;
  /** Entities already validated and previewed by the UI; matched by id, then by name. */
  importEntities(entities: TrackedEntity[]): Promise<{ added: number; changed: number }>;
  deleteAllData(): Promise<void>;
  /** A message for the user when stories cannot be saved (disk full, IndexedDB unavailable). */
  getStorageProblem(): Promise<string | null>;
  /** Whether companies and settings follow the user through the browser's sync, and what stops them. */
  getSync(): Promise<SyncStatus>;
  setSync(enabled: boolean): Promise<SyncStatus>;
  /** Companies the article in that tab is about, best first, tracked or not (reads the tab on demand); null when the tab holds no article. */
  suggestCompanies(tabId: number): Promise<CompanySuggestion[] | null>;
}

/**
 * Reads the article in the tab (tab-reading.ts) and finds its companies here, in the popup, with
 * `suggester`: the popup loads it as it opens (entrypoints/popup/main.tsx), so it is ready by
 * the time the tab answers.
 */
export async function suggestFromTab(
  tabId: number,
  suggester: Promise<Suggester>,
): Promise<CompanySuggestion[] | null> {
  const reading = await readTabArticle(tabId);
  return reading ? (await suggester)(reading) : null;
}

const reader = openStoryReader();

export const backgroundClient: StoreClient = {
  listStories: (query) => reader.listStories(query),
  countStories: (filter) => reader.countStories(filter),
  setStoryFlags: async (url, flags) => void (await sendMessage('ui:setStoryFlags', { url, flags })),
  markAllRead: async () => (await sendMessage('ui:markAllRead', {})).changed,
  deleteStory: async (url) => void (await sendMessage('ui:deleteStory', { url })),
  listEntities: () => sendMessage('ui:listEntities', {}),
  addEntity: (input) => sendMessage('ui:addEntity', input),
  addEntities: (inputs) => sendMessage('ui:addEntities', { inputs }),
  updateEntity: (id, patch) => sendMessage('ui:updateEntity', { id, patch }),
  removeEntity: async (id) => (await sendMessage('ui:removeEntity', { id })).removed,
  getSettings: () => sendMessage('ui:getSettings', {}),
  saveSettings: (settings) => sendMessage('ui:saveSettings', settings),
  getPageStatus: (tabId) => sendMessage('ui:getPageStatus', { tabId }),
  readPage: (tabId) => sendMessage('ui:readPage', { tabId }),
  recordPage: async (tabId, url) => (await sendMessage('ui:recordPage', { tabId, url })).recorded,
  markNotNews: async (url, tab) => void (await sendMessage('ui:markNotNews', tab ? { url, tab } : { url })),
  exportData: () => sendMessage('ui:exportData', {}),
  importEntities: (entities) => sendMessage('ui:importEntities', { entities }),
  deleteAllData: async () => void (await sendMessage('ui:deleteAllData', {})),
  getStorageProblem: async () => (await sendMessage('ui:getStorageProblem', {})).problem,
  getSync: () => sendMessage('ui:getSync', {}),
  setSync: (enabled) => sendMessage('ui:setSync', { enabled }),
  // The popup passes the suggester it has loaded already; any other page loads it on demand.
  suggestCompanies: (tabId) =>
    suggestFromTab(
      tabId,
      import('./suggest/suggester').then((m) => m.loadSuggester()),
    ),
};
