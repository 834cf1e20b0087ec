/**
 * What the content script should do on a page, decided from the content state and one fact
 * about the page: whether it is taken for an article, which is asked only when the state leaves
 * the question open (nothing tracked, or a switched-off site, needs no look at the page).
 */
import type { ContentState } from '../content-state';
import type { Settings } from '../settings';
import { hostnameOf, type TopPage } from './environment';

export interface PageWork {
  /** Paint highlights (and show the panel) on this page. */
  highlight: boolean;
  /** Report the story to the background. */
  record: boolean;
  /** Nothing tracked yet: read the article once the page is idle, for the popup's suggestions. */
  readWhenIdle: boolean;
}

export const NO_WORK: PageWork = { highlight: false, record: false, readWhenIdle: false };

/** Where the session stands: the page's address and, for a frame, the page around it (null for the top frame). */
export interface PageInView {
  url: string;
  top: TopPage | null;
}

/** True when the site's settings leave nothing at all to do here (checked before any page work). */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.includes(hostname);
}

/**
 * Whether the page is taken for a news article: the person's word for this very address first
 * (recorded by hand, or "Not a news story"; null when they said nothing), then for its site
 * ("Treat pages on this site as news"), then the page's own look, which `detect` asks only when
 * neither settles it.
 */
export function takenForArticle(
  settings: Settings,
  host: string,
  verdict: boolean | null,
  detect: () => boolean,
): boolean {
  if (verdict !== null) return verdict;
  return settings.newsSites.includes(host) || detect();
}

/**
 * What the page needs. A frame follows the site settings of the page around it, and is also left
 * alone on a disabled site of its own. `isArticle` looks at the page (for a frame, the page
 * around it); it is called at most once.
 */
export function decidePageWork(
  state: ContentState,
  page: PageInView,
  isTopFrame: boolean,
  isArticle: () => boolean,
): PageWork {
  const { settings } = state;
  const host = hostnameOf(page.top?.url ?? page.url);
  const siteOff =
    isSiteDisabled(settings, host) || (page.top !== null && isSiteDisabled(settings, hostnameOf(page.url)));
  if (siteOff) return NO_WORK;
  const nothingTracked = !state.entities.some((e) => e.enabled && e.aliases.length > 0);
  if (nothingTracked) return { ...NO_WORK, readWhenIdle: isTopFrame && isArticle() };
  const article = isArticle();
  const inScope = settings.highlightScope === 'all' || (settings.highlightScope === 'articles' && article);
  return {
    highlight: inScope && !settings.highlightOffSites.includes(host),
    // Frames inside a page are ads and widgets far more often than stories.
    record: article && isTopFrame,
    readWhenIdle: false,
  };
}

/** Stories are recorded when they mention a company, and only business news if the user asks. */
export function shouldRecord(settings: Settings, isBusiness: boolean): boolean {
  return !settings.recordOnlyBusiness || isBusiness;
}
