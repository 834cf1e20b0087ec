/**
 * How a timeline is cut into bars and how its axis is labelled. A month is shown day by day;
 * longer periods week by week (the last week ending today), so a year is 53 bars a person can
 * see and point at rather than 365 hairlines. The axis names a few evenly spread days, with the
 * year when the period runs across two.
 */
import type { CompanyTimeline } from './aggregate';
import { DAY_MS, type DayRange, dayCount, dayLabel } from './days';

/** Periods longer than this are shown by week. */
const LONGEST_BY_DAY = 31;

export interface Bin {
  /** Local days, inclusive; the earliest week may be shorter when the period is not whole weeks. */
  first: number;
  last: number;
  count: number;
  business: number;
}

/** Days per bar for a period: 1, or 7 beyond a month. */
export const binDays = (range: DayRange) => (dayCount(range) > LONGEST_BY_DAY ? 7 : 1);

/** A company's stories per bar, oldest first. */
export function timelineBins(line: Pick<CompanyTimeline, 'perDay' | 'businessPerDay'>, range: DayRange): Bin[] {
  const size = binDays(range);
  const bins: Bin[] = [];
  for (let last = range.last; last >= range.first; last -= size) {
    const first = Math.max(range.first, last - size + 1);
    let count = 0;
    let business = 0;
    for (let day = first; day <= last; day++) {
      count += line.perDay[day - range.first] ?? 0;
      business += line.businessPerDay[day - range.first] ?? 0;
    }
    bins.unshift({ first, last, count, business });
  }
  return bins;
}

const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

/** A short date, "10 Mar", or "10 Mar 2026" when `withYear`. */
export function shortDate(day: number, withYear: boolean, locale?: string): string {
  return new Date(day * DAY_MS).toLocaleDateString(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: withYear ? 'numeric' : undefined,
  });
}

/** What one bar covers: its day ("Tue 10 Mar 2026"), or its week ("4 Mar to 10 Mar 2026"). */
export function binLabel(bin: Pick<Bin, 'first' | 'last'>, locale?: string): string {
  if (bin.first === bin.last) return dayLabel(bin.first, locale);
  const acrossYears = yearOf(bin.first) !== yearOf(bin.last);
  return `${shortDate(bin.first, acrossYears, locale)} to ${shortDate(bin.last, true, locale)}`;
}

export interface Tick {
  day: number;
  /** Where on the axis, 0 (left edge) to 1 (right edge), at the middle of the day's bar. */
  at: number;
  label: string;
}

/**
 * About `count` dates spread evenly from the first bar to the last. When the period crosses a
 * year, the first date and the first of each new year carry it; the rest stay short so the
 * labels fit side by side.
 */
export function axisTicks(bins: readonly Pick<Bin, 'first' | 'last'>[], count = 5, locale?: string): Tick[] {
  const first = bins[0];
  const last = bins.at(-1);
  if (!first || !last) return [];
  const crossesYear = yearOf(first.first) !== yearOf(last.last);
  const steps = Math.min(count - 1, bins.length - 1);
  const picked = new Set(
    Array.from({ length: steps + 1 }, (_, i) => Math.round((i * (bins.length - 1)) / Math.max(1, steps))),
  );
  let year: number | null = null;
  return [...picked].map((index) => {
    const day = (bins[index] as Pick<Bin, 'first' | 'last'>).last;
    const withYear = crossesYear && yearOf(day) !== year;
    year = yearOf(day);
    return { day, at: (index + 0.5) / bins.length, label: shortDate(day, withYear, locale) };
  });
}
