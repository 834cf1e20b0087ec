/**
 * Watches the page for late content. The MutationObserver callback only records which blocks
 * changed; the blocks are rescanned together later, in one batch, so a page that streams in
 * content costs one scan per batch instead of one per change. The extension's own elements are
 * ignored, and the fallback painter's own DOM writes are discarded with `discardOwnChanges`.
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

/** Keeps only the outermost containers: scanning a block scans everything inside it. */
function outermost(containers: Set<Node>): Node[] {
  return [...containers].filter((c) => {
    for (let n = c.parentNode; n; n = n.parentNode) if (containers.has(n)) return false;
    return c.isConnected;
  });
}

export function watchChanges(options: ChangeWatcherOptions): ChangeWatcher {
  const queued = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const containers = outermost(queued);
    queued.clear();
    if (containers.length > 0) options.onChanged(containers);
  };
  const onlyOwn = (nodes: NodeList) => [...nodes].every((n) => options.isOwnNode(n));
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (options.isOwnNode(record.target)) continue;
      if (record.type === 'childList' && onlyOwn(record.addedNodes) && onlyOwn(record.removedNodes)) continue;
      queued.add(blockAround(record.target));
    }
    if (queued.size > 0 && timer === null) timer = setTimeout(flush, options.batchDelayMs ?? 150);
  });
  return {
    observe: (root) => observer.observe(root, OPTIONS),
    discardOwnChanges: () => void observer.takeRecords(),
    stop() {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      queued.clear();
    },
  };
}
