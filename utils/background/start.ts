/**
 * Connects the browser's events to the background's handlers. Called at the top level of the
 * service worker each time it starts, so every listener is registered before events arrive.
 */
import { browser } from 'wxt/browser';
import { createDbAccess, isReadOnly } from '../db/connection';
import { applyRetention } from '../db/retention';
import type { NewsDb } from '../db/schema';
import { loadSettings } from '../db/settings';
import { publishContentState } from './content-state';
import { entityFromSelection, TRACK_MENU, TRACK_MENU_ID } from './context-menu';
import { showUnreadFeedCount } from './feed-badge';
import { openFeedNotice } from './feed-notify';
import { createFeedWatcher, FEED_ALARM, type FeedWatcherDeps } from './feeds';
import { createHandlers, type Handlers } from './handlers';
import { removeOldContentState } from './leftovers';
import { openNotifiedStory } from './notify';
import { routeMessage } from './router';
import { createSync, isSyncChange } from './sync';
import { createTabStatus } from './tab-status';
import { welcomeOnInstall } from './welcome';

export function startBackground(getDb: () => Promise<NewsDb> = createDbAccess(), feedDeps?: FeedWatcherDeps): Handlers {
  const tabs = createTabStatus(getDb);
  const sync = createSync(getDb);
  const feeds = createFeedWatcher(getDb, feedDeps);
  const handlers = createHandlers(getDb, tabs, sync, feeds);
  const origin = browser.runtime.getURL('/');
  const warn = (what: string) => (error: unknown) => console.warn(`News Tracker: ${what}`, error);
  const mergeSync = () => void sync.request().catch(warn('could not merge with the browser’s sync'));

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    routeMessage(handlers, message, sender, origin).then(sendResponse);
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.forgetTab(tabId).catch(warn('could not forget a closed tab'));
  });
  browser.notifications?.onClicked.addListener((id) => {
    openNotifiedStory(id).catch(warn('could not open the story'));
    openFeedNotice(id).catch(warn('could not open the dashboard'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) feeds.check().catch(warn('could not check the feeds'));
  });
  const menus = browser.contextMenus;
  browser.runtime.onInstalled.addListener(() => {
    menus?.create(TRACK_MENU, () => void browser.runtime.lastError);
  });
  browser.runtime.onInstalled.addListener((details) => {
    welcomeOnInstall(details).catch(warn('could not open the welcome page'));
  });
  menus?.onClicked.addListener((info) => {
    const input = info.menuItemId === TRACK_MENU_ID ? entityFromSelection(info.selectionText) : null;
    if (input) trackSelection(handlers, input.name).catch(warn('could not track the selection'));
  });

  browser.storage.onChanged.addListener((changes, areaName) => {
    if (isSyncChange(changes, areaName)) mergeSync();
  });
  browser.runtime.onStartup.addListener(() => {
    tabs.forgetLastSession().catch(warn("could not forget the last session's tabs"));
  });
  getDb()
    .then(async (db) => {
      await publishContentState(db);
      mergeSync();
      // Alarms may not survive a browser restart; with no feed watched this clears it.
      await feeds.schedule();
      await showUnreadFeedCount(db);
      // A browser left closed for longer than the maximum age gets its retention on start.
      if (!isReadOnly(db)) await applyRetention(db, await loadSettings(db));
    })
    .catch(warn('could not publish the tracked list'));
  removeOldContentState().catch(warn('could not remove the old content state'));
  return handlers;
}

/**
 * Adds the selection as a company unless it is tracked already (then there is nothing to do),
 * through the same handler as the options page: the tracked list is republished for every tab
 * and a full disk is reported the same way.
 */
export async function trackSelection(handlers: Handlers, name: string): Promise<boolean> {
  const lower = name.toLocaleLowerCase();
  const tracked = await handlers['ui:listEntities']({}, { tabId: undefined });
  if (tracked.some((e) => e.name.toLocaleLowerCase() === lower)) return false;
  await handlers['ui:addEntity']({ name }, { tabId: undefined });
  return true;
}
