/**
 * Watches the page for late content. The MutationObserver callback only records which nodes
 * changed (uBlock Origin's rule: never handle added nodes inside the observer); a timer later
 * turns them into the blocks around them, keeps the outermost, and hands them over in one batch,
 * so a page that streams in content costs one scan per batch instead of one per change. The
 * extension's own elements are ignored, and the fallback painter's own DOM writes are dropped
 * with `discardOwnChanges`, called right after it writes.
 */
import { isBlockElement } from '../highlight/segments';

export interface ChangeWatcher {
  observe(root: Node): void;
  /** Drops records of changes the extension just made itself. */
  discardOwnChanges(): void;
  stop(): void;
}

export interface ChangeWatcherOptions {
  isOwnNode(node: Node): boolean;
  onChanged(containers: Node[]): void;
  batchDelayMs?: number;
}

const OPTIONS: MutationObserverInit = { childList: true, characterData: true, subtree: true };

/** The nearest block around `node`: rescanning it rescans every text run `node` can be part of. */
export function blockAround(node: Node): Node {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType !== 1) return n;
    if (isBlockElement(n as Element)) return n;
  }
  return node;
}

/** The node above `node`, crossing from a shadow root to its host. */
function above(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}

/** Keeps only the outermost containers: scanning a block scans everything inside it, shadow roots too. */
function outermost(containers: Set<Node>): Node[] {
  return [...containers].filter((c) => {
    for (let n = above(c); n; n = above(n)) if (containers.has(n)) return false;
    return c.isConnected;
  });
}

export function watchChanges(options: ChangeWatcherOptions): ChangeWatcher {
  const changed = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const blocks = new Set<Node>();
    for (const node of changed) blocks.add(blockAround(node));
    changed.clear();
    const containers = outermost(blocks);
    if (containers.length > 0) options.onChanged(containers);
  };
  const onlyOwn = (nodes: NodeList) => {
    for (const n of nodes) if (!options.isOwnNode(n)) return false;
    return true;
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (options.isOwnNode(record.target)) continue;
      if (record.type === 'childList' && onlyOwn(record.addedNodes) && onlyOwn(record.removedNodes)) continue;
      changed.add(record.target);
    }
    if (changed.size > 0 && timer === null) timer = setTimeout(flush, options.batchDelayMs ?? 150);
  });
  return {
    observe: (root) => observer.observe(root, OPTIONS),
    discardOwnChanges: () => void observer.takeRecords(),
    stop() {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      changed.clear();
    },
  };
}

/**
 * Resolves once `root` has gone `quietMs` without a DOM change, or after `maxMs` at most: a
 * single-page app changes its address first and renders the new page after, often in steps.
 */
export function waitForQuiet(root: Node, quietMs: number, maxMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(maxTimer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const observer = new MutationObserver(() => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(done, quietMs);
    });
    observer.observe(root, OPTIONS);
    quietTimer = setTimeout(done, quietMs);
    const maxTimer = setTimeout(done, maxMs);
    signal.addEventListener('abort', done, { once: true });
  });
}
