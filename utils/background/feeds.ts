/**
 * Watching feeds in the background: one alarm, and the check it starts.
 *
 *   alarm ─▶ run: compile the tracked list once, then 4 checks at a time, each one
 *            pick the most overdue feed ─▶ checkFeed ─▶ match its items ─▶ save (feed-stories.ts)
 *            until none is due; then the alarm for the next feed due, the badge, the notices.
 *
 * Runs are queued, one at a time. As a run starts, the alarm is set a minute ahead: a worker the
 * browser stops mid-run resumes then, with every feed not yet saved still due. Nothing watched,
 * no alarm: the extension then makes no request at all.
 */
import { browser } from 'wxt/browser';
import { listEntities } from '../db/entities';
import { saveFeedCheck } from '../db/feed-stories';
import { listFeeds, loadFeedOptions } from '../db/feeds';
import type { NewsDb } from '../db/schema';
import { loadSettings } from '../db/settings';
import type { TrackedEntity } from '../entities';
import { type CheckResult, checkFeed } from '../feeds/check';
import { matchFeedStories } from '../feeds/matching';
import { MAX_CHECKS_AT_ONCE, nextDueAt, pickFeedsToCheck } from '../feeds/schedule';
import { storiesFromFeed } from '../feeds/stories';
import type { CheckSummary, FeedOptions, WatchedFeed } from '../feeds/watched';
import { createSlicer, type Slicer } from '../highlight/slicer';
import { compileMatcherSliced, type Matcher } from '../match/matcher';
import type { Settings } from '../settings';
import type { StoryRecord } from '../stories';
import { showUnreadFeedCount } from './feed-badge';
import { feedNotices, notifyFeedStories } from './feed-notify';

export const FEED_ALARM = 'news-tracker:feeds';
/** Where a run that was stopped picks up again. */
const RESUME_AFTER_MS = 60_000;
/** Chrome fires no alarm sooner than this. */
const MIN_ALARM_DELAY_MS = 30_000;

export interface FeedWatcherDeps {
  fetch: typeof fetch;
  now(): number;
}

export interface FeedWatcher {
  /** Checks every feed that is due, saving each as it is read; runs wait for the one before. */
  check(): Promise<CheckSummary>;
  /** Saves a check made elsewhere (the first one, made while looking for the feed), as a run would. */
  adopt(feed: WatchedFeed, result: CheckResult): Promise<CheckSummary>;
  /** Sets the alarm for the next feed due, or clears it when none will be. */
  schedule(): Promise<void>;
  /** Where it fetches from and what time it is. */
  readonly deps: FeedWatcherDeps;
}

interface Run {
  db: NewsDb;
  deps: FeedWatcherDeps;
  matcher: Matcher;
  settings: Settings;
  intervalMs: number;
  slicer: Slicer;
}

async function checkOne(run: Run, feed: WatchedFeed): Promise<StoryRecord[]> {
  const now = run.deps.now();
  return saveChecked(run, feed, await checkFeed(feed, { fetch: run.deps.fetch, now, intervalMs: run.intervalMs }), now);
}

/** Matches the items of a check and saves them with the feed's new state. */
async function saveChecked(run: Run, feed: WatchedFeed, result: CheckResult, now: number): Promise<StoryRecord[]> {
  const items = result.feed ? storiesFromFeed(result.feed, now).stories : [];
  const matches = (await matchFeedStories(items, run.matcher, now, run.slicer)).filter(
    (m) => !run.settings.recordOnlyBusiness || m.report.isBusiness,
  );
  return saveFeedCheck(run.db, { ...feed, ...result.state }, matches, now);
}

/** Checks due feeds, MAX_CHECKS_AT_ONCE at a time, until none is due that was not tried. */
async function checkDueFeeds(run: Run): Promise<{ checked: number; found: StoryRecord[] }> {
  const tried = new Set<string>();
  const found: StoryRecord[] = [];
  const lane = async (): Promise<void> => {
    for (;;) {
      const [feed] = pickFeedsToCheck(await listFeeds(run.db), run.deps.now(), tried, 1);
      if (!feed) return;
      tried.add(feed.url);
      try {
        found.push(...(await checkOne(run, feed)));
      } catch (error) {
        // A bug or a full disk: the feed stays due and is tried again at the next run.
        console.warn(`News Tracker: could not check ${feed.url}`, error);
      }
    }
  };
  await Promise.all(Array.from({ length: MAX_CHECKS_AT_ONCE }, lane));
  return { checked: tried.size, found };
}

async function setAlarm(when: number | null, now: number): Promise<void> {
  if (when === null) await browser.alarms.clear(FEED_ALARM);
  else await browser.alarms.create(FEED_ALARM, { when: Math.max(when, now + MIN_ALARM_DELAY_MS) });
}

export function createFeedWatcher(
  getDb: () => Promise<NewsDb>,
  deps: FeedWatcherDeps = { fetch: (input, init) => fetch(input, init), now: Date.now },
): FeedWatcher {
  let queue: Promise<unknown> = Promise.resolve();

  async function schedule(): Promise<void> {
    const db = await getDb();
    await setAlarm(nextDueAt(await listFeeds(db)), deps.now());
  }

  async function startRun(db: NewsDb): Promise<Run & { entities: TrackedEntity[]; options: FeedOptions }> {
    const [entities, settings, options] = await Promise.all([listEntities(db), loadSettings(db), loadFeedOptions(db)]);
    const slicer = createSlicer();
    const enabled = entities.filter((e) => e.enabled);
    const matcher = await compileMatcherSliced(enabled, slicer);
    return { db, deps, matcher, settings, slicer, entities, options, intervalMs: options.intervalMinutes * 60_000 };
  }

  /** After a run: the next alarm, the badge, the notices. */
  async function finishRun(run: Awaited<ReturnType<typeof startRun>>, found: StoryRecord[]): Promise<void> {
    await schedule();
    await showUnreadFeedCount(run.db);
    await notifyFeedStories(feedNotices(found, run.entities, run.options, deps.now()));
  }

  async function runOnce(): Promise<CheckSummary> {
    const db = await getDb();
    if (nextDueAt(await listFeeds(db)) === null) return { checked: 0, newStories: 0 };
    await setAlarm(deps.now() + RESUME_AFTER_MS, deps.now());
    const run = await startRun(db);
    const { checked, found } = await checkDueFeeds(run);
    await finishRun(run, found);
    return { checked, newStories: found.length };
  }

  async function adoptOnce(feed: WatchedFeed, result: CheckResult): Promise<CheckSummary> {
    const run = await startRun(await getDb());
    const found = await saveChecked(run, feed, result, deps.now());
    await finishRun(run, found);
    return { checked: 1, newStories: found.length };
  }

  /** Runs `work` after every run queued before it. */
  function queued<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    check: () => queued(runOnce),
    adopt: (feed, result) => queued(() => adoptOnce(feed, result)),
    schedule,
    deps,
  };
}
