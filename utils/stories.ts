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
}

export interface StoryRecord extends Omit<StoryReport, 'visitedUrl'> {
  visitedUrl: string;
  firstSeen: number;
  lastSeen: number;
  read: boolean;
  starred: boolean;
}

/** Merges a new report into what is stored: a revisit updates the story, it never duplicates it. */
export function mergeStory(existing: StoryRecord | undefined, report: StoryReport, now: number): StoryRecord {
  return {
    ...report,
    firstSeen: existing?.firstSeen ?? now,
    lastSeen: now,
    read: existing?.read ?? false,
    starred: existing?.starred ?? false,
  };
}
