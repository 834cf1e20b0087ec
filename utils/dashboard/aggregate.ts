/**
 * What the dashboard shows, added up from the day counts of the chosen period (one record per
 * company and local day, utils/db/day-counts.ts): per company a count per day (all stories and
 * business news), the companies' share of voice, their top publishers, and how many stories name
 * two tracked companies together. Pure and synchronous, so it runs the same in Node tests and in
 * the page. The stories behind a bar or a pair are read only when asked for (storiesOnDay).
 */

import type { CompanyDay } from '../db/day-counts';
import type { StoryFact } from '../db/facts';
import type { TrackedEntity } from '../entities';
import { type DayRange, dayCount } from './days';

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
  /** Stories naming both. */
  count: number;
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

export function summarize(
  days: readonly CompanyDay[],
  entities: readonly Pick<TrackedEntity, 'id'>[],
  range: DayRange,
): DashboardSummary {
  const order = new Map(entities.map((e, i) => [e.id, i]));
  const timelines = entities.map(
    (e): CompanyTimeline => ({
      entityId: e.id,
      perDay: new Array<number>(dayCount(range)).fill(0),
      businessPerDay: new Array<number>(dayCount(range)).fill(0),
      total: 0,
      business: 0,
    }),
  );
  const publisherCounts = new Map<string, Map<string, number>>(entities.map((e) => [e.id, new Map()]));
  const pairs = new Map<string, CompanyPair>();
  let storyCount = 0;

  for (const counts of days) {
    const at = order.get(counts.entityId);
    if (at === undefined || counts.day < range.first || counts.day > range.last) continue;
    const line = timelines[at] as CompanyTimeline;
    const index = counts.day - range.first;
    line.perDay[index] = (line.perDay[index] as number) + counts.stories;
    line.businessPerDay[index] = (line.businessPerDay[index] as number) + counts.business;
    line.total += counts.stories;
    line.business += counts.business;
    const publishers = publisherCounts.get(counts.entityId) as Map<string, number>;
    for (const [name, n] of counts.publishers) {
      const publisher = name ?? UNKNOWN_PUBLISHER;
      publishers.set(publisher, (publishers.get(publisher) ?? 0) + n);
    }
    // Each story is in the record of every company it names: it is counted where that company
    // is the first of them shown, and each of its pairs there too.
    for (const [set, n] of counts.sets) {
      const shown = set.split('\n').filter((id) => order.has(id));
      const first = Math.min(...shown.map((id) => order.get(id) as number));
      if (first === at) storyCount += n;
      for (const other of shown) {
        if ((order.get(other) as number) <= at) continue;
        const ids: [string, string] = [counts.entityId, other];
        const key = ids.join('\n');
        const pair = pairs.get(key) ?? { ids, count: 0 };
        pairs.set(key, pair);
        pair.count += n;
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
      b.count - a.count ||
      (order.get(a.ids[0]) as number) - (order.get(b.ids[0]) as number) ||
      (order.get(a.ids[1]) as number) - (order.get(b.ids[1]) as number),
  );
  return { range, timelines, publishers, pairs: sortedPairs, storyCount };
}

export const newestFirst = (a: StoryFact, b: StoryFact) => b.firstSeen - a.firstSeen || (a.url < b.url ? 1 : -1);

/** The stories (of a bar's days, as read) that name the company, newest first. */
export function storiesAbout(facts: readonly StoryFact[], entityId: string): StoryFact[] {
  return facts.filter((f) => f.entityIds.includes(entityId)).sort(newestFirst);
}

/** The stories naming both companies of a pair, newest first. */
export function storiesOfPair(facts: readonly StoryFact[], ids: readonly [string, string]): StoryFact[] {
  return facts.filter((f) => f.entityIds.includes(ids[0]) && f.entityIds.includes(ids[1])).sort(newestFirst);
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
