import { describe, expect, it } from 'vitest';
import {
  busiestDay,
  companiesIn,
  shareOfVoice,
  storiesAbout,
  storiesOfPair,
  summarize,
  UNKNOWN_PUBLISHER,
  watchlistsOf,
  weeklyCounts,
} from '@/utils/dashboard/aggregate';
import { DAY_MS, type DayRange, dayOf, namedZone, periodRange, type TimeZone } from '@/utils/dashboard/days';
import { countFacts } from '@/utils/db/day-counts';
import { type StoryFact, toStoryFact } from '@/utils/db/facts';
import { createEntity } from '@/utils/entities';
import type { StoryRecord } from '@/utils/stories';
import { storyRecord } from './story-fixtures';

const berlin = namedZone('Europe/Berlin');
const la = namedZone('America/Los_Angeles');
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

const mention = (entityId: string, inHeadline = false) => ({ entityId, count: 1, inHeadline, inLead: false });

let n = 0;
function fact(firstSeen: string, entityIds: string[], more: Partial<StoryRecord> = {}): StoryFact {
  n += 1;
  return toStoryFact(
    storyRecord({
      url: `https://news.example/${n}`,
      title: `Story ${n}`,
      firstSeen: Date.parse(firstSeen),
      mentions: entityIds.map((id) => mention(id)),
      ...more,
    }),
  );
}

/** The summary of these facts as the dashboard gets it: through the day counts, kept in `zone`. */
const summarizeFacts = (facts: StoryFact[], entities: { id: string }[], range: DayRange, zone: TimeZone) =>
  summarize(
    countFacts(facts, (ms) => dayOf(ms, zone)),
    entities,
    range,
  );

const companies = [{ id: 'xiaomi' }, { id: 'apple' }, { id: 'samsung' }];
// "Now" is 14:00 in Berlin on 10 March 2026; the 7-day period is 4 to 10 March.
const now = Date.parse('2026-03-10T13:00:00Z');
const week = periodRange(7, now, berlin);

describe('summarize', () => {
  it('counts each company’s stories per local day, with business news apart', () => {
    const facts = [
      fact('2026-03-10T08:00:00Z', ['xiaomi']),
      fact('2026-03-10T09:00:00Z', ['xiaomi', 'apple'], { isBusiness: false }),
      fact('2026-03-08T12:00:00Z', ['apple']),
    ];
    const summary = summarizeFacts(facts, companies, week, berlin);
    const [xiaomi, apple, samsung] = summary.timelines;
    expect(xiaomi).toMatchObject({ entityId: 'xiaomi', total: 2, business: 1 });
    expect(xiaomi?.perDay).toEqual([0, 0, 0, 0, 0, 0, 2]);
    expect(xiaomi?.businessPerDay).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(apple?.perDay).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(samsung).toMatchObject({ total: 0, business: 0 });
    expect(summary.storyCount).toBe(3);
  });

  it('splits days at local midnight, so the same moments land on different days in Berlin and Los Angeles', () => {
    // 23:30 UTC on 7 March: 00:30 on the 8th in Berlin, 15:30 on the 7th in Los Angeles.
    const facts = [fact('2026-03-07T23:30:00Z', ['xiaomi']), fact('2026-03-07T22:59:59Z', ['xiaomi'])];
    const inBerlin = summarizeFacts(facts, companies, week, berlin).timelines[0]?.perDay;
    expect(inBerlin).toEqual([0, 0, 0, 1, 1, 0, 0]); // 23:59:59 on the 7th, 00:30 on the 8th
    const laWeek = periodRange(7, now, la);
    expect(summarizeFacts(facts, companies, laWeek, la).timelines[0]?.perDay).toEqual([0, 0, 0, 2, 0, 0, 0]);
  });

  it('leaves out stories before the period, after today, and about companies no longer tracked', () => {
    const facts = [
      fact('2026-03-03T22:59:59Z', ['xiaomi']), // 23:59:59 on 3 March in Berlin: the day before the period
      fact('2026-03-03T23:00:00Z', ['xiaomi']), // midnight starting 4 March: counted
      fact('2026-03-10T23:00:00Z', ['xiaomi']), // tomorrow in Berlin
      fact('2026-03-09T10:00:00Z', ['removed-company']),
    ];
    const summary = summarizeFacts(facts, companies, week, berlin);
    expect(summary.timelines[0]?.perDay).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(summary.storyCount).toBe(1);
  });

  it('ranks each company’s publishers, naming stories without one', () => {
    const facts = [
      ...['A Daily', 'A Daily', 'B Wire', 'C Post', 'D Times', 'E Herald', 'F Mail'].map((publisher) =>
        fact('2026-03-09T10:00:00Z', ['xiaomi'], { publisher }),
      ),
      fact('2026-03-09T10:00:00Z', ['xiaomi'], { publisher: null }),
      fact('2026-03-09T10:00:00Z', ['xiaomi'], { publisher: null }),
    ];
    const top = summarizeFacts(facts, companies, week, berlin).publishers.get('xiaomi');
    expect(top).toEqual([
      { publisher: UNKNOWN_PUBLISHER, count: 2 },
      { publisher: 'A Daily', count: 2 },
      { publisher: 'B Wire', count: 1 },
      { publisher: 'C Post', count: 1 },
      { publisher: 'D Times', count: 1 },
    ]);
    expect(summarizeFacts(facts, companies, week, berlin).publishers.get('apple')).toEqual([]);
  });

  it('finds stories naming two tracked companies, most shared pair first, in the tracked list’s order', () => {
    const facts = [
      fact('2026-03-09T10:00:00Z', ['apple', 'xiaomi']),
      fact('2026-03-10T10:00:00Z', ['samsung', 'apple', 'xiaomi']),
      fact('2026-03-08T10:00:00Z', ['xiaomi', 'removed-company']),
    ];
    const pairs = summarizeFacts(facts, companies, week, berlin).pairs;
    expect(pairs.map((p) => [p.ids, p.count])).toEqual([
      [['xiaomi', 'apple'], 2],
      [['xiaomi', 'samsung'], 1],
      [['apple', 'samsung'], 1],
    ]);
    expect(storiesOfPair(facts, ['xiaomi', 'apple']).map((s) => s.firstSeen)).toEqual([
      Date.parse('2026-03-10T10:00:00Z'),
      Date.parse('2026-03-09T10:00:00Z'),
    ]);
  });

  it('counts a story naming several of the compared companies once, whichever of them are compared', () => {
    const facts = [
      fact('2026-03-09T10:00:00Z', ['apple', 'xiaomi']),
      fact('2026-03-10T10:00:00Z', ['samsung', 'apple', 'xiaomi']),
      fact('2026-03-08T10:00:00Z', ['samsung', 'removed-company']),
      fact('2026-03-08T11:00:00Z', ['samsung']),
    ];
    const count = (ids: string[]) =>
      summarizeFacts(
        facts,
        ids.map((id) => ({ id })),
        week,
        berlin,
      ).storyCount;
    expect(count(['xiaomi', 'apple', 'samsung'])).toBe(4);
    expect(count(['samsung', 'apple'])).toBe(4);
    expect(count(['apple'])).toBe(2);
    expect(count(['samsung'])).toBe(3);
    expect(count(['xiaomi', 'apple'])).toBe(2);
    expect(summarizeFacts(facts, [{ id: 'apple' }, { id: 'samsung' }], week, berlin).pairs).toEqual([
      { ids: ['apple', 'samsung'], count: 1 },
    ]);
  });

  it('lists the stories of one bar (the facts of its days, as read): that company, newest first', () => {
    const facts = [
      fact('2026-03-09T06:00:00Z', ['xiaomi'], { title: 'Morning' }),
      fact('2026-03-09T20:00:00Z', ['xiaomi', 'apple'], { title: 'Evening' }),
      fact('2026-03-09T12:00:00Z', ['apple'], { title: 'Apple only' }),
    ];
    expect(storiesAbout(facts, 'xiaomi').map((f) => f.title)).toEqual(['Evening', 'Morning']);
  });
});

describe('share of voice', () => {
  const facts = [
    fact('2026-03-09T10:00:00Z', ['xiaomi']),
    fact('2026-03-09T10:00:00Z', ['xiaomi']),
    fact('2026-03-09T10:00:00Z', ['xiaomi', 'apple']),
  ];
  const summary = summarizeFacts(facts, companies, week, berlin);

  it('compares the chosen companies, a story naming two counting for each', () => {
    expect(shareOfVoice(summary, ['xiaomi', 'apple', 'samsung'])).toEqual([
      { entityId: 'xiaomi', count: 3, share: 0.75 },
      { entityId: 'apple', count: 1, share: 0.25 },
      { entityId: 'samsung', count: 0, share: 0 },
    ]);
    expect(shareOfVoice(summary, ['apple', 'samsung'])).toEqual([
      { entityId: 'apple', count: 1, share: 1 },
      { entityId: 'samsung', count: 0, share: 0 },
    ]);
  });

  it('is zero for all when nobody has a story, rather than dividing by zero', () => {
    expect(shareOfVoice(summarizeFacts([], companies, week, berlin), ['xiaomi'])).toEqual([
      { entityId: 'xiaomi', count: 0, share: 0 },
    ]);
  });

  it('picks the companies of one watchlist, and lists the watchlists in use', () => {
    const entities = [
      { ...createEntity({ name: 'Xiaomi', watchlist: 'Clients' }, 0), id: 'xiaomi' },
      { ...createEntity({ name: 'Apple' }, 1), id: 'apple' },
      { ...createEntity({ name: 'Samsung', watchlist: 'Rivals' }, 2), id: 'samsung' },
      { ...createEntity({ name: 'Vivo', watchlist: 'Clients' }, 3), id: 'vivo' },
    ];
    expect(watchlistsOf(entities)).toEqual(['Clients', 'Rivals']);
    expect(companiesIn(entities, 'Clients').map((e) => e.id)).toEqual(['xiaomi', 'vivo']);
    expect(companiesIn(entities, null)).toHaveLength(4);
  });

  it('names the busiest day (the latest on a tie), or none without stories', () => {
    expect(busiestDay({ entityId: 'x', perDay: [0, 2, 1, 2, 0], businessPerDay: [], total: 5, business: 0 })).toEqual({
      index: 3,
      count: 2,
    });
    expect(busiestDay({ entityId: 'x', perDay: [0, 0], businessPerDay: [], total: 0, business: 0 })).toBeNull();
  });
});

describe('share of voice week by week', () => {
  it('sums each company’s days into weeks ending today, a shorter first week when the period is not whole weeks', () => {
    const tenDays = periodRange(10, now, berlin); // 1 to 10 March
    const facts = [
      fact('2026-03-01T10:00:00Z', ['xiaomi']), // first day of the period
      fact('2026-03-03T10:00:00Z', ['xiaomi', 'apple']), // last day of the short first week
      fact('2026-03-04T10:00:00Z', ['apple']), // first day of the last full week
      fact('2026-03-10T10:00:00Z', ['apple']), // today
    ];
    const summary = summarizeFacts(facts, companies, tenDays, berlin);
    expect(weeklyCounts(summary, ['apple', 'xiaomi'])).toEqual([
      { first: day('2026-03-01'), last: day('2026-03-03'), counts: [1, 2] },
      { first: day('2026-03-04'), last: day('2026-03-10'), counts: [2, 0] },
    ]);
  });
});
