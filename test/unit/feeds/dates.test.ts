import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '@/utils/feeds/dates';

const utc = (...parts: [number, number, number, number?, number?, number?]) =>
  Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0, parts[4] ?? 0, parts[5] ?? 0);

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 03 Jun 2003 09:39:21 GMT', utc(2003, 6, 3, 9, 39, 21)],
    ['Wed, 9 Apr 2025 10:00:00 +0200', utc(2025, 4, 9, 8)],
    ['Tue, 10 Jun 2003 04:00:00 PST', utc(2003, 6, 10, 12)],
    ['  Sat, 03 Jun 2017 12:00:00 -0700  ', utc(2017, 6, 3, 19)],
    ['03 Apr 02 1500 GMT', utc(2002, 4, 3, 15)],
    ['Mon, 04 Dec 17 10:00:00 -0500', utc(2017, 12, 4, 15)],
    ['2026-02-18T06:00:00Z', utc(2026, 2, 18, 6)],
    ['2024-01-15T10:30:00.123456789-05:00', utc(2024, 1, 15, 15, 30)],
    ['2017-11-08', utc(2017, 11, 8)],
    ['Seg, 24 Set 2018 12:00:00 -0300', utc(2018, 9, 24, 15)],
    ['2016/9/21 10:00:00', utc(2016, 9, 21, 10)],
    ['1508240400', utc(2017, 10, 17, 11, 40)],
  ])('reads %s', (text, expected) => {
    expect(Math.round((parseFeedDate(text) ?? 0) / 1000)).toBe(Math.round(expected / 1000));
  });

  it.each(['', 'soon', 'Tue, 45 Jun 2003 09:39:21 GMT'])('gives null for %j', (text) => {
    expect(parseFeedDate(text)).toBeNull();
  });
});
