/**
 * What the content script does on a page, cheapest checks first:
 *
 *   content state (start.ts reads it) ─ nothing tracked or site disabled? stop.
 *     └ detectArticle ─ not an article and highlights only on articles? stop (no observer, no DOM walk).
 *         │  (a same-origin frame asks about the page around it, and follows that site's settings)
 *         ├ compile the tracked list, in time slices, once per list
 *         ├ highlight: scan the page in time slices → paint → panel → content:pageStatus
 *         │    └ watch late content (MutationObserver → batched rescans), shadow roots attached later
 *         └ record (articles, top frame): extractStorySliced → classifyBusiness → matcher → content:reportStory
 *   (nothing tracked yet, on an article: extractStorySliced once the page is idle, kept for the popup's suggestions)
 *
 * "An article" is what the person says first: the popup's "Record this page" and "Not a news
 * story" reach the session as a verdict on the page's address (tab-messages.ts), and "Treat
 * pages on this site as news" arrives with the settings (page-work.ts takenForArticle). A report
 * the background refuses (an address marked not a news story) is taken as the same verdict.
 *
 * The parts keep their own state: page-work.ts decides what the page needs, highlighting.ts
 * finds and paints mentions, page-panel.ts is the panel, recording.ts reports the story and the
 * page status, kept-article.ts keeps what the popup's suggestions read. This module holds the
 * content state and puts them in order. A new tracked list recompiles the matcher and starts
 * over; new settings re-decide, and switching highlights off clears every highlight at once. A
 * single-page-app navigation starts afresh once the new page has settled. Everything stops when
 * the signal (WXT's ctx) aborts.
 */
import { detectArticle } from '../article/detect';
import { type ContentState, EMPTY_CONTENT_STATE } from '../content-state';
import { createSlicer, yieldToPage } from '../highlight/slicer';
import { compileMatcherSliced, type Matcher } from '../match/matcher';
import type { PageReading } from '../stories';
import type { SuggestInput } from '../suggest/suggest';
import { waitForQuiet } from './changes';
import { type ContentEnvironment, hostnameOf } from './environment';
import { createHighlighting, type Highlighting } from './highlighting';
import { createKeptArticle, type KeptArticle } from './kept-article';
import { createPagePanel, type PagePanel, panelSections } from './page-panel';
import { decidePageWork, isSiteDisabled, NO_WORK, type PageInView, type PageWork, takenForArticle } from './page-work';
import { createRecording, pageReading, type Recording, type RecordOutcome } from './recording';

export interface ContentSession {
  /** The background wrote a new content state (the tracked list, the settings or both changed). */
  onStateChanged(state: ContentState): Promise<void>;
  /** The address changed without a page load. */
  onLocationChanged(): Promise<void>;
  /** What the popup's suggestions read here: the article kept, the page read now, or null on a page that is not an article. */
  readForSuggestions(): SuggestInput | null;
  /** What the page's text names, as recording it would store it; null where the site is switched off. */
  readPage(): Promise<PageReading | null>;
  /**
   * The person's word on the page at `url` (a news story or not); false for `applied` when the
   * page has moved on. Calling it a news story records it, whatever the business setting.
   */
  setVerdict(url: string, isNews: boolean): Promise<{ applied: boolean; recorded: boolean }>;
  /** Resolves when the page has been decided and its scans, if any, have finished. */
  idle(): Promise<void>;
}

/** The page's address and, for a frame, the page around it. */
function locate(env: ContentEnvironment): PageInView {
  return { url: env.url(), top: env.isTopFrame ? null : (env.topPage?.() ?? null) };
}

/** The session's parts, each keeping its own state. */
interface Parts {
  env: ContentEnvironment;
  kept: KeptArticle;
  recording: Recording;
  highlighting: Highlighting;
  panel: PagePanel;
}

/** What the session knows now. */
interface Now {
  state: ContentState;
  work: PageWork;
  /** Whether the page was last taken for an article (false where nothing asked). */
  takenAsArticle: boolean;
  /** The person's word on one address: a news story or not. */
  verdict: { url: string; isNews: boolean } | null;
  /** The tracked list compiled in slices (thousands of names take a while), once per list, when a page needs it. */
  matcher: Promise<Matcher> | null;
}

function matcherOf(now: Now): () => Promise<Matcher> {
  return () => {
    now.matcher ??= compileMatcherSliced(now.state.entities, createSlicer());
    return now.matcher;
  };
}

/**
 * Whether the page (for a frame, the page around it) is taken for an article: the person's word
 * on the top page's address, the site's setting, then its look. The answer is kept for the
 * suggestions.
 */
function judge({ env, kept }: Parts, now: Now, page: PageInView): boolean {
  const { document, url } = page.top ?? { document: env.document, url: page.url };
  const said = page.top === null && page.url === now.verdict?.url ? now.verdict.isNews : null;
  const detect = () => detectArticle(document, url).isArticle;
  now.takenAsArticle = takenForArticle(now.state.settings, hostnameOf(url), said, detect);
  kept.judged(page.url, now.takenAsArticle);
  return now.takenAsArticle;
}

/** The status and the panel, once an article's own counts are known (they come with its reading). */
function showFindings({ env, recording, highlighting, panel }: Parts, now: Now): void {
  const { work, state } = now;
  const reading = work.record ? recording.readingAt(env.url()) : null;
  if (work.record && !reading) return;
  const highlighted = highlighting.current?.counts() ?? null;
  recording.reportStatus(work.record, highlighted);
  const wanted = env.isTopFrame && state.settings.showPanel && work.highlight && highlighted !== null;
  panel.show(wanted ? panelSections(state.entities, highlighted, reading?.mentions ?? null) : []);
}

function stopHighlighting({ highlighting, panel }: Parts): void {
  highlighting.stop();
  panel.remove();
}

/**
 * Re-decides what to do on this page; `fresh` discards what was found (a new list or address),
 * `byHand` records the page as the person asked. Returns how recording ended, if it ran.
 */
async function decide(parts: Parts, now: Now, fresh: boolean, byHand = false): Promise<RecordOutcome | null> {
  const { env, kept, recording, highlighting } = parts;
  const page = locate(env);
  const wasHighlighting = now.work.highlight;
  if (fresh) stopHighlighting(parts);
  now.takenAsArticle = false;
  now.work = decidePageWork(now.state, page, env.isTopFrame, () => judge(parts, now, page));
  // Looking at a huge page takes a task's worth of time: the work it asks for starts in the next.
  if (now.work.highlight || now.work.record) await yieldToPage();
  if (!now.work.highlight) stopHighlighting(parts);
  else if (fresh || !wasHighlighting) await highlighting.start(matcherOf(now)(), now.state.entities);
  if (now.work.readWhenIdle) kept.readWhenIdle(page.url);
  if (now.work.record) {
    // The panel and the status show the article's counts once it is read, not once the background answers.
    await recording.read(page.url, matcherOf(now));
    showFindings(parts, now);
  }
  const outcome = now.work.record ? await recording.record(page.url, now.state.settings, matcherOf(now), byHand) : null;
  if (outcome !== 'refused') {
    showFindings(parts, now);
    return outcome;
  }
  // The background keeps this address out of the stories: the person said it is no news story.
  now.verdict = { url: page.url, isNews: false };
  await decide(parts, now, false);
  return outcome;
}

export function startContentSession(
  env: ContentEnvironment,
  initial: ContentState | Promise<ContentState>,
): ContentSession {
  const now: Now = { state: EMPTY_CONTENT_STATE, work: NO_WORK, takenAsArticle: false, verdict: null, matcher: null };
  const kept = createKeptArticle(env);
  const highlighting = createHighlighting(env, () => showFindings(parts, now));
  const parts: Parts = {
    env,
    kept,
    recording: createRecording(env, kept.keep),
    highlighting,
    panel: createPagePanel(env.document, highlighting),
  };
  let navigations = 0;

  const started = Promise.resolve(initial).then((read) => {
    now.state = read;
    return decide(parts, now, true);
  });
  env.signal.addEventListener('abort', () => stopHighlighting(parts), { once: true });

  return {
    async onStateChanged(next) {
      await started;
      // Compared to learn what changed: a new list needs a new matcher and a fresh scan, new
      // settings only a new decision.
      const listChanged = JSON.stringify(next.entities) !== JSON.stringify(now.state.entities);
      now.state = next;
      if (listChanged) {
        now.matcher = null;
        parts.recording.startOver();
      }
      await decide(parts, now, listChanged);
    },
    async onLocationChanged() {
      await started;
      // The app renders the new page after changing the address: decide once it has settled.
      const navigation = ++navigations;
      const doc = env.document;
      await waitForQuiet(doc.body ?? doc.documentElement, env.quietMs ?? 300, 3000, env.signal);
      // A later navigation while this one settled does the work instead.
      if (env.signal.aborted || navigation !== navigations) return;
      parts.panel.reopen();
      parts.recording.startOver();
      await decide(parts, now, true);
    },
    readForSuggestions: () => kept.reading(),
    async readPage() {
      await started;
      const url = env.url();
      if (isSiteDisabled(now.state.settings, hostnameOf(url))) return null;
      return pageReading(url, now.takenAsArticle, await parts.recording.read(url, matcherOf(now)));
    },
    async setVerdict(url, isNews) {
      await started;
      if (env.url() !== url) return { applied: false, recorded: false };
      now.verdict = { url, isNews };
      const outcome = await decide(parts, now, false, isNews);
      return { applied: true, recorded: outcome === 'saved' };
    },
    async idle() {
      await started;
      await highlighting.idle();
    },
  };
}
