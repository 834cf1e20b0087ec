/**
 * Everything highlighted on one page: the mentions found, in the order they were found, and
 * the painter showing them. Rescanning a changed block first forgets what was found in it, so
 * counts never double up and removed text stops counting.
 */
import type { TrackedEntity } from '../entities';
import type { Matcher } from '../match/matcher';
import { createHighlightPainter } from './highlight-api';
import { type Painter, supportsHighlightApi } from './paint';
import { type FoundMention, scanForMentions } from './scan';
import type { WalkOptions } from './segments';
import type { Slicer } from './slicer';
import { createWrapPainter } from './wrap';

export interface PageHighlights {
  readonly mentions: readonly FoundMention[];
  /** Finds and paints mentions under `roots`, forgetting earlier mentions inside them first. */
  scan(roots: readonly Node[], slicer: Slicer, signal?: AbortSignal): Promise<void>;
  counts(): Map<string, number>;
  focus(mention: FoundMention | null): void;
  clear(): void;
}

export interface PageHighlightOptions extends WalkOptions {
  /** Whether to paint; when false mentions are still found and counted. */
  paint: boolean;
  painter?: Painter;
  /**
   * Called right after the painter has written to the page's DOM (the wrapping fallback only),
   * in the same task, so a mutation observer can drop the records of those writes before it
   * would deliver them.
   */
  onOwnChanges?: () => void;
}

/** Like Node.contains, but also looks through shadow roots to their hosts. */
function isInside(node: Node, roots: ReadonlySet<Node>): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (roots.has(n)) return true;
  }
  return false;
}

export function createPageHighlights(
  doc: Document,
  matcher: Matcher,
  entities: readonly TrackedEntity[],
  options: PageHighlightOptions,
): PageHighlights {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const painter =
    options.painter ?? (view && supportsHighlightApi(view) ? createHighlightPainter() : createWrapPainter(doc));
  const colorOf = new Map(entities.map((e) => [e.id, e.color]));
  let mentions: FoundMention[] = [];
  const ownChangesDone = () => {
    if (painter.changesDom) options.onOwnChanges?.();
  };
  /** Forgets (and unpaints) the mentions inside `roots` and those whose text left the page. */
  const forgetInside = (roots: readonly Node[]) => {
    const kept: FoundMention[] = [];
    const rescanned = new Set(roots);
    for (const m of mentions) {
      if (m.container.isConnected && !isInside(m.container, rescanned)) kept.push(m);
      else painter.remove(m);
    }
    mentions = kept;
    ownChangesDone();
  };

  return {
    get mentions() {
      return mentions;
    },
    async scan(roots, slicer, signal) {
      // A page that moves or removes the node the walk stands on during a pause makes it lose its
      // place: the roots are then scanned again (their mentions forgotten first), a few times at most.
      for (let attempt = 0; attempt < 3; attempt++) {
        forgetInside(roots);
        const complete = await scanForMentions(roots, matcher, {
          ...options,
          slicer,
          signal,
          styleChanges: options.paint ? painter.styleChanges : undefined,
          onMention(mention) {
            mentions.push(mention);
            if (options.paint) painter.add(mention, colorOf.get(mention.entityId) ?? '');
          },
        });
        // Stopped (highlights switched off, a new page): clear() has already removed everything.
        if (signal?.aborted) return;
        painter.flush();
        ownChangesDone();
        if (complete) return;
      }
    },
    counts() {
      const counts = new Map<string, number>();
      for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
      return counts;
    },
    focus(mention) {
      if (options.paint) painter.focus(mention);
    },
    clear() {
      painter.clear();
      ownChangesDone();
      mentions = [];
    },
  };
}
