/**
 * The on-page panel: which tracked companies this page mentions, how often, and buttons to step
 * to the previous or next mention. It lives in a closed shadow root, so the page's styles cannot
 * reach it, its styles cannot leak out, and the page's scripts cannot read what it lists: the
 * page sees one empty <news-tracker-panel> element.
 *
 * The host's own styles are `:host` rules marked !important inside the shadow root, which win
 * over any !important rule of the page's stylesheets (for important declarations the inner tree
 * wins), so a page cannot hide or move it with CSS. A page that took the element's name for a
 * custom element of its own (attaching a shadow root first) gets a plain <div> host instead.
 */

export interface PanelRow {
  entityId: string;
  name: string;
  color: string;
  count: number;
}

export interface PanelActions {
  /** Steps to the next (+1) or previous (-1) mention of one company, or of any when null. */
  step(entityId: string | null, direction: 1 | -1): void;
  close(): void;
}

export interface Panel {
  readonly host: HTMLElement;
  update(rows: readonly PanelRow[]): void;
  /** Says which mention is shown, e.g. "3 of 12". */
  showPosition(text: string): void;
  remove(): void;
}

export const PANEL_TAG = 'news-tracker-panel';

const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; right: 16px !important;
  bottom: 16px !important; z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important; }
.panel { font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #fff; border: 1px solid #c8c8c8;
  border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.18); min-width: 220px; max-width: 320px; }
header { display: flex; align-items: center; gap: 6px; padding: 6px 8px; border-bottom: 1px solid #e4e4e4; }
header h2 { font-size: 13px; margin: 0; flex: 1; }
ul { list-style: none; margin: 0; padding: 4px 0; max-height: 240px; overflow: auto; }
li { display: flex; align-items: center; gap: 6px; padding: 2px 8px; }
.swatch { width: 10px; height: 10px; border-radius: 2px; flex: none; }
.name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.count { font-variant-numeric: tabular-nums; color: #555; }
button { font: inherit; border: 1px solid #bbb; background: #f6f6f6; border-radius: 4px; padding: 0 6px; cursor: pointer; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.position { padding: 0 8px 6px; color: #555; min-height: 1em; }
`;

function button(doc: Document, label: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.title = title;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', onClick);
  return b;
}

/** `mode` is 'closed' on real pages; tests open it to read what the panel shows. */
export function createPanel(doc: Document, actions: PanelActions): Panel {
  let host = doc.createElement(PANEL_TAG);
  let shadow: ShadowRoot;
  try {
    shadow = host.attachShadow({ mode: 'closed' });
  } catch {
    host = doc.createElement('div');
    shadow = host.attachShadow({ mode: 'closed' });
  }
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const panel = doc.createElement('section');
  panel.className = 'panel';
  panel.setAttribute('aria-label', 'News Tracker: companies on this page');
  const header = doc.createElement('header');
  const title = doc.createElement('h2');
  title.textContent = 'News Tracker';
  header.append(
    title,
    button(doc, '‹', 'Previous mention', () => actions.step(null, -1)),
    button(doc, '›', 'Next mention', () => actions.step(null, 1)),
    button(doc, '×', 'Close panel', () => actions.close()),
  );
  const list = doc.createElement('ul');
  const position = doc.createElement('div');
  position.className = 'position';
  position.setAttribute('aria-live', 'polite');
  panel.append(header, list, position);
  shadow.append(style, panel);
  doc.documentElement.append(host);

  return {
    host,
    update(rows) {
      list.replaceChildren(
        ...rows.map((row) => {
          const item = doc.createElement('li');
          const swatch = doc.createElement('span');
          swatch.className = 'swatch';
          swatch.style.background = row.color;
          const name = doc.createElement('span');
          name.className = 'name';
          name.textContent = row.name;
          const count = doc.createElement('span');
          count.className = 'count';
          count.textContent = String(row.count);
          item.append(
            swatch,
            name,
            count,
            button(doc, '‹', `Previous mention of ${row.name}`, () => actions.step(row.entityId, -1)),
            button(doc, '›', `Next mention of ${row.name}`, () => actions.step(row.entityId, 1)),
          );
          return item;
        }),
      );
    },
    showPosition(text) {
      position.textContent = text;
    },
    remove() {
      host.remove();
    },
  };
}
