/**
 * Local days in several zones, including daylight-saving changes and zones whose offset is
 * not a whole hour. This file also runs the browser's own zone (systemZone) in New York: the
 * process's TZ is set before any date is made, so the test does not depend on the machine.
 */
const machineZone = process.env.TZ;
process.env.TZ = 'America/New_York';

import { afterAll, describe, expect, it } from 'vitest';
import { DAY_MS, dayLabel, dayOf, dayStart, isoDay, namedZone, periodRange, systemZone } from '@/utils/dashboard/days';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

// A worker may run other test files after this one: give it back its own zone.
afterAll(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

describe('local days', () => {
  it('runs this file in New York, not UTC', () => {
    expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).toBe(300);
    expect(systemZone.offsetMinutes(Date.UTC(2026, 6, 15))).toBe(-240);
  });

  it('puts a story read late in the evening on that evening’s day, not UTC’s next day', () => {
    // 23:30 in New York on 10 March is 03:30 UTC on 11 March.
    const late = Date.parse('2026-03-11T03:30:00Z');
    expect(dayOf(late, systemZone)).toBe(day('2026-03-10'));
    expect(dayOf(late, namedZone('UTC'))).toBe(day('2026-03-11'));
    expect(dayOf(late, namedZone('Asia/Tokyo'))).toBe(day('2026-03-11'));
  });

  it('agrees with the named zone of the same place, across a whole year of hours', () => {
    const ny = namedZone('America/New_York');
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000 + 17 * 60_000) {
      expect(dayOf(ms, ny)).toBe(dayOf(ms, systemZone));
    }
  });

  it.each([
    ['America/New_York', '2026-03-08', 23], // clocks go forward: a 23-hour day
    ['America/New_York', '2026-11-01', 25], // and back: 25 hours
    ['Europe/London', '2026-03-29', 23],
    ['Australia/Lord_Howe', '2026-04-05', 24.5], // half an hour back
    ['Asia/Kolkata', '2026-03-08', 24], // +05:30 all year
    ['Pacific/Chatham', '2026-04-05', 25], // +13:45 to +12:45
  ])('in %s, %s starts at local midnight and lasts %s hours', (zoneName, iso, hours) => {
    const zone = namedZone(zoneName);
    const start = dayStart(day(iso), zone);
    const end = dayStart(day(iso) + 1, zone);
    expect((end - start) / 3_600_000).toBe(hours);
    expect(dayOf(start, zone)).toBe(day(iso));
    expect(dayOf(start - 1, zone)).toBe(day(iso) - 1);
    expect(dayOf(end - 1, zone)).toBe(day(iso));
  });

  it('handles offsets that are not whole hours at the day boundary', () => {
    const kolkata = namedZone('Asia/Kolkata');
    // 18:29 UTC is 23:59 in Kolkata; 18:30 UTC is the next day's 00:00.
    expect(dayOf(Date.parse('2026-05-01T18:29:59Z'), kolkata)).toBe(day('2026-05-01'));
    expect(dayOf(Date.parse('2026-05-01T18:30:00Z'), kolkata)).toBe(day('2026-05-02'));
    const chatham = namedZone('Pacific/Chatham'); // +12:45 in May
    expect(dayOf(Date.parse('2026-05-01T11:14:59Z'), chatham)).toBe(day('2026-05-01'));
    expect(dayOf(Date.parse('2026-05-01T11:15:00Z'), chatham)).toBe(day('2026-05-02'));
  });

  it('makes a period of N days ending today, whatever the hour', () => {
    const justAfterMidnight = Date.parse('2026-03-10T04:05:00Z'); // 00:05 in New York (EDT)
    const range = periodRange(30, justAfterMidnight, systemZone);
    expect(range).toEqual({ first: day('2026-03-10') - 29, last: day('2026-03-10') });
    expect(isoDay(range.first)).toBe('2026-02-09');
  });

  it('names a day by its local calendar date, never shifted by the zone', () => {
    expect(dayLabel(day('2026-03-10'), 'en-GB')).toBe('Tue, 10 Mar 2026');
    expect(isoDay(day('2026-12-31'))).toBe('2026-12-31');
  });
});
