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

/** When a story happened: its published time when the page gave a readable one, else when it was first seen. */
export function storyTime(story: { publishedTime: string | null; firstSeen: number }): number {
  const published = story.publishedTime ? Date.parse(story.publishedTime) : Number.NaN;
  return Number.isFinite(published) ? published : story.firstSeen;
}
