/**
 * The background's handler registry: one function per protocol message. Requests reach these
 * already validated (see router.ts), so handlers deal only in typed data.
 *
 * Every change is written to IndexedDB first, in one transaction, and only then mirrored
 * (the content state for content scripts, the badge, notifications): a worker stopped in
 * between loses nothing, and the content state is written again when it starts (startBackground).
 */

import { isReadOnly } from '../db/connection';
import { addEntities, addEntity, importEntities, listEntities, removeEntity, updateEntity } from '../db/entities';
import { isQuotaError, NEWER_VERSION_MESSAGE, QUOTA_MESSAGE, StorageProblem } from '../db/problems';
import { applyRetention } from '../db/retention';
import type { NewsDb } from '../db/schema';
import { clearAllData, loadSettings, storeSettings } from '../db/settings';
import { allStories, deleteStory, markAllRead, NotNewsError, saveStory, setStoryFlags } from '../db/stories';
import type { MessageType, RequestOf, ResponseOf } from '../messaging';
import { publishContentState } from './content-state';
import { correctionHandlers } from './corrections';
import { showUnreadFeedCount } from './feed-badge';
import { feedHandlers } from './feed-handlers';
import { createFeedWatcher, type FeedWatcher } from './feeds';
import { notifyNewStory } from './notify';
import { clearStorageProblem, readStorageProblem, recordStorageProblem } from './storage-problem';
import { createSync, type Sync } from './sync';
import { createTabStatus, type TabStatus } from './tab-status';

export interface MessageContext {
  /** The tab a content script message came from, if any. */
  tabId: number | undefined;
}

export type Handlers = {
  [K in MessageType]: (request: RequestOf<K>, context: MessageContext) => Promise<ResponseOf<K>>;
};

/** Retention runs at most this often as stories arrive (and always after the settings change). */
const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/** Runs a change; a full disk becomes a message the popup shows until a later change succeeds. */
function writer(getDb: () => Promise<NewsDb>) {
  return async <T>(change: (db: NewsDb) => Promise<T>): Promise<T> => {
    try {
      const result = await change(await getDb());
      await clearStorageProblem();
      return result;
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      await recordStorageProblem(QUOTA_MESSAGE);
      throw new StorageProblem(QUOTA_MESSAGE);
    }
  };
}

/** Starts retention without waiting for it: nothing the user asked for waits behind clean-up. */
function retention(getDb: () => Promise<NewsDb>): (force: boolean) => void {
  let last = 0;
  return (force) => {
    const now = Date.now();
    if (!force && now - last < RETENTION_INTERVAL_MS) return;
    last = now;
    getDb()
      .then(async (db) => applyRetention(db, await loadSettings(db)))
      .catch((error: unknown) => console.warn('News Tracker: retention did not finish', error));
  };
}

type Write = ReturnType<typeof writer>;

/** The stories: reported by content scripts, flagged and deleted by the popup and dashboard. */
function storyHandlers(
  getDb: () => Promise<NewsDb>,
  write: Write,
  tabs: TabStatus,
  startRetention: (force: boolean) => void,
) {
  return {
    'content:reportStory': async (report, { tabId }) => {
      let saved: Awaited<ReturnType<typeof saveStory>>;
      try {
        saved = await write((db) => saveStory(db, report));
      } catch (error) {
        // The person said this address is not a news story: the page is told, nothing is stored.
        if (error instanceof NotNewsError) return { saved: false };
        throw error;
      }
      const { record, isNew } = saved;
      if (tabId !== undefined) await tabs.markStoryRecorded(tabId, report);
      // A feed's story opened on its page is read now: one fewer on the badge.
      if (record.feedId !== undefined) await showUnreadFeedCount(await getDb());
      if (isNew) {
        const db = await getDb();
        if ((await loadSettings(db)).notifications) await notifyNewStory(record, await listEntities(db));
      }
      startRetention(false);
      return { saved: true };
    },
    'ui:setStoryFlags': async ({ url, flags }) => {
      await write((db) => setStoryFlags(db, url, flags));
      await showUnreadFeedCount(await getDb());
      return null;
    },
    'ui:markAllRead': async () => {
      const changed = await write(markAllRead);
      await showUnreadFeedCount(await getDb());
      return { changed };
    },
    'ui:deleteStory': async ({ url }) => {
      await write((db) => deleteStory(db, url));
      await showUnreadFeedCount(await getDb());
      return null;
    },
  } satisfies Partial<Handlers>;
}

/** Merges with the browser's sync after a local change, without keeping the user waiting for it. */
const syncSoon = (sync: Sync) => () =>
  void sync.request().catch((error: unknown) => console.warn('News Tracker: sync did not finish', error));

/**
 * The tracked companies and the settings: each change is written again for content scripts
 * and merged with the browser's sync.
 */
function stateHandlers(
  getDb: () => Promise<NewsDb>,
  write: Write,
  startRetention: (force: boolean) => void,
  sync: Sync,
) {
  const synced = syncSoon(sync);
  const changeEntities = async <T>(change: (db: NewsDb) => Promise<T>) => {
    const result = await write(async (db) => {
      const changed = await change(db);
      await publishContentState(db);
      return changed;
    });
    synced();
    return result;
  };
  return {
    'ui:listEntities': async () => listEntities(await getDb()),
    'ui:addEntity': (input) => changeEntities((db) => addEntity(db, input)),
    'ui:addEntities': ({ inputs }) => changeEntities((db) => addEntities(db, inputs)),
    'ui:updateEntity': ({ id, patch }) => changeEntities((db) => updateEntity(db, id, patch)),
    'ui:removeEntity': async ({ id }) => ({ removed: await changeEntities((db) => removeEntity(db, id)) }),
    'ui:importEntities': ({ entities }) => changeEntities((db) => importEntities(db, entities)),
    'ui:getSettings': async () => loadSettings(await getDb()),
    'ui:saveSettings': async (settings) => {
      const saved = await write((db) => storeSettings(db, settings));
      await publishContentState(await getDb());
      synced();
      startRetention(true);
      return saved;
    },
    'ui:getSync': () => sync.status(),
    'ui:setSync': ({ enabled }) => sync.setEnabled(enabled),
  } satisfies Partial<Handlers>;
}

export function createHandlers(
  getDb: () => Promise<NewsDb>,
  tabs: TabStatus = createTabStatus(getDb),
  sync: Sync = createSync(getDb),
  feeds: FeedWatcher = createFeedWatcher(getDb),
): Handlers {
  const write = writer(getDb);
  const startRetention = retention(getDb);
  return {
    ...storyHandlers(getDb, write, tabs, startRetention),
    ...stateHandlers(getDb, write, startRetention, sync),
    ...correctionHandlers(getDb, write),
    ...feedHandlers(getDb, write, feeds),
    'content:pageStatus': async (status, { tabId }) => {
      if (tabId === undefined) throw new Error('A page status must come from a tab.');
      return { badge: await tabs.updatePageStatus(tabId, status) };
    },
    'ui:getPageStatus': async ({ tabId }) => tabs.readPageStatus(tabId),
    'ui:exportData': async () => {
      const db = await getDb();
      return { entities: await listEntities(db), stories: await allStories(db) };
    },
    'ui:deleteAllData': async () => {
      await write(async (db) => {
        await clearAllData(db);
        await publishContentState(db);
      });
      syncSoon(sync)();
      await tabs.forgetAllTabs();
      await feeds.schedule();
      await showUnreadFeedCount(await getDb());
      return null;
    },
    'ui:getStorageProblem': async () => {
      try {
        if (isReadOnly(await getDb())) return { problem: NEWER_VERSION_MESSAGE };
      } catch (error) {
        return { problem: error instanceof Error ? error.message : String(error) };
      }
      return { problem: await readStorageProblem() };
    },
  };
}
