/**
 * The person's word on a page, from the popup's "This page": what the page names, "Record this
 * page" and "Not a news story". The page in the tab is asked over tab:* (its content script
 * reads it, highlights it and reports the story the way it reports any article); the database
 * keeps the addresses marked not news (utils/db/not-news.ts). No content script can ask for any
 * of this: these handlers answer extension pages only (router.ts).
 */
import { addressStanding, markNotNews, unmarkNotNews } from '../db/not-news';
import type { NewsDb } from '../db/schema';
import type { RequestOf, ResponseOf } from '../messaging';
import { NO_PAGE, sendToTab } from '../tab-messaging';

const PAGE_CHANGED = 'The page in this tab has changed since the popup opened. Open the popup again.';

type Write = <T>(change: (db: NewsDb) => Promise<T>) => Promise<T>;
type Corrections = 'ui:readPage' | 'ui:recordPage' | 'ui:markNotNews';

export function correctionHandlers(
  getDb: () => Promise<NewsDb>,
  write: Write,
): { [K in Corrections]: (request: RequestOf<K>) => Promise<ResponseOf<K>> } {
  return {
    'ui:readPage': async ({ tabId }) => {
      let reading: Awaited<ReturnType<typeof sendToTab<'tab:readPage'>>>;
      try {
        reading = await sendToTab(tabId, 'tab:readPage', {});
      } catch (error) {
        // A tab without News Tracker's content script has nothing to say: that is no error.
        if (error instanceof Error && error.message === NO_PAGE) return null;
        throw error;
      }
      if (!reading) return null;
      return { ...reading, ...(await addressStanding(await getDb(), reading.storyUrl)) };
    },
    'ui:recordPage': async ({ tabId, url }) => {
      const reading = await sendToTab(tabId, 'tab:readPage', {});
      if (!reading) throw new Error('News Tracker is switched off on this site (see Options, Sites).');
      if (reading.url !== url) throw new Error(PAGE_CHANGED);
      // Recording by hand takes back an earlier "Not a news story", before the page reports.
      await write((db) => unmarkNotNews(db, reading.storyUrl));
      const { applied, recorded } = await sendToTab(tabId, 'tab:setVerdict', { url, isNews: true });
      if (!applied) throw new Error(PAGE_CHANGED);
      return { recorded };
    },
    'ui:markNotNews': async ({ url, tab }) => {
      await write((db) => markNotNews(db, url));
      // The open page stops being treated as an article; a tab that cannot be reached has nothing to stop.
      if (tab) await sendToTab(tab.id, 'tab:setVerdict', { url: tab.url, isNews: false }).catch(() => undefined);
      return null;
    },
  };
}
