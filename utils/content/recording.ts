/**
 * What the content script tells the background: the story report for an article that names a
 * tracked company (report.ts), and the page status behind the toolbar badge and the popup's
 * "This page". Each is sent only when it says something new: re-sending an identical report
 * (after a settings change, say) would only touch the story's last-seen time.
 *
 * The article is read once per address and tracked list, and that one reading is what the
 * story records, what the status and the panel count as "in the article", and what the popup's
 * "Record this page" offers: the three never disagree about a story's companies.
 */
import { type BusinessVerdict, classifyBusiness } from '../article/classify';
import { type ExtractedStory, extractStorySliced } from '../article/extract';
import { advertisedFeeds } from '../article/feed-links';
import { createSlicer } from '../highlight/slicer';
import type { Matcher } from '../match/matcher';
import type { Settings } from '../settings';
import type { MentionCount, PageReading, PageStatus, StoryReport } from '../stories';
import type { ContentEnvironment } from './environment';
import { shouldRecord } from './page-work';
import { buildStoryReport } from './report';

/** The article at one address, read and matched. */
export interface ArticleReading {
  url: string;
  story: ExtractedStory;
  business: BusinessVerdict;
  /** The report for it, or null when its text names no tracked company. */
  report: StoryReport | null;
  /** The tracked companies its text names, as the report counts them. */
  mentions: MentionCount[];
}

/**
 * How a recording ended: `saved` (stored now or already), `refused` (the person said this
 * address is not a news story), `skipped` (no tracked company in the text, or not business news
 * while only business news is kept), or `failed` (the background did not answer).
 */
export type RecordOutcome = 'saved' | 'refused' | 'skipped' | 'failed';

export interface Recording {
  /** Reads the article at `url`, once per address and tracked list. */
  read(url: string, matcher: () => Promise<Matcher>): Promise<ArticleReading>;
  /** The reading of the article at `url`, once `read` has finished; null before. */
  readingAt(url: string): ArticleReading | null;
  /**
   * Reads the article at `url` and reports it when it names a tracked company and the settings
   * want it recorded; `byHand` (the person asked for it) records it whatever the business setting.
   */
  record(url: string, settings: Settings, matcher: () => Promise<Matcher>, byHand: boolean): Promise<RecordOutcome>;
  /**
   * Tells the background what the top page holds now: the article's companies when it is one
   * (once read), and the companies highlighted on the page (`highlighted`, null while nothing is).
   */
  reportStatus(isArticle: boolean, highlighted: ReadonlyMap<string, number> | null): void;
  /** A new tracked list or a new page: the article is read again and the next report is sent even if it looks the same. */
  startOver(): void;
}

const toCounts = (counts: ReadonlyMap<string, number>): MentionCount[] =>
  [...counts].filter(([, count]) => count > 0).map(([entityId, count]) => ({ entityId, count }));

/** `onRead` is given each story as soon as it is read, before it is reported. */
export function createRecording(
  env: Pick<ContentEnvironment, 'document' | 'url' | 'isTopFrame' | 'report' | 'reportStatus'>,
  onRead: (url: string, story: ExtractedStory) => void,
): Recording {
  let lastReport = '';
  let lastStatus = '';
  let reading: ArticleReading | null = null;
  /** The reading under way, so a popup asking while the session reads waits for the same one. */
  let pending: { url: string; done: Promise<ArticleReading> } | null = null;

  const readNow = async (url: string, matcher: () => Promise<Matcher>): Promise<ArticleReading> => {
    const slicer = createSlicer();
    const story = await extractStorySliced(env.document, url, slicer);
    onRead(url, story);
    // Reading the fields and classifying are a step each: on a huge page each takes a slice.
    if (slicer.due()) await slicer.pause();
    const business = classifyBusiness(story);
    if (slicer.due()) await slicer.pause();
    const report = await buildStoryReport(story, business, url, await matcher(), slicer);
    const mentions = report?.mentions.map(({ entityId, count }) => ({ entityId, count })) ?? [];
    return { url, story, business, report, mentions };
  };

  const recording: Recording = {
    read(url, matcher) {
      if (reading?.url === url) return Promise.resolve(reading);
      if (pending?.url !== url) {
        const done = readNow(url, matcher).then((read) => {
          if (pending?.done === done) {
            reading = read;
            pending = null;
          }
          return read;
        });
        pending = { url, done };
      }
      return pending.done;
    },
    readingAt: (url) => (reading?.url === url ? reading : null),
    async record(url, settings, matcher, byHand) {
      const { report, business } = await recording.read(url, matcher);
      if (!report || !(byHand || shouldRecord(settings, business.isBusiness))) return 'skipped';
      const key = JSON.stringify([report.url, report.mentions]);
      if (key === lastReport && !byHand) return 'saved';
      lastReport = key;
      const answer = await env.report(report);
      if (!answer) return 'failed';
      return answer.saved ? 'saved' : 'refused';
    },
    reportStatus(isArticle, highlighted) {
      const url = env.url();
      if (!env.isTopFrame || !env.reportStatus || !/^https?:/u.test(url)) return;
      const article = isArticle ? recording.readingAt(url) : null;
      // Neither highlighted nor an article read: nothing to say, unless an earlier status needs taking back.
      if (!highlighted && !article && lastStatus === '') return;
      const onPage = toCounts(highlighted ?? new Map());
      const status: PageStatus = {
        url,
        isArticle,
        isBusiness: article?.business.isBusiness ?? false,
        mentions: article ? article.mentions : onPage,
      };
      if (article && highlighted) {
        const named = new Set(article.mentions.map((m) => m.entityId));
        status.elsewhere = onPage.filter((m) => !named.has(m.entityId));
      }
      const feeds = isArticle ? advertisedFeeds(env.document, url) : [];
      if (feeds.length > 0) status.feeds = feeds;
      const key = JSON.stringify(status);
      if (key === lastStatus) return;
      lastStatus = key;
      void env.reportStatus(status);
    },
    startOver() {
      lastReport = '';
      reading = null;
      pending = null;
    },
  };
  return recording;
}

/** What the popup is told about the page (tab:readPage). */
export function pageReading(url: string, isArticle: boolean, article: ArticleReading): PageReading {
  return {
    url,
    storyUrl: article.story.canonicalUrl,
    isArticle,
    isBusiness: article.business.isBusiness,
    mentions: article.mentions,
  };
}
