/**
 * What the popup and options pages need from the background, behind one interface so the
 * Preact UI can be tested against the in-memory implementation (utils/client-memory.ts).
 *
 * Reading the story list goes straight to IndexedDB from the extension page: the popup then
 * opens instantly even when the service worker is asleep. Every change goes through the
 * background, which owns the data and keeps the content scripts' copy in sync.
 */
import { createDbAccess } from './background/database';
import { memoryStoreClient } from './client-memory';
import { listStories } from './db/story-query';
import type { NewEntityInput, TrackedEntity } from './entities';
import { sendMessage } from './messaging';
import type { Settings } from './settings';
import type { PageStatus, StoryPage, StoryQuery, StoryRecord } from './stories';
import type { SuggestInput } from './suggest/suggest';
import type { Suggester } from './suggest/suggester';
import type { CompanySuggestion } from './suggest/suggestion';
import { readThroughContentScript, validateTabReading } from './suggest/tab-reading';

export type EntityPatch = Partial<Omit<TrackedEntity, 'id' | 'createdAt'>>;

export interface StoreClient {
  /** Newest first; pass the returned cursor to get the next page. */
  listStories(query: StoryQuery): Promise<StoryPage>;
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
  exportData(): Promise<{ entities: TrackedEntity[]; stories: StoryRecord[] }>;
  /** Entities already validated and previewed by the UI; matched by id, then by name. */
  importEntities(entities: TrackedEntity[]): Promise<{ added: number; changed: number }>;
  deleteAllData(): Promise<void>;
  /** A message for the user when stories cannot be saved (disk full, IndexedDB unavailable). */
  getStorageProblem(): Promise<string | null>;
  /** Companies the article in that tab is about, best first, tracked or not (reads the tab on demand). */
  suggestCompanies(tabId: number): Promise<CompanySuggestion[]>;
}

/** Shown when the tab cannot be read: the browser keeps it closed to extensions (its own pages, its web store, a policy). */
export const CANNOT_READ_TAB =
  'This browser does not let extensions read this page, so News Tracker cannot suggest companies here.';

/** A user timing in the popup: how long the person waited for the tab's suggestions (read by the bench). */
export const SUGGEST_MEASURE = 'news-tracker:suggest';

/** Shown when what the tab answered is not an article reading (a page that broke the reader). */
export const UNREADABLE_TAB = 'News Tracker could not read the article in this tab. Reload the page and try again.';

/**
 * Reads the article in the tab (tab-reading.ts) and finds its companies here, in the popup, with
 * `suggester`: the popup loads it as it opens (entrypoints/popup/main.tsx), so it is ready by
 * the time the tab answers. It reaches the web pages the content script runs on (the manifest's
 * host permissions are those pages) and no others.
 */
export async function suggestFromTab(tabId: number, suggester: Promise<Suggester>): Promise<CompanySuggestion[]> {
  const { browser } = await import('wxt/browser');
  const began = performance.now();
  const reading = await readTab(browser, tabId);
  const suggestions = reading ? (await suggester)(reading) : [];
  performance.measure(SUGGEST_MEASURE, { start: began });
  return suggestions;
}

/** The article in the tab, null where the content script found none; the file is injected only where no content script offers its reader. */
async function readTab(browser: typeof import('wxt/browser').browser, tabId: number): Promise<SuggestInput | null> {
  const target = { tabId };
  try {
    const [offered] = await browser.scripting.executeScript({ target, func: readThroughContentScript });
    const reading = validateTabReading(offered?.result);
    if (reading !== undefined) return reading;
    const [read] = await browser.scripting.executeScript({ target, files: ['/suggest-read.js'] });
    const fromFile = validateTabReading(read?.result);
    if (fromFile === undefined) throw new Error(UNREADABLE_TAB);
    return fromFile;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/cannot access|permission|cannot be scripted/iu.test(message)) throw new Error(CANNOT_READ_TAB);
    throw error;
  }
}

const pageDb = createDbAccess();

export const backgroundClient: StoreClient = {
  async listStories(query) {
    let db: Awaited<ReturnType<typeof pageDb>>;
    try {
      db = await pageDb();
    } catch {
      // The background says what is wrong with storage better than a failed open here.
      return sendMessage('ui:listStories', query);
    }
    return listStories(db, query);
  },
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
  exportData: () => sendMessage('ui:exportData', {}),
  importEntities: (entities) => sendMessage('ui:importEntities', { entities }),
  deleteAllData: async () => void (await sendMessage('ui:deleteAllData', {})),
  getStorageProblem: async () => (await sendMessage('ui:getStorageProblem', {})).problem,
  // The popup passes the suggester it has loaded already; any other page loads it on demand.
  suggestCompanies: (tabId) =>
    suggestFromTab(
      tabId,
      import('./suggest/suggester').then((m) => m.loadSuggester()),
    ),
};

/** The in-memory StoreClient, for component tests. */
export const createMemoryClient = memoryStoreClient;
