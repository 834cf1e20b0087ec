/**
 * Highlighting on one page: a scan in time slices that paints every mention (CSS highlights),
 * then keeping up with the page: late content (a MutationObserver whose changes are rescanned
 * in batches, changes.ts) and shadow roots attached after the scan (looked for every couple of
 * seconds). One run at a time; `stop` undoes all of it at once.
 */
import type { TrackedEntity } from '../entities';
import { createPageHighlights, type PageHighlights } from '../highlight/page-highlights';
import { createSlicer } from '../highlight/slicer';
import type { Matcher } from '../match/matcher';
import { type ChangeWatcher, watchChanges } from './changes';
import type { ContentEnvironment } from './environment';

export interface Highlighting {
  /** What is highlighted now; null while nothing is (or a run is still preparing). */
  readonly current: PageHighlights | null;
  /** True from `start` until `stop`. */
  readonly running: boolean;
  /** Starts a run over the whole page once `matcher` is compiled. */
  start(matcher: Promise<Matcher>, entities: readonly TrackedEntity[]): Promise<void>;
  stop(): void;
  /** Changes inside `node` (the panel's host) are the extension's own, never the page's. */
  ignore(node: Node): void;
  /** Resolves when every scan started so far has finished. */
  idle(): Promise<void>;
}

/** Elements that may get a shadow root after the scan (custom elements without one yet). */
function createPossibleHosts() {
  const elements = new Set<Element>();
  return {
    add: (element: Element) => void elements.add(element),
    /** The shadow roots attached since the last look; their hosts, and hosts gone from the page, are forgotten. */
    attached(): ShadowRoot[] {
      const found: ShadowRoot[] = [];
      for (const element of elements) {
        if (element.shadowRoot) found.push(element.shadowRoot);
        if (element.shadowRoot || !element.isConnected) elements.delete(element);
      }
      return found;
    },
    clear: () => elements.clear(),
  };
}

/** `onScanned` is told after each scan. */
export function createHighlighting(
  env: Pick<ContentEnvironment, 'document' | 'hostCheckMs'>,
  onScanned: () => void,
): Highlighting {
  const doc = env.document;
  /** Aborts the current run; null while nothing is highlighted or being prepared. */
  let run: AbortController | null = null;
  let highlights: PageHighlights | null = null;
  let watcher: ChangeWatcher | null = null;
  let scanning: Promise<void> = Promise.resolve();
  const possibleHosts = createPossibleHosts();
  const ownNodes = new WeakSet<Node>();
  const isOwnNode = (node: Node) => ownNodes.has(node);
  const walkOptions = {
    isOwnElement: isOwnNode,
    onShadowRoot: (root: ShadowRoot) => watcher?.observe(root),
    onPossibleHost: (element: Element) => possibleHosts.add(element),
    onOwnChanges: () => watcher?.discardOwnChanges(),
  };

  const rescan = (roots: Node[]) => {
    const current = highlights;
    if (!current || !run) return;
    const signal = run.signal;
    scanning = scanning.then(async () => {
      if (signal.aborted) return;
      await current.scan(roots, createSlicer(), signal);
      if (!signal.aborted) onScanned();
    });
  };

  const checkNewShadowRoots = () => {
    const found = possibleHosts.attached();
    for (const root of found) watcher?.observe(root);
    if (found.length > 0) rescan(found);
  };

  return {
    get current() {
      return highlights;
    },
    get running() {
      return run !== null;
    },
    async start(matcher, entities) {
      run = new AbortController();
      const signal = run.signal;
      const compiled = await matcher;
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
    },
    stop() {
      // Most pages never highlight: nothing to undo (the common path stays short).
      if (!run) return;
      run.abort();
      run = null;
      watcher?.stop();
      watcher = null;
      highlights?.clear();
      highlights = null;
      possibleHosts.clear();
    },
    ignore: (node) => void ownNodes.add(node),
    async idle() {
      let seen: Promise<void> | null = null;
      while (seen !== scanning) {
        seen = scanning;
        await seen;
      }
    },
  };
}
