import { describe, expect, it } from 'vitest';
import { FeedError } from '@/utils/feeds/errors';
import { MAX_CHECKS_AT_ONCE, nextDueAt, pickFeedsToCheck } from '@/utils/feeds/schedule';
import { type FeedState, newFeedState, nextFeedState } from '@/utils/feeds/state';

const NOW = Date.UTC(2025, 0, 1);
const HOUR = 3600_000;
const schedule = { intervalMs: HOUR / 2 };
const failed = { kind: 'failed' as const, error: new FeedError('network', 'down'), retryAfterMs: null };
const ok = (finalUrl: string, hintMs: number | null = null) => ({
  kind: 'ok' as const,
  finalUrl,
  validators: { etag: null, lastModified: null },
  hintMs,
});

describe('nextFeedState', () => {
  it('doubles the wait after each failure up to a day, and a success resets it', () => {
    let state = newFeedState('https://a.example/feed', NOW);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      state = nextFeedState(state, failed, NOW, schedule);
      waits.push(((state.nextCheckAt as number) - NOW) / HOUR);
    }
    expect(waits).toEqual([0.5, 1, 2, 4, 8, 16, 24, 24]);
    expect(state.failingSince).toBe(NOW);
    const healed = nextFeedState(state, ok(state.url), NOW, schedule);
    expect(healed).toMatchObject({ status: 'working', failures: 0, failingSince: null, problem: null });
    expect(healed.nextCheckAt).toBe(NOW + HOUR / 2);
  });

  it('caps what a server can ask: hints at a day, Retry-After at a week', () => {
    const state = newFeedState('https://a.example/feed', NOW);
    expect(nextFeedState(state, ok(state.url, 365 * 24 * HOUR), NOW, schedule).nextCheckAt).toBe(NOW + 24 * HOUR);
    const busy = { ...failed, retryAfterMs: 365 * 24 * HOUR };
    expect(nextFeedState(state, busy, NOW, schedule).nextCheckAt).toBe(NOW + 7 * 24 * HOUR);
  });

  it('forgets a redirect that changes target or stops', () => {
    const state = newFeedState('https://a.example/feed', NOW);
    const once = nextFeedState(state, ok('https://b.example/1'), NOW, schedule);
    const other = nextFeedState(once, ok('https://b.example/2'), NOW, schedule);
    expect(other.redirect).toEqual({ to: 'https://b.example/2', seen: 1 });
    expect(nextFeedState(other, ok(state.url), NOW, schedule).redirect).toBeNull();
  });
});

function due(url: string, at: number, extra: Partial<FeedState> = {}): FeedState {
  return { ...newFeedState(url, at), ...extra };
}

describe('pickFeedsToCheck', () => {
  const feeds = [
    due('https://f1.example/', NOW - 5),
    due('https://f2.example/', NOW - 1),
    due('https://f3.example/', NOW - 9),
    due('https://f4.example/', NOW - 3),
    due('https://f5.example/', NOW - 7),
    due('https://f6.example/', NOW + 1),
    due('https://paused.example/', NOW - 99, { paused: true }),
    due('https://stopped.example/', NOW, { nextCheckAt: null, status: 'stopped' }),
  ];

  it('picks the most overdue, at most four, never paused, stopped or not yet due', () => {
    const picked = pickFeedsToCheck(feeds, NOW).map((f) => f.url);
    expect(picked).toHaveLength(MAX_CHECKS_AT_ONCE);
    expect(picked).toEqual([
      'https://f3.example/',
      'https://f5.example/',
      'https://f1.example/',
      'https://f4.example/',
    ]);
  });

  it('skips feeds already tried in this run, so a check that saved nothing cannot loop', () => {
    const tried = new Set(['https://f3.example/', 'https://f5.example/', 'https://f1.example/', 'https://f4.example/']);
    expect(pickFeedsToCheck(feeds, NOW, tried).map((f) => f.url)).toEqual(['https://f2.example/']);
  });

  it('picks again a feed whose check was cut short, since its stored state is still due', () => {
    const interrupted = due('https://cut.example/', NOW - HOUR);
    // The worker stopped before saving: what is stored is the state from before the check.
    expect(pickFeedsToCheck([interrupted], NOW + HOUR)).toEqual([interrupted]);
    const saved = nextFeedState(interrupted, ok(interrupted.url), NOW, schedule);
    expect(pickFeedsToCheck([saved], NOW)).toEqual([]);
  });

  it('tells when the next feed falls due, ignoring paused and stopped ones', () => {
    expect(nextDueAt(feeds)).toBe(NOW - 9);
    expect(nextDueAt(feeds.slice(6))).toBeNull();
  });
});
