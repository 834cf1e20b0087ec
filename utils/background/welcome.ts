import { browser } from 'wxt/browser';

export const WELCOME_PAGE = '/welcome.html';

/**
 * Opens the welcome page when News Tracker is first installed. An update, or the browser's own
 * update, reaches onInstalled too, with another reason: those open nothing, so a person sees
 * the welcome once.
 */
export async function welcomeOnInstall(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}
