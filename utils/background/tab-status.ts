/**
 * What each tab's page holds, and the toolbar badge that shows it: the number of tracked
 * companies the page mentions, in a distinct colour when the page was recorded as a business
 * story. Kept in storage.session (in memory in the browser, outside the worker) so a stopped
 * service worker forgets nothing; gone when the browser closes.
 */
import { browser } from 'wxt/browser';
import type { PageStatus, StoryReport } from '../stories';

export const BUSINESS_BADGE_COLOR = '#2e7d32';
export const OTHER_BADGE_COLOR = '#455a64';

interface TabState {
  status: PageStatus | null;
  /** The story recorded from this tab, by both of its URLs, so the colour follows the page. */
  recorded: { urls: string[]; isBusiness: boolean } | null;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

/** storage.session is missing in older Firefox; there the background page lives on, so memory is enough. */
const memory = new Map<string, TabState>();
const session = () => browser.storage.session as typeof browser.storage.session | undefined;

async function readState(tabId: number): Promise<TabState> {
  const area = session();
  const stored = area
    ? ((await area.get(keyOf(tabId)))[keyOf(tabId)] as TabState | undefined)
    : memory.get(keyOf(tabId));
  return stored ?? { status: null, recorded: null };
}

async function writeState(tabId: number, state: TabState): Promise<void> {
  const area = session();
  if (area) await area.set({ [keyOf(tabId)]: state });
  else memory.set(keyOf(tabId), state);
}

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

export function badgeOf(state: TabState): { text: string; color: string } {
  const count = new Set(state.status?.mentions.filter((m) => m.count > 0).map((m) => m.entityId)).size;
  const url = state.status?.url;
  const business = state.recorded?.isBusiness === true && (url === undefined || state.recorded.urls.includes(url));
  return { text: count > 0 ? String(count) : '', color: business ? BUSINESS_BADGE_COLOR : OTHER_BADGE_COLOR };
}

async function showBadge(tabId: number, state: TabState): Promise<string> {
  const badge = badgeOf(state);
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ tabId, text: badge.text });
  await action.setBadgeBackgroundColor({ tabId, color: badge.color });
  return badge.text;
}

/** The content script scanned the page in `tabId`; returns the badge text now shown. */
export function updatePageStatus(tabId: number, status: PageStatus): Promise<string> {
  return oneAtATime(tabId, async () => {
    const state = { ...(await readState(tabId)), status };
    await writeState(tabId, state);
    return showBadge(tabId, state);
  });
}

/** A story was recorded from `tabId`; it counts as the page's status until the next scan reports. */
export function markStoryRecorded(tabId: number, report: StoryReport): Promise<string> {
  return oneAtATime(tabId, () => recordInState(tabId, report));
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
  await writeState(tabId, state);
  return showBadge(tabId, state);
}

export async function readPageStatus(tabId: number): Promise<PageStatus | null> {
  return (await readState(tabId)).status;
}

export async function forgetTab(tabId: number): Promise<void> {
  const area = session();
  if (area) await area.remove(keyOf(tabId));
  else memory.delete(keyOf(tabId));
}

/** After "delete all data": no tab keeps a status or a badge that points at deleted stories. */
export async function forgetAllTabs(): Promise<void> {
  const area = session();
  const keys = area ? Object.keys(await area.get(null)) : [...memory.keys()];
  const tabKeys = keys.filter((k) => k.startsWith('tab:'));
  if (area) await area.remove(tabKeys);
  else memory.clear();
  const action = browser.action ?? browser.browserAction;
  await Promise.all(
    tabKeys.map((k) => action.setBadgeText({ tabId: Number(k.slice(4)), text: '' }).catch(() => undefined)),
  );
}
