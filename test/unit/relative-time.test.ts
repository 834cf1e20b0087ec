import { describe, expect, it } from 'vitest';
import { absoluteTime, relativeTime, storyTime } from '@/utils/relative-time';

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

describe('storyTime', () => {
  it('uses the published time when the page gave a readable one, else when the story was first seen', () => {
    expect(storyTime({ publishedTime: '2026-11-24T08:30:00Z', firstSeen: 5 })).toBe(Date.UTC(2026, 10, 24, 8, 30));
    expect(storyTime({ publishedTime: 'last Tuesday', firstSeen: 5 })).toBe(5);
    expect(storyTime({ publishedTime: null, firstSeen: 5 })).toBe(5);
  });
});

describe('absoluteTime', () => {
  it('includes the date and the time of day', () => {
    expect(absoluteTime(NOW, 'en-GB')).toMatch(/25 Nov 2026.*\d\d:\d\d/);
  });
});
