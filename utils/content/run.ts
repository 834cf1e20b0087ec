/**
 * What the content script does on a page, cheapest checks first:
 *
 *   tracked list + settings (start.ts reads them from storage) ─ nothing tracked or site disabled? stop.
 *     └ detectArticle ─ not an article and highlights only on articles? stop (no observer, no DOM walk).
 *         │  (a same-origin frame asks about the page around it, and follows that site's settings)
 *         ├ compile the tracked list, in time slices, once per list
 *         ├ highlight: scan the page in time slices → paint (CSS highlights) → panel → content:pageStatus
 *         │    └ watch late content (MutationObserver → batched rescans), shadow roots attached later
 *         └ record (articles, top frame): extractStory → classifyBusiness → matcher → content:reportStory
 *   (nothing tracked yet, on an article: extractStory once the page is idle, kept for the popup's suggestions)
 *
 * Tracked-list changes recompile the matcher and start over; settings changes re-decide, and
 * switching highlights off clears every highlight at once. A single-page-app navigation starts
 * a fresh run once the new page has settled. Everything stops when the signal (WXT's ctx) aborts.
 */
import { classifyBusiness } from '../article/classify';
import { detectArticle } from '../article/detect';
import { extractStory } from '../article/extract';
import type { ContentState } from '../content-state';
import type { TrackedEntity } from '../entities';
import { createPageHighlights, type PageHighlights } from '../highlight/page-highlights';
import { createSlicer } from '../highlight/slicer';
import { compileMatcherSliced, type Matcher } from '../match/matcher';
import { createNavigator, scrollToMention } from '../panel/navigation';
import { createPanel, type Panel, type PanelRow } from '../panel/panel';
import type { Settings } from '../settings';
import type { PageStatus, StoryReport } from '../stories';
import { type ChangeWatcher, waitForQuiet, watchChanges } from './changes';
import { keepArticleVerdict, keepStoryForSuggestions, keptStory } from './kept-story';
import { buildStoryReport } from './report';
import { decidePageWork, isSiteDisabled, NO_WORK, type PageWork, shouldRecord } from './scope';

/** The page a frame sits in, when the frame may read it (same origin). */
export interface TopPage {
  document: Document;
  url: string;
}

export interface ContentEnvironment {
  document: Document;
  /** The page's current address (it changes without a reload in single-page apps). */
  url(): string;
  isTopFrame: boolean;
  /**
   * For a frame: the top page, or null when it is another origin's. A same-origin frame
   * (including about:blank and srcdoc frames) is highlighted when its page is an article, and
   * follows that page's site settings.
   */
  topPage?: () => TopPage | null;
  signal: AbortSignal;
  /** Sends the story to the background; expected to handle its own failures. */
  report(story: StoryReport): Promise<void>;
  /**
   * Tells the background what the page holds (for the toolbar badge and the popup's "This
   * page"), after each scan of the top frame; expected to handle its own failures.
   */
  reportStatus?(status: PageStatus): Promise<void>;
  /** Open shadow roots for the panel in tests; closed on real pages. */
  panelMode?: ShadowRootMode;
  /** How often to look for shadow roots attached after the scan. */
  hostCheckMs?: number;
  /** After a single-page-app navigation, how long the page must stay unchanged before a fresh scan. */
  quietMs?: number;
}

export interface ContentSession {
  /** The background wrote a new content state (the tracked list, the settings or both changed). */
  onStateChanged(state: ContentState): Promise<void>;
  /** The address changed without a page load. */
  onLocationChanged(): Promise<void>;
  /** Current highlights (for tests and the benchmark). */
  readonly highlights: PageHighlights | null;
  /** The on-page panel's host element, if shown (for tests: its shadow root is closed on real pages). */
  readonly panelHost: HTMLElement | null;
  /** Resolves when the current scan, if any, has finished. */
  idle(): Promise<void>;
}

/** Runs `task` when the page is idle (within two seconds), where the browser can say so. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 50);
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Starts the work on a page. */
export function startContentSession(
  env: ContentEnvironment,
  initial: ContentState | Promise<ContentState>,
): ContentSession {
  const doc = env.document;
  let entities: TrackedEntity[] = [];
  let settings!: Settings;
  let matcher: Promise<Matcher> | null = null;
  let work: PageWork = NO_WORK;
  let highlights: PageHighlights | null = null;
  let watcher: ChangeWatcher | null = null;
  let panel: Panel | null = null;
  let panelClosed = false;
  /** Aborts the current highlighting run; null while nothing is highlighted or being prepared. */
  let run: AbortController | null = null;
  let scanning: Promise<void> = Promise.resolve();
  let lastReport = '';
  let lastStatus = '';
  /** Whether the story on the page is business news, once the record step has classified it. */
  let isBusiness = false;
  let navigations = 0;
  const possibleHosts = new Set<Element>();
  const navigator = createNavigator();

  /** The compiled tracked list, compiled in slices (thousands of names take a while) once per list. */
  const matcherReady = () => {
    matcher ??= compileMatcherSliced(entities, createSlicer());
    return matcher;
  };
  /** Every panel host this session made, so changes to them are never taken for the page's. */
  const ownHosts = new WeakSet<Node>();
  const isOwnNode = (node: Node) => ownHosts.has(node);
  const walkOptions = {
    isOwnElement: isOwnNode,
    onShadowRoot: (root: ShadowRoot) => watcher?.observe(root),
    onPossibleHost: (element: Element) => possibleHosts.add(element),
    onOwnChanges: () => watcher?.discardOwnChanges(),
  };

  const stopHighlighting = () => {
    // Most pages never highlight: nothing to undo (the common path stays short).
    if (!run) return;
    run.abort();
    run = null;
    watcher?.stop();
    watcher = null;
    highlights?.clear();
    highlights = null;
    panel?.remove();
    panel = null;
    possibleHosts.clear();
    navigator.reset();
  };

  const panelRows = (): PanelRow[] => {
    const counts = highlights?.counts() ?? new Map<string, number>();
    return entities
      .filter((e) => (counts.get(e.id) ?? 0) > 0)
      .map((e) => ({ entityId: e.id, name: e.name, color: e.color, count: counts.get(e.id) ?? 0 }));
  };
  const refreshPanel = () => {
    const rows = panelRows();
    const wanted = env.isTopFrame && settings.showPanel && !panelClosed && work.highlight && rows.length > 0;
    if (!wanted) {
      panel?.remove();
      panel = null;
      return;
    }
    panel ??= createPanel(
      doc,
      {
        step(entityId, direction) {
          const step = highlights && navigator.step(highlights.mentions, entityId, direction);
          if (!step || !highlights) return;
          highlights.focus(step.mention);
          scrollToMention(step.mention);
          panel?.showPosition(`${step.position} of ${step.total}`);
        },
        close() {
          panelClosed = true;
          highlights?.focus(null);
          refreshPanel();
        },
      },
      env.panelMode,
    );
    ownHosts.add(panel.host);
    panel.update(rows);
  };

  const rescan = (roots: Node[]) => {
    const current = highlights;
    if (!current || !run) return;
    const signal = run.signal;
    scanning = scanning.then(async () => {
      if (signal.aborted) return;
      await current.scan(roots, createSlicer(), signal);
      if (signal.aborted) return;
      refreshPanel();
      reportStatus();
    });
  };

  const checkNewShadowRoots = () => {
    const found: ShadowRoot[] = [];
    for (const element of possibleHosts) {
      if (element.shadowRoot) found.push(element.shadowRoot);
      if (element.shadowRoot || !element.isConnected) possibleHosts.delete(element);
    }
    for (const root of found) watcher?.observe(root);
    if (found.length > 0) rescan(found);
  };

  const startHighlighting = async () => {
    run = new AbortController();
    const signal = run.signal;
    const compiled = await matcherReady();
    if (signal.aborted) return;
    highlights = createPageHighlights(doc, compiled, entities, { ...walkOptions, paint: true });
    watcher = watchChanges({
      isOwnNode,
      onChanged: (containers) => {
        rescan(containers);
        checkNewShadowRoots();
      },
    });
    watcher.observe(doc);
    rescan([doc.body ?? doc.documentElement]);
    const timer = setInterval(() => {
      if (signal.aborted) clearInterval(timer);
      else checkNewShadowRoots();
    }, env.hostCheckMs ?? 2000);
  };

  const reportStatus = () => {
    const url = env.url();
    if (!env.isTopFrame || !env.reportStatus || !/^https?:/u.test(url)) return;
    const counts = highlights?.counts() ?? new Map<string, number>();
    const status: PageStatus = {
      url,
      isArticle: work.record,
      isBusiness,
      mentions: [...counts].map(([entityId, count]) => ({ entityId, count })),
    };
    const key = JSON.stringify(status);
    if (key === lastStatus) return;
    lastStatus = key;
    void env.reportStatus(status);
  };

  const record = async (url: string) => {
    const story = extractStory(doc, url);
    keepStoryForSuggestions(story, url);
    const business = classifyBusiness(story);
    isBusiness = business.isBusiness;
    if (!shouldRecord(settings, business.isBusiness)) return;
    const report = buildStoryReport(story, business, url, await matcherReady());
    if (!report) return;
    // Re-sending an identical report (e.g. after a settings change) would only touch lastSeen.
    const key = JSON.stringify([report.url, report.mentions]);
    if (key === lastReport) return;
    lastReport = key;
    await env.report(report);
  };

  /** Reads the article for the suggestions when the page has nothing else to do, unless the page has moved on by then. */
  const keepWhenIdle = (url: string) => {
    whenIdle(() => {
      if (env.signal.aborted || env.url() !== url || keptStory(url)) return;
      keepStoryForSuggestions(extractStory(doc, url), url);
    });
  };

  /** The page's address and, for a frame, the page around it: its site settings and article verdict hold. */
  const locate = () => ({ url: env.url(), top: env.isTopFrame ? null : (env.topPage?.() ?? null) });
  /** Whether the page (for a frame, the page around it) is an article; the top frame keeps the verdict for suggestions. */
  const judge = (url: string, top: TopPage | null) => {
    const isArticle = top ? detectArticle(top.document, top.url).isArticle : detectArticle(doc, url).isArticle;
    if (env.isTopFrame) keepArticleVerdict(url, isArticle);
    return isArticle;
  };

  /** Re-decides what to do on this page; `fresh` discards what was found (new list or address). */
  const decide = async (fresh: boolean) => {
    const { url, top } = locate();
    const host = hostnameOf(top?.url ?? url);
    const wasHighlighting = work.highlight;
    if (fresh) stopHighlighting();
    // Compiling the matcher waits until a page needs it: most pages are not articles.
    const nothingTracked = !entities.some((e) => e.enabled && e.aliases.length > 0);
    const siteOff = isSiteDisabled(settings, host);
    if (
      nothingTracked ||
      siteOff ||
      // A frame is also left alone on a disabled site of its own (a top page's host is parsed once).
      (top !== null && isSiteDisabled(settings, hostnameOf(url)))
    ) {
      work = NO_WORK;
      stopHighlighting();
      // Nothing tracked yet: an article is still read once the page is idle, so the popup can
      // suggest companies from it without reading the page while the person waits.
      if (nothingTracked && !siteOff && env.isTopFrame && judge(url, top)) keepWhenIdle(url);
      return;
    }
    const isArticle = judge(url, top);
    work = decidePageWork(settings, host, isArticle, env.isTopFrame);
    if (!work.highlight) stopHighlighting();
    else if (fresh || !wasHighlighting) await startHighlighting();
    else refreshPanel();
    if (work.record) await record(url);
  };

  const started = Promise.resolve(initial).then((state) => {
    entities = state.entities;
    settings = state.settings;
    return decide(true);
  });
  env.signal.addEventListener('abort', stopHighlighting, { once: true });

  return {
    get highlights() {
      return highlights;
    },
    get panelHost() {
      return panel?.host ?? null;
    },
    async onStateChanged(state) {
      await started;
      // Compared to learn what changed: a new list means a new matcher and a fresh scan, while
      // new settings only re-decide what this page gets.
      const listChanged = JSON.stringify(state.entities) !== JSON.stringify(entities);
      entities = state.entities;
      settings = state.settings;
      if (listChanged) {
        matcher = null;
        lastReport = '';
      }
      await decide(listChanged);
    },
    async onLocationChanged() {
      await started;
      // The app renders the new page after changing the address: scan once it has settled.
      const navigation = ++navigations;
      await waitForQuiet(doc.body ?? doc.documentElement, env.quietMs ?? 300, 3000, env.signal);
      // A later navigation while this one settled does the work instead.
      if (env.signal.aborted || navigation !== navigations) return;
      panelClosed = false;
      lastReport = '';
      isBusiness = false;
      await decide(true);
    },
    async idle() {
      await started;
      let seen: Promise<void> | null = null;
      while (seen !== scanning) {
        seen = scanning;
        await seen;
      }
    },
  };
}
