/**
 * What the dashboard shows, computed in one pass over the story facts of the chosen period:
 * per company a count per local day (all stories and business news), the companies' share of
 * voice, their top publishers, and the stories that name two tracked companies together.
 * Pure and synchronous, so it runs the same in Node tests and in the page.
 */

import type { StoryFact } from '../db/facts';
import type { TrackedEntity } from '../entities';
import { type DayRange, dayCount, dayOf, type TimeZone } from './days';

export interface CompanyTimeline {
  entityId: string;
  /** Stories per day, index 0 = the range's first day. */
  perDay: number[];
  /** Business-news stories per day (each also counted in `perDay`). */
  businessPerDay: number[];
  total: number;
  business: number;
}

export interface PublisherCount {
  publisher: string;
  count: number;
}

export interface CompanyPair {
  /** Entity ids in the tracked list's order. */
  ids: [string, string];
  /** Newest first. */
  stories: StoryFact[];
}

export interface DashboardSummary {
  range: DayRange;
  /** In the order of `entities` given. */
  timelines: CompanyTimeline[];
  /** Up to `TOP_PUBLISHERS` per company, most stories first. */
  publishers: Map<string, PublisherCount[]>;
  /** Most shared stories first. */
  pairs: CompanyPair[];
  /** Distinct stories in the period that name at least one of the companies. */
  storyCount: number;
}

export const TOP_PUBLISHERS = 5;
/** Shown for stories from a page that named no publisher. */
export const UNKNOWN_PUBLISHER = '(publisher not given)';

/** The local day of each fact, when it falls within the range. */
export function factDay(fact: StoryFact, range: DayRange, zone: TimeZone): number | null {
  const day = dayOf(fact.firstSeen, zone);
  return day < range.first || day > range.last ? null : day - range.first;
}

export function summarize(
  facts: readonly StoryFact[],
  entities: readonly Pick<TrackedEntity, 'id'>[],
  range: DayRange,
  zone: TimeZone,
): DashboardSummary {
  const days = dayCount(range);
  const order = new Map(entities.map((e, i) => [e.id, i]));
  const timelines = entities.map(
    (e): CompanyTimeline => ({
      entityId: e.id,
      perDay: new Array<number>(days).fill(0),
      businessPerDay: new Array<number>(days).fill(0),
      total: 0,
      business: 0,
    }),
  );
  const publisherCounts = new Map<string, Map<string, number>>(entities.map((e) => [e.id, new Map()]));
  const pairs = new Map<string, CompanyPair>();
  let storyCount = 0;

  for (const fact of facts) {
    const index = factDay(fact, range, zone);
    if (index === null) continue;
    const tracked = fact.entityIds
      .filter((id) => order.has(id))
      .sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
    if (tracked.length === 0) continue;
    storyCount += 1;
    const publisher = fact.publisher ?? UNKNOWN_PUBLISHER;
    for (const id of tracked) {
      const line = timelines[order.get(id) as number] as CompanyTimeline;
      line.perDay[index] = (line.perDay[index] as number) + 1;
      line.total += 1;
      if (fact.business) {
        line.businessPerDay[index] = (line.businessPerDay[index] as number) + 1;
        line.business += 1;
      }
      const counts = publisherCounts.get(id) as Map<string, number>;
      counts.set(publisher, (counts.get(publisher) ?? 0) + 1);
    }
    for (let i = 0; i < tracked.length; i++) {
      for (let j = i + 1; j < tracked.length; j++) {
        const ids: [string, string] = [tracked[i] as string, tracked[j] as string];
        const key = ids.join('\n');
        const pair = pairs.get(key) ?? { ids, stories: [] };
        pairs.set(key, pair);
        pair.stories.push(fact);
      }
    }
  }

  const publishers = new Map<string, PublisherCount[]>();
  for (const [id, counts] of publisherCounts) {
    const top = [...counts]
      .map(([publisher, count]) => ({ publisher, count }))
      .sort((a, b) => b.count - a.count || a.publisher.localeCompare(b.publisher))
      .slice(0, TOP_PUBLISHERS);
    publishers.set(id, top);
  }
  const sortedPairs = [...pairs.values()].sort(
    (a, b) =>
      b.stories.length - a.stories.length ||
      (order.get(a.ids[0]) as number) - (order.get(b.ids[0]) as number) ||
      (order.get(a.ids[1]) as number) - (order.get(b.ids[1]) as number),
  );
  for (const pair of sortedPairs) pair.stories.sort(newestFirst);
  return { range, timelines, publishers, pairs: sortedPairs, storyCount };
}

export const newestFirst = (a: StoryFact, b: StoryFact) => b.firstSeen - a.firstSeen || (a.url < b.url ? 1 : -1);

/**
 * The stories behind one bar of a timeline: that company's stories first read on that day (or
 * from `day` to `lastDay`, for a week's bar), newest first.
 */
export function storiesOnDay(
  facts: readonly StoryFact[],
  entityId: string,
  day: number,
  zone: TimeZone,
  lastDay = day,
): StoryFact[] {
  return facts
    .filter((f) => {
      if (!f.entityIds.includes(entityId)) return false;
      const seen = dayOf(f.firstSeen, zone);
      return seen >= day && seen <= lastDay;
    })
    .sort(newestFirst);
}

export interface VoiceShare {
  entityId: string;
  count: number;
  /** Of all mentions among the compared companies, 0..1; 0 when none has any story. */
  share: number;
}

/**
 * The compared companies side by side: each one's stories in the period and its share of all
 * the compared companies' stories (a story naming two of them counts once for each).
 */
export function shareOfVoice(summary: DashboardSummary, entityIds: readonly string[]): VoiceShare[] {
  const wanted = new Set(entityIds);
  const lines = summary.timelines.filter((t) => wanted.has(t.entityId));
  const all = lines.reduce((sum, t) => sum + t.total, 0);
  return lines
    .map((t) => ({ entityId: t.entityId, count: t.total, share: all === 0 ? 0 : t.total / all }))
    .sort((a, b) => b.count - a.count);
}

/** Companies on a watchlist (null: every tracked company). */
export function companiesIn(entities: readonly TrackedEntity[], watchlist: string | null): TrackedEntity[] {
  return watchlist === null ? [...entities] : entities.filter((e) => e.watchlist === watchlist);
}

/** The watchlists in use, in the order their first company was added. */
export function watchlistsOf(entities: readonly TrackedEntity[]): string[] {
  return [...new Set(entities.flatMap((e) => (e.watchlist ? [e.watchlist] : [])))];
}

/** The busiest day of a timeline (the latest, on a tie), or null when it has no stories. */
export function busiestDay(line: CompanyTimeline): { index: number; count: number } | null {
  let best: { index: number; count: number } | null = null;
  line.perDay.forEach((count, index) => {
    if (count > 0 && (!best || count >= best.count)) best = { index, count };
  });
  return best;
}

export interface WeekCounts {
  /** Local days, inclusive; the earliest week may be shorter when the period is not whole weeks. */
  first: number;
  last: number;
  /** Stories per company, in the order of the ids asked for. */
  counts: number[];
}

/** The compared companies' stories week by week, the last week ending today, oldest week first. */
export function weeklyCounts(summary: DashboardSummary, entityIds: readonly string[]): WeekCounts[] {
  const lines = entityIds.map((id) => summary.timelines.find((t) => t.entityId === id));
  const weeks: WeekCounts[] = [];
  for (let end = summary.range.last; end >= summary.range.first; end -= 7) {
    const first = Math.max(summary.range.first, end - 6);
    const counts = lines.map((line) => {
      let sum = 0;
      for (let day = first; day <= end; day++) sum += line?.perDay[day - summary.range.first] ?? 0;
      return sum;
    });
    weeks.unshift({ first, last: end, counts });
  }
  return weeks;
}
