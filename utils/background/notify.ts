/**
 * Optional desktop notifications (off by default): one per new story about a tracked company.
 * Clicking one opens the story.
 */
import { browser } from 'wxt/browser';
import type { TrackedEntity } from '../entities';
import type { StoryRecord } from '../stories';

const PREFIX = 'story:';
/** A plain green square, inline so the notification needs no packaged image. */
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAOklEQVR42u3OMQ0AAAgDsCniwB/ecUE4mlRAU9OvREhISEh' +
  'ISEhISEhISEhISEhISEhISEhISEjozgIfzMVqTKEO8QAAAABJRU5ErkJggg==';

export function notificationFor(story: StoryRecord, entities: readonly TrackedEntity[]) {
  const names = story.mentions
    .map((m) => entities.find((e) => e.id === m.entityId)?.name)
    .filter((n): n is string => n !== undefined);
  return {
    type: 'basic' as const,
    iconUrl: ICON,
    title: names.length > 0 ? `New story about ${names.slice(0, 3).join(', ')}` : 'New story',
    message: story.publisher ? `${story.title} (${story.publisher})` : story.title,
  };
}

export async function notifyNewStory(story: StoryRecord, entities: readonly TrackedEntity[]): Promise<void> {
  await browser.notifications.create(`${PREFIX}${story.url}`, notificationFor(story, entities));
}

/** Opens the story behind a clicked notification; returns its URL, or null for someone else's notification. */
export async function openNotifiedStory(notificationId: string): Promise<string | null> {
  if (!notificationId.startsWith(PREFIX)) return null;
  const url = notificationId.slice(PREFIX.length);
  await browser.tabs.create({ url });
  await browser.notifications.clear(notificationId);
  return url;
}
