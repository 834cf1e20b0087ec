/**
 * The on-page panel of a session: which tracked companies the page mentions, with buttons that
 * step through the mentions the highlighting found. Shown on the top frame while the page is
 * highlighted and names a tracked company, until the person closes it; it comes back on the
 * next page.
 */
import type { TrackedEntity } from '../entities';
import { createNavigator, scrollToMention } from '../panel/navigation';
import { createPanel, type Panel, type PanelRow } from '../panel/panel';
import type { Highlighting } from './highlighting';

export interface PagePanel {
  /** Shows these rows; none hides the panel. */
  show(rows: readonly PanelRow[]): void;
  remove(): void;
  /** A new page: a panel the person closed may show again. */
  reopen(): void;
}

/** The rows for the companies the page mentions, in the tracked list's order. */
export function panelRows(entities: readonly TrackedEntity[], counts: ReadonlyMap<string, number>): PanelRow[] {
  return entities
    .filter((e) => (counts.get(e.id) ?? 0) > 0)
    .map((e) => ({ entityId: e.id, name: e.name, color: e.color, count: counts.get(e.id) ?? 0 }));
}

export function createPagePanel(doc: Document, highlighting: Highlighting): PagePanel {
  let panel: Panel | null = null;
  let closed = false;
  const navigator = createNavigator();

  const remove = () => {
    panel?.remove();
    panel = null;
    navigator.reset();
  };

  const create = () => {
    const created = createPanel(doc, {
      step(entityId, direction) {
        const highlights = highlighting.current;
        const step = highlights && navigator.step(highlights.mentions, entityId, direction);
        if (!step || !highlights) return;
        highlights.focus(step.mention);
        scrollToMention(step.mention);
        created.showPosition(`${step.position} of ${step.total}`);
      },
      close() {
        closed = true;
        highlighting.current?.focus(null);
        remove();
      },
    });
    highlighting.ignore(created.host);
    return created;
  };

  return {
    show(rows) {
      if (closed || rows.length === 0) {
        remove();
        return;
      }
      panel ??= create();
      panel.update(rows);
    },
    remove,
    reopen() {
      closed = false;
    },
  };
}
