/**
 * What the content script tells the background: the story report for an article that names a
 * tracked company (report.ts), and the page status behind the toolbar badge and the popup's
 * "This page". Each is sent only when it says something new: re-sending an identical report
 * (after a settings change, say) would only touch the story's last-seen time.
 */
import { classifyBusiness } from '../article/classify';
import { type ExtractedStory, extractStory } from '../article/extract';
import type { Matcher } from '../match/matcher';
import type { Settings } from '../settings';
import type { PageStatus } from '../stories';
import type { ContentEnvironment } from './environment';
import { shouldRecord } from './page-work';
import { buildStoryReport } from './report';

export interface Recording {
  /** Reads the article at `url` and classifies it; reports it when it names a tracked company and the settings want it recorded. */
  record(url: string, settings: Settings, matcher: () => Promise<Matcher>): Promise<void>;
  /** Tells the background what the top page holds now (the mentions highlighted). */
  reportStatus(isArticle: boolean, counts: ReadonlyMap<string, number>): void;
  /** A new tracked list (`newPage` false) or a new page: the next report is sent even if it looks the same. */
  startOver(newPage: boolean): void;
}

/** `onRead` is given each story as soon as it is read, before it is reported. */
export function createRecording(
  env: Pick<ContentEnvironment, 'document' | 'url' | 'isTopFrame' | 'report' | 'reportStatus'>,
  onRead: (url: string, story: ExtractedStory) => void,
): Recording {
  let lastReport = '';
  let lastStatus = '';
  /** Whether the story on the page is business news, once `record` has classified it. */
  let isBusiness = false;

  return {
    async record(url, settings, matcher) {
      const story = extractStory(env.document, url);
      onRead(url, story);
      const business = classifyBusiness(story);
      isBusiness = business.isBusiness;
      if (!shouldRecord(settings, business.isBusiness)) return;
      const report = buildStoryReport(story, business, url, await matcher());
      if (!report) return;
      const key = JSON.stringify([report.url, report.mentions]);
      if (key === lastReport) return;
      lastReport = key;
      await env.report(report);
    },
    reportStatus(isArticle, counts) {
      const url = env.url();
      if (!env.isTopFrame || !env.reportStatus || !/^https?:/u.test(url)) return;
      const status: PageStatus = {
        url,
        isArticle,
        isBusiness,
        mentions: [...counts].map(([entityId, count]) => ({ entityId, count })),
      };
      const key = JSON.stringify(status);
      if (key === lastStatus) return;
      lastStatus = key;
      void env.reportStatus(status);
    },
    startOver(newPage) {
      lastReport = '';
      if (newPage) isBusiness = false;
    },
  };
}
