/**
 * What the content script should do on a page, decided from settings alone: the only page fact
 * it needs is whether the page is an article, which is cheap to learn.
 */
import type { Settings } from '../settings';

export interface PageWork {
  /** Paint highlights (and show the panel) on this page. */
  highlight: boolean;
  /** Report the story to the background. */
  record: boolean;
}

export const NO_WORK: PageWork = { highlight: false, record: false };

/** True when the site's settings leave nothing at all to do here (checked before any page work). */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.includes(hostname);
}

/** True when pages that are not articles are highlighted too (else they need nothing). */
export function nonArticlesNeedWork(settings: Settings): boolean {
  return settings.highlightScope === 'all';
}

export function decidePageWork(
  settings: Settings,
  hostname: string,
  isArticle: boolean,
  isTopFrame: boolean,
): PageWork {
  if (isSiteDisabled(settings, hostname)) return NO_WORK;
  const inScope = nonArticlesNeedWork(settings) || (settings.highlightScope === 'articles' && isArticle);
  return {
    highlight: inScope && !settings.highlightOffSites.includes(hostname),
    // Frames inside a page are ads and widgets far more often than stories.
    record: isArticle && isTopFrame,
  };
}

/** Stories are recorded when they mention a company, and only business news if the user asks. */
export function shouldRecord(settings: Settings, isBusiness: boolean): boolean {
  return !settings.recordOnlyBusiness || isBusiness;
}
