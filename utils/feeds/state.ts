/**
 * What is stored per watched feed, and how one check changes it. Pure: given the state before,
 * what the server answered and the time, it returns the state after, with the next check time.
 *
 *   new ──ok──▶ working ◀──ok── failing (failures, failingSince; back-off doubles, ≤ 24 h)
 *                 │  ▲                ▲
 *             304 ▼  │ ok             │ any error: network, timeout, HTTP, too large, not a feed
 *           not-modified ─────────────┘
 *   any ──410──▶ stopped (never checked again until the user resumes it)
 *   working/not-modified ──same redirect target on 3 checks in a row──▶ moved (address updated)
 *
 * A browser's fetch hides redirect statuses, so a 301 cannot be told from a 302: a redirect is
 * taken as permanent once three checks in a row end at the same address. Until then the
 * stored address is kept (a temporary redirect costs nothing).
 *
 * The next check is the user's interval, or later when the server asks (`Cache-Control:
 * max-age`, the feed's `<ttl>`: at most 24 h; `Retry-After`: at most 7 days), or the back-off.
 */
import type { FeedError } from './errors';
import type { FetchOutcome, Validators } from './fetch';

export type FeedStatus = 'new' | 'working' | 'not-modified' | 'moved' | 'failing' | 'stopped';

export interface FeedState extends Validators {
  /** The address checked: the one the user gave, or where it permanently moved. */
  url: string;
  status: FeedStatus;
  /** The user paused it: kept, never checked. */
  paused: boolean;
  title: string | null;
  siteUrl: string | null;
  /** The feed's own `<ttl>` in minutes, from its last full read (a 304 carries no body). */
  ttlMinutes: number | null;
  lastCheckedAt: number | null;
  lastSuccessAt: number | null;
  /** When to check next (ms since 1970); null when stopped. */
  nextCheckAt: number | null;
  /** Failed checks in a row. */
  failures: number;
  failingSince: number | null;
  /** Why the last check failed, or why the feed stopped, in words; null when working. */
  problem: string | null;
  /** The address before the last permanent move, shown as "moved from". */
  movedFrom: string | null;
  /** A redirect seen on the last checks: where to, and how many checks in a row. */
  redirect: { to: string; seen: number } | null;
}

export interface Schedule {
  /** The user's interval between checks. */
  intervalMs: number;
}

export const DEFAULT_INTERVAL_MS = 30 * 60_000;
const MAX_HINT_MS = 24 * 3600_000;
const MAX_RETRY_AFTER_MS = 7 * 24 * 3600_000;
const MAX_BACKOFF_MS = 24 * 3600_000;
export const REDIRECTS_TO_MOVE = 3;

export function newFeedState(url: string, now: number): FeedState {
  return {
    url,
    status: 'new',
    paused: false,
    title: null,
    siteUrl: null,
    ttlMinutes: null,
    etag: null,
    lastModified: null,
    lastCheckedAt: null,
    lastSuccessAt: null,
    nextCheckAt: now,
    failures: 0,
    failingSince: null,
    problem: null,
    movedFrom: null,
    redirect: null,
  };
}

/** What a check learnt, reduced to what the state needs. */
export type CheckFacts =
  | {
      kind: 'ok' | 'not-modified';
      finalUrl: string;
      validators: Validators;
      hintMs: number | null;
      title?: string;
      siteUrl?: string | null;
      ttlMinutes?: number | null;
    }
  | { kind: 'gone' }
  | { kind: 'failed'; error: FeedError; retryAfterMs: number | null };

function backoffMs(failures: number, intervalMs: number): number {
  return Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.max(0, failures - 1));
}

function afterSuccess(
  state: FeedState,
  facts: Extract<CheckFacts, { finalUrl: string }>,
  now: number,
  schedule: Schedule,
): FeedState {
  const redirected = facts.finalUrl !== state.url;
  const seen = redirected ? (state.redirect?.to === facts.finalUrl ? state.redirect.seen + 1 : 1) : 0;
  const moves = seen >= REDIRECTS_TO_MOVE;
  const hint = Math.min(MAX_HINT_MS, facts.hintMs ?? 0);
  return {
    ...state,
    url: moves ? facts.finalUrl : state.url,
    movedFrom: moves ? state.url : state.movedFrom,
    redirect: redirected && !moves ? { to: facts.finalUrl, seen } : null,
    status: moves ? 'moved' : facts.kind === 'ok' ? 'working' : 'not-modified',
    title: facts.title || state.title,
    siteUrl: facts.siteUrl ?? state.siteUrl,
    ttlMinutes: facts.ttlMinutes === undefined ? state.ttlMinutes : facts.ttlMinutes,
    // A 304 may omit the validators; the ones that earned it still hold.
    etag: facts.validators.etag ?? (facts.kind === 'ok' ? null : state.etag),
    lastModified: facts.validators.lastModified ?? (facts.kind === 'ok' ? null : state.lastModified),
    lastCheckedAt: now,
    lastSuccessAt: now,
    nextCheckAt: now + Math.max(schedule.intervalMs, hint),
    failures: 0,
    failingSince: null,
    problem: null,
  };
}

export function nextFeedState(state: FeedState, facts: CheckFacts, now: number, schedule: Schedule): FeedState {
  if (facts.kind === 'gone') {
    return {
      ...state,
      status: 'stopped',
      lastCheckedAt: now,
      nextCheckAt: null,
      problem: 'The server says this feed is gone for good (410), so it is no longer checked.',
    };
  }
  if (facts.kind !== 'failed') return afterSuccess(state, facts, now, schedule);
  const failures = state.failures + 1;
  const retry = Math.min(MAX_RETRY_AFTER_MS, facts.retryAfterMs ?? 0);
  return {
    ...state,
    status: 'failing',
    lastCheckedAt: now,
    // Validators stay as they were: a failed read must not turn the next answer into a 304.
    nextCheckAt: now + Math.max(backoffMs(failures, schedule.intervalMs), retry),
    failures,
    failingSince: state.failingSince ?? now,
    problem: facts.error.message,
  };
}

/** The server's hints, combined: the longer of `max-age` and the feed's `<ttl>`. */
export function hintFrom(outcome: FetchOutcome, ttlMinutes: number | null): number | null {
  const maxAge = outcome.kind === 'ok' || outcome.kind === 'not-modified' ? outcome.maxAgeMs : null;
  const ttl = ttlMinutes === null ? null : ttlMinutes * 60_000;
  return maxAge === null && ttl === null ? null : Math.max(maxAge ?? 0, ttl ?? 0);
}
