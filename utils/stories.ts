/**
 * Stories: what the content script reports about a page and what the store keeps of it.
 * The report is untrusted (it comes from a content script running inside a web page); the
 * record is what the background wrote after validating it.
 */

export interface EntityMention {
  entityId: string;
  count: number;
  inHeadline: boolean;
  inLead: boolean;
}

/** Sent by a content script when a news article mentions tracked companies. */
export interface StoryReport {
  /** The page's canonical URL, normalised. */
  url: string;
  /** The address the user actually visited. */
  visitedUrl: string;
  title: string;
  publisher: string | null;
  byline: string | null;
  publishedTime: string | null;
  lang: string | null;
  section: string | null;
  isBusiness: boolean;
  businessScore: number;
  mentions: EntityMention[];
  /** Up to three short pieces of text around mentions. */
  snippets: string[];
  /**
   * Optional hash of the article text (see `fingerprintText`), so copies of one story under
   * different URLs and headlines are grouped too.
   */
  fingerprint?: string | null;
}

export interface StoryRecord extends Omit<StoryReport, 'visitedUrl'> {
  visitedUrl: string;
  firstSeen: number;
  lastSeen: number;
  read: boolean;
  starred: boolean;
  /** The watched feed that found the story (utils/db/feeds.ts); absent for a story found on a page. */
  feedId?: string;
}

/**
 * Merges a new report into what is stored: a revisit updates the story, it never duplicates it.
 * A story a feed found and the user now opens is the same story, read, with the page's fields.
 */
export function mergeStory(existing: StoryRecord | undefined, report: StoryReport, now: number): StoryRecord {
  const merged: StoryRecord = {
    ...report,
    firstSeen: existing?.firstSeen ?? now,
    lastSeen: now,
    read: existing?.feedId !== undefined || (existing?.read ?? false),
    starred: existing?.starred ?? false,
  };
  if (existing?.feedId !== undefined) merged.feedId = existing.feedId;
  return merged;
}

/**
 * The two orders of the story list: newest first by when the story was published (`storyDate`),
 * or by when the user last read it.
 */
export const STORY_ORDERS = ['published', 'read'] as const;
export type StoryOrder = (typeof STORY_ORDERS)[number];

/**
 * When a story is dated in the list: its published time when the page gave a readable one, else
 * when it was first read; never later than that first read (a page that moves its date forward
 * after an update, or a wrong time zone, must not put an old story on top).
 */
export function storyDate(story: Pick<StoryRecord, 'publishedTime' | 'firstSeen' | 'lastSeen'>): number {
  const published = story.publishedTime ? Date.parse(story.publishedTime) : Number.NaN;
  const seen = Math.min(story.firstSeen, story.lastSeen);
  return Number.isFinite(published) ? Math.min(published, seen) : seen;
}

/** What the popup asks for: filters combine (all must hold); results are newest first in `order`. */
export interface StoryQuery {
  /** Newest published first unless 'read' (last read first). */
  order?: StoryOrder;
  entityId?: string;
  publisher?: string;
  unread?: boolean;
  starred?: boolean;
  /** Only stories a watched feed found (true), or only those found on pages (false). */
  fromFeeds?: boolean;
  /** Words to find in the title, publisher or snippets; the last word may be unfinished. */
  search?: string;
  limit: number;
  /** Opaque position returned with the previous page; absent or null for the first page. */
  cursor?: string | null;
}

/** A listed story; copies of it found under other URLs (syndication) are folded into `alsoAt`. */
export interface StoryView extends StoryRecord {
  alsoAt: { publisher: string | null; url: string }[];
}

export interface StoryPage {
  stories: StoryView[];
  /** Where the next page starts; null when there is nothing more. */
  cursor: string | null;
}

export interface MentionCount {
  entityId: string;
  count: number;
}

/**
 * What a content script found on the page in a tab, after each scan. On an article,
 * `mentions` are the companies its text names, counted as its story counts them; the
 * companies highlighted only outside it (menus, lists of other stories) are `elsewhere`. On
 * any other page, `mentions` are the companies highlighted on it.
 */
export interface PageStatus {
  url: string;
  isArticle: boolean;
  isBusiness: boolean;
  mentions: MentionCount[];
  elsewhere?: MentionCount[];
  /** The feeds the page advertises (`<link rel="alternate">`), for the popup's "Watch this site's news". */
  feeds?: AdvertisedFeed[];
}

export interface AdvertisedFeed {
  url: string;
  title: string | null;
}

/** What the content script reads on the page in a tab when the popup asks (tab:readPage). */
export interface PageReading {
  /** The page's address. */
  url: string;
  /** The address its story is, or would be, stored under (the canonical URL). */
  storyUrl: string;
  /** Taken for a news article: recognised as one, on a site treated as news, or so marked by the person. */
  isArticle: boolean;
  isBusiness: boolean;
  /** The tracked companies its text names: what recording the page stores. */
  mentions: MentionCount[];
}

/** A page reading with what the background knows of its address (ui:readPage). */
export interface PageStanding extends PageReading {
  /** A story is stored under `storyUrl`. */
  recorded: boolean;
  /** The person said `storyUrl` is not a news story: it is never recorded unless they record it by hand. */
  notNews: boolean;
}

/** What the background keeps about the page in one tab, for its badge and the popup's "This page". */
export interface TabState {
  status: PageStatus | null;
  /** The story recorded from this tab, by both of its URLs, so the colour follows the page. */
  recorded: { urls: string[]; isBusiness: boolean } | null;
}

/** Query parameters that only say where a click came from, never which story it is. */
const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ocid|cmpid|ref_src)$/iu;

/**
 * The key a story is stored under: the same article reached through a newsletter link, a
 * social share or a `#comments` anchor is one story.
 */
export function normaliseStoryUrl(href: string): string {
  const url = new URL(href);
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
  }
  url.searchParams.sort();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.slice(0, -1);
  return url.href;
}
