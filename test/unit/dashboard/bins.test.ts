import { describe, expect, it } from 'vitest';
import { axisTicks, binDays, binLabel, timelineBins } from '@/utils/dashboard/bins';
import { DAY_MS, type DayRange } from '@/utils/dashboard/days';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const range = (first: string, last: string): DayRange => ({ first: day(first), last: day(last) });
const line = (r: DayRange, fill: (i: number) => number) => {
  const perDay = Array.from({ length: r.last - r.first + 1 }, (_, i) => fill(i));
  return { perDay, businessPerDay: perDay.map((n) => Math.floor(n / 2)) };
};

describe('timeline bars', () => {
  it('shows a month day by day, and longer periods week by week with the last week ending today', () => {
    const month = range('2026-02-09', '2026-03-10');
    expect(binDays(month)).toBe(1);
    expect(
      timelineBins(
        line(month, () => 1),
        month,
      ),
    ).toHaveLength(30);

    const year = range('2025-03-11', '2026-03-10');
    expect(binDays(year)).toBe(7);
    const bins = timelineBins(
      line(year, (i) => (i % 7 === 0 ? 2 : 0)),
      year,
    );
    expect(bins).toHaveLength(53);
    expect(bins.at(-1)).toMatchObject({ first: day('2026-03-04'), last: day('2026-03-10') });
    // 365 days are 52 weeks and a day: the first bar is that one day.
    expect(bins[0]).toMatchObject({ first: day('2025-03-11'), last: day('2025-03-11') });
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(
      line(year, (i) => (i % 7 === 0 ? 2 : 0)).perDay.reduce((a, b) => a + b),
    );
    expect(bins.every((b) => b.business <= b.count)).toBe(true);
  });

  it('names a bar by its day, or by its week', () => {
    expect(binLabel({ first: day('2026-03-10'), last: day('2026-03-10') }, 'en-GB')).toBe('Tue, 10 Mar 2026');
    expect(binLabel({ first: day('2026-03-04'), last: day('2026-03-10') }, 'en-GB')).toBe('4 Mar to 10 Mar 2026');
    expect(binLabel({ first: day('2025-12-29'), last: day('2026-01-04') }, 'en-GB')).toBe('29 Dec 2025 to 4 Jan 2026');
  });

  it('labels the axis with about five dates, adding the year only when the period crosses one, at its start and at each new year', () => {
    const ticksOver = (first: string, last: string) => {
      const period = range(first, last);
      return axisTicks(
        timelineBins(
          line(period, () => 0),
          period,
        ),
        5,
        'en-GB',
      );
    };
    const ticks = ticksOver('2026-02-09', '2026-03-10');
    expect(ticks.map((t) => t.label)).toEqual(['9 Feb', '16 Feb', '24 Feb', '3 Mar', '10 Mar']);
    expect(ticks[0]?.at).toBeCloseTo(0.5 / 30);
    expect(ticks.at(-1)?.at).toBeCloseTo(29.5 / 30);

    const labels = ticksOver('2025-12-11', '2026-01-09').map((t) => t.label);
    expect(labels).toEqual(['11 Dec 2025', '18 Dec', '26 Dec', '2 Jan 2026', '9 Jan']);
    expect(axisTicks([], 5)).toEqual([]);
  });
});
