/**
 * Calendar days in the user's time zone. A story counts on the local day it was first read, so
 * "Tuesday" on the dashboard is the reader's Tuesday, not UTC's. Days are numbered like Unix
 * days (day 0 is 1 January 1970) but in local time, which makes ranges plain integer arithmetic
 * and keeps daylight-saving days (23 or 25 hours long) one day each.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** How far local time is ahead of UTC at a moment, in minutes (New York in winter: -300). */
export interface TimeZone {
  offsetMinutes(ms: number): number;
}

/** The zone the browser runs in (what the person sees on their clock). */
export const systemZone: TimeZone = {
  offsetMinutes: (ms) => -new Date(ms).getTimezoneOffset(),
};

/**
 * A named IANA zone, for tests and for checking any zone from any machine. Offsets change at
 * most a few times a year and always on a quarter hour, so one answer per UTC hour is cached.
 */
export function namedZone(name: string): TimeZone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const cache = new Map<number, number>();
  /** `ms` is on a whole minute, as the formatted parts are. */
  const compute = (ms: number) => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const local = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
    );
    return Math.round((local - ms) / 60_000);
  };
  return {
    offsetMinutes(ms) {
      // Offsets change on a quarter hour, so the quarter hour's start has the same offset as `ms`.
      const quarter = Math.floor(ms / (HOUR_MS / 4));
      let offset = cache.get(quarter);
      if (offset === undefined) {
        offset = compute(quarter * (HOUR_MS / 4));
        cache.set(quarter, offset);
      }
      return offset;
    },
  };
}

/** The local day a moment falls on. */
export function dayOf(ms: number, zone: TimeZone): number {
  return Math.floor((ms + zone.offsetMinutes(ms) * 60_000) / DAY_MS);
}

/** The first moment of a local day (local midnight, or the first moment after a skipped midnight). */
export function dayStart(day: number, zone: TimeZone): number {
  const midnightUtc = day * DAY_MS;
  // Two rounds settle the offset even when the guess lands on the other side of a change.
  let guess = midnightUtc - zone.offsetMinutes(midnightUtc) * 60_000;
  guess = midnightUtc - zone.offsetMinutes(guess) * 60_000;
  while (dayOf(guess, zone) < day) guess += 15 * 60_000;
  while (dayOf(guess - 1, zone) >= day) guess -= 15 * 60_000;
  return guess;
}

/** The periods the dashboard offers, in days ending today. */
export const PERIODS = [30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];

/** Inclusive range of local days. */
export interface DayRange {
  first: number;
  last: number;
}

/** The `days` local days ending with today. */
export function periodRange(days: number, now: number, zone: TimeZone): DayRange {
  const last = dayOf(now, zone);
  return { first: last - days + 1, last };
}

export const dayCount = (range: DayRange) => range.last - range.first + 1;

/** A local day as the calendar names it: "Tue 10 Mar 2026". */
export function dayLabel(day: number, locale?: string): string {
  return new Date(day * DAY_MS).toLocaleDateString(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** A short day label for axes: "10 Mar". */
export function shortDayLabel(day: number, locale?: string): string {
  return new Date(day * DAY_MS).toLocaleDateString(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });
}

/** ISO date of a local day, "2026-03-10", for file names and machine-readable times. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
