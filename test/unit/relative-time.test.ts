import { describe, expect, it } from 'vitest';
import { absoluteTime, relativeTime, storyDateText } from '@/utils/relative-time';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const ago = (ms: number) => relativeTime(NOW - ms, NOW, 'en-GB');

describe('relativeTime', () => {
  it('says how long ago in the largest whole unit that fits', () => {
    expect(ago(20_000)).toBe('just now');
    expect(ago(5 * 60_000)).toBe('5 min ago');
    expect(ago(3 * 3600_000 + 59 * 60_000)).toBe('3 h ago');
    expect(ago(2 * 86_400_000)).toBe('2 d ago');
  });

  it('gives a date after a week, with the year only when it differs', () => {
    expect(ago(10 * 86_400_000)).toBe('15 Nov');
    expect(relativeTime(Date.UTC(2025, 0, 3), NOW, 'en-GB')).toBe('3 Jan 2025');
  });

  it('treats a time in the future (a skewed clock) as just now', () => {
    expect(ago(-60_000)).toBe('just now');
  });
});

describe('storyDateText', () => {
  const read = (publishedTime: string | null, firstSeen: number) =>
    storyDateText({ publishedTime, firstSeen, lastSeen: NOW }, NOW, 'en-GB');

  it('dates a story by when it was published, or first read when the page gave no readable date', () => {
    expect(read('2026-11-25T09:00:00Z', NOW - 3600_000)).toMatchObject({
      at: Date.UTC(2026, 10, 25, 9),
      text: '3 h ago',
    });
    expect(read('last Tuesday', NOW - 3600_000)).toMatchObject({ at: NOW - 3600_000, text: '1 h ago' });
    expect(read(null, NOW - 3600_000).title).toMatch(/^First read 25 Nov 2026/);
  });

  it('says "published" with the full date for a story read long after it came out', () => {
    const old = read('2016-03-12T10:00:00Z', NOW - 3600_000);
    expect(old.text).toBe('published 12 Mar 2016');
    expect(old.title).toMatch(/^Published 12 Mar 2016.*, first read 25 Nov 2026/);
    expect(read('2026-09-01T10:00:00Z', NOW - 3600_000).text).toBe('published 1 Sept');
    // Read within the week it came out: an ordinary date.
    expect(read('2026-11-20T10:00:00Z', NOW - 3 * 86_400_000).text).toBe('5 d ago');
  });
});

describe('absoluteTime', () => {
  it('includes the date and the time of day', () => {
    expect(absoluteTime(NOW, 'en-GB')).toMatch(/25 Nov 2026.*\d\d:\d\d/);
  });
});
