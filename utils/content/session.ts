/**
 * What the content script does on a page, cheapest checks first:
 *
 *   content state (start.ts reads it) ─ nothing tracked or site disabled? stop.
 *     └ detectArticle ─ not an article and highlights only on articles? stop (no observer, no DOM walk).
 *         │  (a same-origin frame asks about the page around it, and follows that site's settings)
 *         ├ compile the tracked list, in time slices, once per list
 *         ├ highlight: scan the page in time slices → paint → panel → content:pageStatus
 *         │    └ watch late content (MutationObserver → batched rescans), shadow roots attached later
 *         └ record (articles, top frame): extractStory → classifyBusiness → matcher → content:reportStory
 *   (nothing tracked yet, on an article: extractStory once the page is idle, kept for the popup's suggestions)
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
import { createSlicer } from '../highlight/slicer';
import { compileMatcherSliced, type Matcher } from '../match/matcher';
import type { SuggestInput } from '../suggest/suggest';
import { waitForQuiet } from './changes';
import type { ContentEnvironment } from './environment';
import { createHighlighting } from './highlighting';
import { createKeptArticle, type KeptArticle } from './kept-article';
import { createPagePanel, panelRows } from './page-panel';
import { decidePageWork, NO_WORK, type PageInView, type PageWork } from './page-work';
import { createRecording } from './recording';

export interface ContentSession {
  /** The background wrote a new content state (the tracked list, the settings or both changed). */
  onStateChanged(state: ContentState): Promise<void>;
  /** The address changed without a page load. */
  onLocationChanged(): Promise<void>;
  /** What the popup's suggestions read here: the article kept, the page read now, or null on a page that is not an article. */
  readForSuggestions(): SuggestInput | null;
  /** Resolves when the page has been decided and its scans, if any, have finished. */
  idle(): Promise<void>;
}

/** The page's address and, for a frame, the page around it. */
function locate(env: ContentEnvironment): PageInView {
  return { url: env.url(), top: env.isTopFrame ? null : (env.topPage?.() ?? null) };
}

/** Whether the page (for a frame, the page around it) is an article; the verdict is kept for the suggestions. */
function isArticle(env: ContentEnvironment, page: PageInView, kept: KeptArticle): boolean {
  const { document, url } = page.top ?? { document: env.document, url: page.url };
  const article = detectArticle(document, url).isArticle;
  kept.judged(page.url, article);
  return article;
}

export function startContentSession(
  env: ContentEnvironment,
  initial: ContentState | Promise<ContentState>,
): ContentSession {
  let state = EMPTY_CONTENT_STATE;
  let work: PageWork = NO_WORK;
  /** The tracked list compiled in slices (thousands of names take a while), once per list, when a page needs it. */
  let matcher: Promise<Matcher> | null = null;
  let navigations = 0;
  const matcherReady = () => {
    matcher ??= compileMatcherSliced(state.entities, createSlicer());
    return matcher;
  };
  const kept = createKeptArticle(env);
  const recording = createRecording(env, kept.keep);
  const highlighting = createHighlighting(env, () => {
    refreshPanel();
    recording.reportStatus(work.record, counts());
  });
  const panel = createPagePanel(env.document, highlighting);
  const counts = () => highlighting.current?.counts() ?? new Map<string, number>();
  const refreshPanel = () => {
    const wanted = env.isTopFrame && state.settings.showPanel && work.highlight;
    panel.show(wanted ? panelRows(state.entities, counts()) : []);
  };
  const stopHighlighting = () => {
    highlighting.stop();
    panel.remove();
  };

  /** Re-decides what to do on this page; `fresh` discards what was found (a new list or address). */
  const decide = async (fresh: boolean) => {
    const page = locate(env);
    const wasHighlighting = work.highlight;
    if (fresh) stopHighlighting();
    work = decidePageWork(state, page, env.isTopFrame, () => isArticle(env, page, kept));
    if (!work.highlight) stopHighlighting();
    else if (fresh || !wasHighlighting) await highlighting.start(matcherReady(), state.entities);
    else refreshPanel();
    if (work.readWhenIdle) kept.readWhenIdle(page.url);
    if (work.record) await recording.record(page.url, state.settings, matcherReady);
  };

  const started = Promise.resolve(initial).then((read) => {
    state = read;
    return decide(true);
  });
  env.signal.addEventListener('abort', stopHighlighting, { once: true });

  return {
    async onStateChanged(next) {
      await started;
      // Compared to learn what changed: a new list needs a new matcher and a fresh scan, new
      // settings only a new decision.
      const listChanged = JSON.stringify(next.entities) !== JSON.stringify(state.entities);
      state = next;
      if (listChanged) {
        matcher = null;
        recording.startOver(false);
      }
      await decide(listChanged);
    },
    async onLocationChanged() {
      await started;
      // The app renders the new page after changing the address: decide once it has settled.
      const navigation = ++navigations;
      const doc = env.document;
      await waitForQuiet(doc.body ?? doc.documentElement, env.quietMs ?? 300, 3000, env.signal);
      // A later navigation while this one settled does the work instead.
      if (env.signal.aborted || navigation !== navigations) return;
      panel.reopen();
      recording.startOver(true);
      await decide(true);
    },
    readForSuggestions: () => kept.reading(),
    async idle() {
      await started;
      await highlighting.idle();
    },
  };
}
