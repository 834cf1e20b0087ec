/**
 * What each tab's page holds, and the toolbar badge that shows it: the number of tracked
 * companies the page mentions, in a distinct colour when the page was recorded as a business
 * story. Kept in IndexedDB (tabStates) so a stopped service worker forgets nothing, and where
 * no content script can read them: a page must never learn the addresses of the other tabs.
 * When the database cannot be written (unavailable, full, or a newer version's read-only
 * copy), the worker's memory keeps the states instead: the badge still works, for as long as
 * the worker runs.
 */
import { browser } from 'wxt/browser';
import type { NewsDb } from '../db/schema';
import type { PageStatus, StoryReport, TabState } from '../stories';
import { FEED_BADGE_COLOR } from './feed-badge';

export const BUSINESS_BADGE_COLOR = '#2e7d32';
/**
 * A tab's badge text of null hands the tab back to the browser-wide text (Chrome and Firefox
 * both document it); Chrome's types know only strings there.
 */
const BROWSER_WIDE_TEXT = null as unknown as string;
export const OTHER_BADGE_COLOR = '#455a64';

/** Where tab states live: the database, or the worker's memory when the database refuses. */
interface TabStateArea {
  read(tabId: number): Promise<TabState | undefined>;
  write(tabId: number, state: TabState): Promise<void>;
  remove(tabId: number): Promise<void>;
  /** Removes every state; returns the tab ids that had one. */
  clear(): Promise<number[]>;
}

function tabStateArea(getDb: () => Promise<NewsDb>): TabStateArea {
  const memory = new Map<number, TabState>();
  /** Runs `use` on the database; on any failure, `fallback` on memory instead. */
  const either = async <T>(use: (db: NewsDb) => Promise<T>, fallback: () => T): Promise<T> => {
    try {
      return await use(await getDb());
    } catch {
      return fallback();
    }
  };
  return {
    read: (tabId) =>
      either(
        async (db) => memory.get(tabId) ?? (await db.get('tabStates', tabId)),
        () => memory.get(tabId),
      ),
    write: (tabId, state) =>
      either(
        async (db) => {
          await db.put('tabStates', state, tabId);
          memory.delete(tabId);
        },
        () => void memory.set(tabId, state),
      ),
    remove: (tabId) => {
      memory.delete(tabId);
      return either(
        (db) => db.delete('tabStates', tabId),
        () => undefined,
      );
    },
    clear: async () => {
      const inMemory = [...memory.keys()];
      memory.clear();
      const stored = await either(
        async (db) => {
          const tx = db.transaction('tabStates', 'readwrite');
          const keys = await tx.store.getAllKeys();
          await Promise.all([tx.store.clear(), tx.done]);
          return keys;
        },
        () => [],
      );
      return [...new Set([...inMemory, ...stored])];
    },
  };
}

export interface TabStatus {
  /** The content script scanned the page in `tabId`; returns the badge text now shown. */
  updatePageStatus(tabId: number, status: PageStatus): Promise<string>;
  /** A story was recorded from `tabId`; it counts as the page's status until the next scan reports. */
  markStoryRecorded(tabId: number, report: StoryReport): Promise<string>;
  readPageStatus(tabId: number): Promise<PageStatus | null>;
  /** The tab closed. */
  forgetTab(tabId: number): Promise<void>;
  /** After "delete all data": no tab keeps a status or a badge that points at deleted stories. */
  forgetAllTabs(): Promise<void>;
  /**
   * The browser started: tab ids start again from scratch, so states left by the last
   * session (a browser that crashed never closed its tabs) would be given to new tabs.
   */
  forgetLastSession(): Promise<void>;
}

export function createTabStatus(getDb: () => Promise<NewsDb>): TabStatus {
  const area = tabStateArea(getDb);
  const readState = async (tabId: number): Promise<TabState> =>
    (await area.read(tabId)) ?? { status: null, recorded: null };

  /** A scan and a story report from one tab often arrive together: update each tab's state one at a time. */
  const queues = new Map<number, Promise<unknown>>();
  function oneAtATime<T>(tabId: number, change: () => Promise<T>): Promise<T> {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(change, change);
    queues.set(tabId, next);
    const settled = () => {
      if (queues.get(tabId) === next) queues.delete(tabId);
    };
    next.then(settled, settled);
    return next;
  }

  async function recordInState(tabId: number, report: StoryReport): Promise<string> {
    const previous = await readState(tabId);
    const urls = [report.url, report.visitedUrl];
    const status =
      previous.status && urls.includes(previous.status.url)
        ? previous.status
        : {
            url: report.visitedUrl,
            isArticle: true,
            isBusiness: report.isBusiness,
            mentions: report.mentions.map(({ entityId, count }) => ({ entityId, count })),
          };
    const state = { status, recorded: { urls, isBusiness: report.isBusiness } };
    await area.write(tabId, state);
    return showBadge(tabId, state);
  }

  return {
    updatePageStatus: (tabId, status) =>
      oneAtATime(tabId, async () => {
        const state = { ...(await readState(tabId)), status };
        await area.write(tabId, state);
        return showBadge(tabId, state);
      }),
    markStoryRecorded: (tabId, report) => oneAtATime(tabId, () => recordInState(tabId, report)),
    readPageStatus: async (tabId) => (await readState(tabId)).status,
    forgetTab: (tabId) => area.remove(tabId),
    forgetAllTabs: async () => {
      const action = browser.action ?? browser.browserAction;
      const tabIds = await area.clear();
      await Promise.all(
        tabIds.map((tabId) => action.setBadgeText({ tabId, text: BROWSER_WIDE_TEXT }).catch(() => undefined)),
      );
    },
    forgetLastSession: async () => {
      await area.clear();
    },
  };
}

export function badgeOf(state: TabState): { text: string; color: string } {
  const count = new Set(state.status?.mentions.filter((m) => m.count > 0).map((m) => m.entityId)).size;
  const url = state.status?.url;
  const business = state.recorded?.isBusiness === true && (url === undefined || state.recorded.urls.includes(url));
  return { text: count > 0 ? String(count) : '', color: business ? BUSINESS_BADGE_COLOR : OTHER_BADGE_COLOR };
}

/**
 * A page that names tracked companies shows their count on its tab; any other tab shows the
 * browser-wide text, the unread stories feeds found (feed-badge.ts), in that badge's colour.
 */
async function showBadge(tabId: number, state: TabState): Promise<string> {
  const badge = badgeOf(state);
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ tabId, text: badge.text || BROWSER_WIDE_TEXT });
  await action.setBadgeBackgroundColor({ tabId, color: badge.text ? badge.color : FEED_BADGE_COLOR });
  return badge.text;
}
