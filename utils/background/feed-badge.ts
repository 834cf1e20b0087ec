/**
 * The toolbar badge's count of unread stories that watched feeds found. It is the badge's
 * browser-wide text: a tab whose page names tracked companies shows that page's count instead
 * (tab-status.ts), and every other tab shows this one, in its own colour.
 */
import { browser } from 'wxt/browser';
import type { NewsDb } from '../db/schema';

export const FEED_BADGE_COLOR = '#1565c0';

/** "7", "999+", or "" when none is unread. */
export function unreadBadgeText(count: number): string {
  return count === 0 ? '' : count > 999 ? '999+' : String(count);
}

export async function showUnreadFeedCount(db: NewsDb): Promise<string> {
  const text = unreadBadgeText(await db.countFromIndex('stories', 'by-feed-unread'));
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text });
  await action.setBadgeBackgroundColor({ color: FEED_BADGE_COLOR });
  return text;
}
