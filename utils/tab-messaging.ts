/**
 * The `tab:*` messages: the background asks the content script of one tab's top frame, on a
 * `ui:*` request from the popup, what the page's text names, and passes on what the person said
 * about the page ("Record this page", "Not a news story"). The content script checks what it
 * receives (utils/content/tab-messages.ts), and the background checks the answer as it checks
 * everything a web page's process sends.
 */
import * as p from './payloads';
import type { PageReading } from './stories';
import * as v from './validate';

type Empty = Record<string, never>;

/** Messages the background sends to the top frame of one tab (browser.tabs.sendMessage). */
export interface TabProtocol {
  /** What the page's text names, as recording it would store it; null where the site is switched off. */
  'tab:readPage': { request: Empty; response: PageReading | null };
  /** The person's word on the page at `url`: a news story (record it) or not. */
  'tab:setVerdict': {
    request: { url: string; isNews: boolean };
    response: { applied: boolean; recorded: boolean };
  };
}

export type TabMessageType = keyof TabProtocol;

/** What a content script accepts from the background, checked as strictly as the background checks it. */
export const tabValidators: { [K in TabMessageType]: (payload: unknown) => TabProtocol[K]['request'] } = {
  'tab:readPage': v.empty,
  'tab:setVerdict': (raw) => {
    const o = v.object(raw, 'request');
    return { url: v.webUrl(o.url, 'url'), isNews: v.boolean(o.isNews, 'isNews') };
  },
};

/** What the background accepts back from a tab: its answers come from a web page's process. */
const tabAnswerValidators: { [K in TabMessageType]: (answer: unknown) => TabProtocol[K]['response'] } = {
  'tab:readPage': (raw) => (raw === null ? null : p.pageReading(raw)),
  'tab:setVerdict': (raw) => {
    const o = v.object(raw, 'answer');
    return { applied: v.boolean(o.applied, 'applied'), recorded: v.boolean(o.recorded, 'recorded') };
  },
};

export function isTabMessageType(value: unknown): value is TabMessageType {
  return typeof value === 'string' && Object.hasOwn(tabValidators, value);
}

export const NO_PAGE = 'News Tracker cannot reach this page. Reload it and try again.';

/**
 * Sends a typed message to the top frame of tab `tabId` and checks its answer. A tab without
 * News Tracker's content script (opened before it was installed, or a browser page) throws
 * NO_PAGE.
 */
export async function sendToTab<K extends TabMessageType>(
  tabId: number,
  type: K,
  payload: TabProtocol[K]['request'],
): Promise<TabProtocol[K]['response']> {
  const { browser } = await import('wxt/browser');
  let reply: unknown;
  try {
    reply = await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 });
  } catch (error) {
    throw new Error(NO_PAGE, { cause: error });
  }
  const o = v.object(reply, 'answer');
  if (o.ok !== true) throw new Error(typeof o.error === 'string' ? o.error.slice(0, 300) : NO_PAGE);
  return tabAnswerValidators[type](o.value);
}
