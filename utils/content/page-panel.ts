/**
 * The on-page panel of a session: which tracked companies the page mentions, with buttons that
 * step through the mentions the highlighting found. Shown on the top frame while the page is
 * highlighted and names a tracked company, until the person closes it; it comes back on the
 * next page.
 *
 * On an article it says what the story says: the companies its text names, counted as the story
 * counts them ("In the article"), then the mentions highlighted around it, in menus and lists of
 * other stories ("Elsewhere on the page"), which the story does not count.
 */
import type { TrackedEntity } from '../entities';
import { createNavigator, type Step, scrollToMention } from '../panel/navigation';
import { createPanel, type Panel, type PanelRow, type PanelSection } from '../panel/panel';
import type { MentionCount } from '../stories';
import type { Highlighting } from './highlighting';

export interface PagePanel {
  /** Shows these sections; none hides the panel. */
  show(sections: readonly PanelSection[]): void;
  remove(): void;
  /** A new page: a panel the person closed may show again. */
  reopen(): void;
}

/**
 * The panel's sections: on an article (`inArticle` given), its companies with the story's
 * counts, then the companies highlighted only elsewhere; on any other page, what is
 * highlighted. In the tracked list's order; no section at all when there is nothing to show.
 */
export function panelSections(
  entities: readonly TrackedEntity[],
  highlighted: ReadonlyMap<string, number>,
  inArticle: readonly MentionCount[] | null,
): PanelSection[] {
  const rowsOf = (counts: ReadonlyMap<string, number>): PanelRow[] =>
    entities
      .filter((e) => (counts.get(e.id) ?? 0) > 0)
      .map((e) => ({ entityId: e.id, name: e.name, color: e.color, count: counts.get(e.id) ?? 0 }));
  if (inArticle === null) {
    const rows = rowsOf(highlighted);
    return rows.length > 0 ? [{ title: 'On this page', rows }] : [];
  }
  const article = new Map(inArticle.map((m) => [m.entityId, m.count]));
  // What is highlighted beyond the article's own mentions, so the two sections add up to the highlights.
  const elsewhere = rowsOf(new Map([...highlighted].map(([id, count]) => [id, count - (article.get(id) ?? 0)])));
  const rows = rowsOf(article);
  if (rows.length === 0 && elsewhere.length === 0) return [];
  const sections: PanelSection[] = [{ title: 'In the article', rows, empty: 'None of your companies' }];
  if (elsewhere.length > 0) sections.push({ title: 'Elsewhere on the page', rows: elsewhere });
  return sections;
}

export function createPagePanel(doc: Document, highlighting: Highlighting): PagePanel {
  let panel: Panel | null = null;
  let closed = false;
  /** Whose mentions the person last stepped through since the panel opened (all: null); the footer then says which. */
  let stepping: { entityId: string | null } | null = null;
  const navigator = createNavigator();
  /** Company names by id, for saying whose mention is shown. */
  let names = new Map<string, string>();

  const remove = () => {
    panel?.remove();
    panel = null;
    stepping = null;
    navigator.reset();
  };

  const showStep = (shown: Panel, entityId: string | null, step: Step) => {
    const whose = entityId === null ? 'Mention' : `${names.get(entityId) ?? 'Mention'}:`;
    shown.showPosition(`${whose} ${step.position} of ${step.total}`);
  };

  const create = () => {
    const created = createPanel(doc, {
      step(entityId, direction) {
        const highlights = highlighting.current;
        const step = highlights && navigator.step(highlights.mentions, entityId, direction);
        if (!step || !highlights) return;
        highlights.focus(step.mention);
        scrollToMention(step.mention);
        stepping = { entityId };
        showStep(created, entityId, step);
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
    show(sections) {
      if (closed || sections.length === 0) {
        remove();
        return;
      }
      names = new Map(sections.flatMap((s) => s.rows.map((row) => [row.entityId, row.name] as const)));
      panel ??= create();
      panel.update(sections);
      const mentions = highlighting.current?.mentions ?? [];
      // The step shown keeps up with the scan: "1 of 3" becomes "1 of 5" as more are found.
      const step = stepping && navigator.place(mentions, stepping.entityId);
      if (stepping && step) showStep(panel, stepping.entityId, step);
      else if (!stepping) panel.showPosition(`${mentions.length} highlighted`);
    },
    remove,
    reopen() {
      closed = false;
    },
  };
}
