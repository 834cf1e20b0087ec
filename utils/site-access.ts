/**
 * Whether the browser lets News Tracker read web pages (its host permissions). Both browsers
 * grant them at install, but a person can withdraw them afterwards (Firefox's add-on manager,
 * Chrome's site access menu); then no content script runs, and nothing is highlighted or
 * recorded. The options page asks for them again and the popup says when they are missing
 * (components/SiteAccess.tsx).
 */
import { browser } from 'wxt/browser';
import { CONTENT_PAGES } from './content/pages';

export interface SiteAccess {
  granted(): Promise<boolean>;
  /** Asks the browser, which asks the person; only from a click. Resolves to the answer. */
  request(): Promise<boolean>;
  /** Calls `listener` whenever access is given or withdrawn; returns what stops it. */
  onChange(listener: () => void): () => void;
}

const WEB_PAGES = { origins: CONTENT_PAGES };

export const browserSiteAccess: SiteAccess = {
  granted: () => browser.permissions.contains(WEB_PAGES),
  request: () => browser.permissions.request(WEB_PAGES),
  onChange(listener) {
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
    return () => {
      browser.permissions.onAdded.removeListener(listener);
      browser.permissions.onRemoved.removeListener(listener);
    };
  },
};
