/** What a content-script session is given by its entrypoint: the page, and where its findings go. */
import type { PageStatus, StoryReport } from '../stories';

/** The page a frame sits in, when the frame may read it (same origin). */
export interface TopPage {
  document: Document;
  url: string;
}

export interface ContentEnvironment {
  document: Document;
  /** The page's current address (it changes without a reload in single-page apps). */
  url(): string;
  isTopFrame: boolean;
  /**
   * For a frame: the top page, or null when it is another origin's. A same-origin frame
   * (including about:blank and srcdoc frames) is highlighted when its page is an article, and
   * follows that page's site settings.
   */
  topPage?: () => TopPage | null;
  signal: AbortSignal;
  /**
   * Sends the story to the background and gives its answer (`saved` false: the person said
   * this address is not a news story); expected to handle its own failures, answering undefined.
   */
  report(story: StoryReport): Promise<{ saved: boolean } | undefined>;
  /**
   * Tells the background what the page holds (for the toolbar badge and the popup's "This
   * page"), after each scan of the top frame; expected to handle its own failures.
   */
  reportStatus?(status: PageStatus): Promise<void>;
  /** How often to look for shadow roots attached after the scan (2 s unless given). */
  hostCheckMs?: number;
  /** After a single-page-app navigation, how long the page must stay unchanged before a fresh scan (300 ms unless given). */
  quietMs?: number;
}

export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
