/**
 * Connects the browser's events to the background's handlers. Called at the top level of the
 * service worker each time it starts, so every listener is registered before events arrive.
 */
import { browser } from 'wxt/browser';
import { addEntity, listEntities } from '../db/entities';
import { applyRetention } from '../db/retention';
import type { NewsDb } from '../db/schema';
import { loadSettings } from '../db/settings';
import { publishContentState, publishEntities } from '../tracked-list';
import { entityFromSelection, TRACK_MENU, TRACK_MENU_ID } from './context-menu';
import { createDbAccess } from './database';
import { createHandlers, type Handlers } from './handlers';
import { openNotifiedStory } from './notify';
import { routeMessage } from './router';
import { forgetTab } from './tab-status';

export function startBackground(getDb: () => Promise<NewsDb> = createDbAccess()): Handlers {
  const handlers = createHandlers(getDb);
  const origin = browser.runtime.getURL('/');
  const warn = (what: string) => (error: unknown) => console.warn(`News Tracker: ${what}`, error);

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    routeMessage(handlers, message, sender, origin).then(sendResponse);
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId).catch(warn('could not forget a closed tab'));
  });
  browser.notifications?.onClicked.addListener((id) => {
    openNotifiedStory(id).catch(warn('could not open the story'));
  });
  const menus = browser.contextMenus;
  browser.runtime.onInstalled.addListener(() => {
    menus?.create(TRACK_MENU, () => void browser.runtime.lastError);
  });
  menus?.onClicked.addListener((info) => {
    const input = info.menuItemId === TRACK_MENU_ID ? entityFromSelection(info.selectionText) : null;
    if (input) trackSelection(getDb, input.name).catch(warn('could not track the selection'));
  });

  getDb()
    .then(async (db) => {
      await publishContentState(db);
      // A browser left closed for longer than the maximum age gets its retention on start.
      await applyRetention(db, await loadSettings(db));
    })
    .catch(warn('could not publish the tracked list'));
  return handlers;
}

/** Adds the selection as a company unless it is tracked already (then there is nothing to do). */
export async function trackSelection(getDb: () => Promise<NewsDb>, name: string): Promise<boolean> {
  const db = await getDb();
  const lower = name.toLocaleLowerCase();
  if ((await listEntities(db)).some((e) => e.name.toLocaleLowerCase() === lower)) return false;
  await addEntity(db, { name });
  await publishEntities(db);
  return true;
}
