/**
 * News feeds for the end-to-end tests, written for them: a news site on the feed server (a page
 * that advertises three feeds, and the feeds), items about the companies the tests track, and
 * helpers to read what the extension stored and shows.
 */
import type { Page } from 'playwright-core';
import { type FeedServer, type ItemSpec, rssFeed, startFeedServer } from '../support/feed-server';
import type { Harness } from './harness';

const HOUR = 3600_000;

/** The extension API as the service worker sees it (evaluated there, not here). */
declare const chrome: { action: { getBadgeText(details: { tabId?: number }): Promise<string> } };

/** Items as a business desk's feed carries them: a headline, a lead, a date. */
const BUSINESS: [string, string][] = [
  [
    'Xiaomi to build a second electric car plant near Beijing',
    'Xiaomi said on Monday it would open a second car plant next year, doubling output as orders for its SU7 saloon outrun supply.',
  ],
  [
    'Nvidia supplier warns of tight chip packaging capacity',
    'A key Nvidia supplier said advanced packaging lines are fully booked into next year as demand for AI servers keeps rising.',
  ],
  [
    'Central bank holds rates steady as inflation cools',
    'Policymakers left the main rate unchanged and said they would wait for more evidence that price growth is slowing.',
  ],
  [
    'Xiaomi shares rise after record quarterly revenue',
    'Revenue grew 30% from a year earlier, helped by phones in Europe and the first full quarter of car deliveries.',
  ],
  [
    'Shipping rates fall for a third week',
    'Container rates on the main Asia to Europe route dropped again as new ships join fleets already running below capacity.',
  ],
];

const MARKETS: [string, string][] = [
  [
    'Chip stocks lead the market higher; Nvidia gains 4%',
    'Semiconductor shares rallied for a second day, with Nvidia adding 4% after upbeat comments from cloud customers.',
  ],
  [
    'Oil slips as stockpiles grow',
    'Crude prices eased after official data showed a larger than expected build in inventories last week.',
  ],
];

const TECH: [string, string][] = [
  [
    'Review: the new Xiaomi phone is fast, but the camera lags',
    'The flagship handles every game we tried, though low-light photos trail the best rivals at this price.',
  ],
];

function items(base: string, list: [string, string][], now: number, path: string): ItemSpec[] {
  return list.map(([title, description], i) => ({
    title,
    description,
    link: `${base}/${path}/${title.toLowerCase().replace(/[^a-z0-9]+/gu, '-')}`,
    guid: `${path}-${i}`,
    pubDate: new Date(now - (i + 1) * 2 * HOUR).toUTCString(),
  }));
}

export const SITE_TITLE = 'Harbour Daily';

/** The site page: three feeds advertised in its head, as news sites do. */
function sitePage(): string {
  return `<!DOCTYPE html><html><head><title>${SITE_TITLE}</title>
<link rel="alternate" type="application/rss+xml" title="${SITE_TITLE} - Business" href="/business.xml">
<link rel="alternate" type="application/rss+xml" title="${SITE_TITLE} - Markets" href="/markets.xml">
<link rel="alternate" type="application/rss+xml" title="${SITE_TITLE} - Technology" href="/tech.xml">
</head><body><h1>${SITE_TITLE}</h1></body></html>`;
}

/** A feed server with a news site on it (`/` advertises /business.xml, /markets.xml and /tech.xml). */
export async function startNewsSite(now = Date.now()): Promise<FeedServer> {
  const server = await startFeedServer();
  const base = server.url('').replace(/\/$/u, '');
  server.serve('/', (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(sitePage()));
  server.serve('/business.xml', rssFeed(`${SITE_TITLE} - Business`, base, items(base, BUSINESS, now, 'business')));
  server.serve('/markets.xml', rssFeed(`${SITE_TITLE} - Markets`, base, items(base, MARKETS, now, 'markets')));
  server.serve('/tech.xml', rssFeed(`${SITE_TITLE} - Technology`, base, items(base, TECH, now, 'tech')));
  return server;
}

/** The toolbar badge's browser-wide text: the unread stories feeds found. */
export async function globalBadge(harness: Harness): Promise<string> {
  const worker = harness.browser.context.serviceWorkers()[0] ?? harness.browser.serviceWorker;
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** The rows of the "Watched feeds" list, as text. */
export async function watchedFeeds(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Watched feeds' }).getByRole('listitem').allTextContents();
}

/** Every stored story a feed found, read in an extension page straight from IndexedDB. */
export async function storedFeedStories(page: Page): Promise<{ url: string; title: string; firstSeen: number }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('news-tracker');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('stories').objectStore('stories').index('by-feed').getAll();
          request.onsuccess = () => {
            resolve(
              request.result.map((s: { url: string; title: string; firstSeen: number }) => ({
                url: s.url,
                title: s.title,
                firstSeen: s.firstSeen,
              })),
            );
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
