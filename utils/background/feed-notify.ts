/**
 * Optional notices of new feed stories, off unless chosen in the options: one per company with
 * new stories ("3 new stories about Xiaomi"), for every company or the chosen ones, at most a
 * few per check. Clicking one opens the dashboard, where the stories are listed.
 */
import { browser } from 'wxt/browser';
import type { TrackedEntity } from '../entities';
import type { FeedOptions } from '../feeds/watched';
import type { StoryRecord } from '../stories';

const PREFIX = 'feeds:';
/** More notices than this at once would be noise: the companies with most stories get one. */
const MAX_NOTICES = 3;
/** A plain blue square, inline so the notification needs no packaged image. */
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAOklEQVR42u3OQQ0AAAgEoCthRHsazRbOBxsBSPW8EiEhISEhI' +
  'SEhISEhISEhISEhISEhISEhISGhOwvTPgqm3P3V7wAAAABJRU5ErkJggg==';

export interface FeedNotice {
  id: string;
  title: string;
  message: string;
}

/** The notices for the stories a check found, by company, most stories first. */
export function feedNotices(
  stories: readonly StoryRecord[],
  entities: readonly TrackedEntity[],
  options: FeedOptions,
  now: number,
): FeedNotice[] {
  if (options.notify === 'off') return [];
  const wanted = entities.filter(
    (e) => e.enabled && (options.notify === 'all' || options.notifyEntityIds.includes(e.id)),
  );
  return wanted
    .map((entity) => ({ entity, found: stories.filter((s) => s.mentions.some((m) => m.entityId === entity.id)) }))
    .filter(({ found }) => found.length > 0)
    .sort((a, b) => b.found.length - a.found.length)
    .slice(0, MAX_NOTICES)
    .map(({ entity, found }) => ({
      id: `${PREFIX}${entity.id}:${now}`,
      title: `${found.length} new ${found.length === 1 ? 'story' : 'stories'} about ${entity.name}`,
      message: found
        .slice(0, 2)
        .map((s) => (s.publisher ? `${s.title} (${s.publisher})` : s.title))
        .join('\n'),
    }));
}

export async function notifyFeedStories(notices: readonly FeedNotice[]): Promise<void> {
  for (const notice of notices) {
    await browser.notifications.create(notice.id, {
      type: 'basic',
      iconUrl: ICON,
      title: notice.title,
      message: notice.message,
    });
  }
}

/** Opens the dashboard for a clicked feed notice; false for someone else's notification. */
export async function openFeedNotice(notificationId: string): Promise<boolean> {
  if (!notificationId.startsWith(PREFIX)) return false;
  await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
  await browser.notifications.clear(notificationId);
  return true;
}
