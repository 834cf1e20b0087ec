import { type StoryRecord, storyDate } from './stories';

/** "just now", "5 min ago", "3 h ago", "2 d ago", then a short date: how old a story is at a glance. */
export function relativeTime(then: number, now: number, locale?: string): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days} d ago`;
  const sameYear = new Date(then).getFullYear() === new Date(now).getFullYear();
  return new Date(then).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
  });
}

/** The full date and time, for hover text. */
export function absoluteTime(then: number, locale?: string): string {
  return new Date(then).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A story's date counts as a publication date, said as such, when it is this much older than the first read. */
const LATE_READ_MS = 7 * 86_400_000;

/**
 * How a listed story is dated: when it was published (first read where the page gave no date;
 * `storyDate`), as "3 h ago" or "24 Nov"; a story read long after it came out says "published
 * 12 Mar 2016", so it is never taken for this week's news. `title` gives both moments in full.
 */
export function storyDateText(
  story: Pick<StoryRecord, 'publishedTime' | 'firstSeen' | 'lastSeen'>,
  now: number,
  locale?: string,
): { at: number; text: string; title: string } {
  const at = storyDate(story);
  const read = `first read ${absoluteTime(story.firstSeen, locale)}`;
  if (at === story.firstSeen)
    return { at, text: relativeTime(at, now, locale), title: `First read ${absoluteTime(at, locale)}` };
  const title = `Published ${absoluteTime(at, locale)}, ${read}`;
  if (story.firstSeen - at < LATE_READ_MS) return { at, text: relativeTime(at, now, locale), title };
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  const day = new Date(at).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
  });
  return { at, text: `published ${day}`, title };
}
