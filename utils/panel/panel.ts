/**
 * The on-page panel: which tracked companies this page mentions, in the article first and
 * elsewhere on the page after, how often, and buttons to step to the previous or next mention.
 * It lives in a closed shadow root, so the page's styles cannot reach it, its styles cannot
 * leak out, and the page's scripts cannot read what it lists: the page sees one empty
 * <news-tracker-panel> element.
 *
 * The host's own styles are `:host` rules marked !important inside the shadow root, which win
 * over any !important rule of the page's stylesheets (for important declarations the inner tree
 * wins), so a page cannot hide or move it with CSS. A page that took the element's name for a
 * custom element of its own (attaching a shadow root first) gets a plain <div> host instead.
 *
 * It is light or dark as the page under it is (theme.ts), checked after each update and when the
 * system setting changes. Every button is at least 24 px square and has a name and a tooltip.
 */
import { pageLooksDark } from './theme';

export interface PanelRow {
  entityId: string;
  name: string;
  color: string;
  count: number;
}

/** A group of rows under a heading ("In the article"); `empty` is said when it has none. */
export interface PanelSection {
  title: string;
  rows: PanelRow[];
  empty?: string;
}

export interface PanelActions {
  /** Steps to the next (+1) or previous (-1) mention of one company, or of any when null. */
  step(entityId: string | null, direction: 1 | -1): void;
  close(): void;
}

export interface Panel {
  readonly host: HTMLElement;
  update(sections: readonly PanelSection[]): void;
  /** Says which mention is shown, e.g. "Samsung: 3 of 12". */
  showPosition(text: string): void;
  remove(): void;
}

export const PANEL_TAG = 'news-tracker-panel';

const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; right: 16px !important;
  bottom: 16px !important; z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important; }
.panel { --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --button: #f6f8fa; --hover: #e8ecf0;
  --focus: #0969da; --shadow: rgb(31 35 40 / 0.18);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 6px 24px var(--shadow);
  width: 272px; max-width: calc(100vw - 32px); color-scheme: light; }
.panel.unstyled { visibility: hidden; }
.panel.dark { --bg: #1f2428; --fg: #e6edf3; --muted: #9ea7b3; --line: #3d444d; --button: #2a3037; --hover: #363d46;
  --focus: #58a6ff; --shadow: rgb(0 0 0 / 0.5); color-scheme: dark; }
header { display: flex; align-items: center; gap: 8px; padding: 6px 6px 6px 12px; border-bottom: 1px solid var(--line); }
h2 { font-size: 13px; font-weight: 600; margin: 0; flex: 1; }
.sections { max-height: 260px; overflow: auto; padding: 4px 0; }
h3 { font-size: 11px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--muted);
  margin: 6px 12px 2px; }
ul { list-style: none; margin: 0; padding: 0; }
li { display: flex; align-items: center; gap: 8px; min-height: 30px; padding: 0 6px 0 12px; }
.swatch { width: 10px; height: 10px; border-radius: 3px; flex: none; box-shadow: inset 0 0 0 1px rgb(0 0 0 / 0.15); }
.name { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.count { font-variant-numeric: tabular-nums; color: var(--muted); min-width: 2ch; text-align: right; }
.empty { color: var(--muted); margin: 2px 12px 6px; }
button { font: inherit; color: var(--fg); background: var(--button); border: 1px solid var(--line); border-radius: 6px;
  min-width: 24px; min-height: 24px; padding: 0 6px; cursor: pointer; display: inline-flex; align-items: center;
  justify-content: center; gap: 4px; }
button:hover { background: var(--hover); }
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
button.icon { width: 24px; padding: 0; font-size: 15px; line-height: 1; }
button.close { border-color: transparent; background: transparent; width: 28px; min-height: 28px; font-size: 18px; }
button.close:hover { background: var(--hover); }
footer { display: flex; align-items: center; gap: 8px; padding: 6px; border-top: 1px solid var(--line); }
.position { flex: 1; text-align: center; color: var(--muted); font-variant-numeric: tabular-nums; }
`;

function button(doc: Document, label: string, name: string, onClick: () => void, className = ''): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  if (className) b.className = className;
  b.textContent = label;
  b.title = name;
  b.setAttribute('aria-label', name);
  b.addEventListener('click', onClick);
  return b;
}

/** A button with a word beside its arrow ("‹ Previous"); its name says more than the word. */
function wordButton(doc: Document, arrow: string, word: string, name: string, onClick: () => void, after = false) {
  const b = button(doc, '', name, onClick);
  const glyph = doc.createElement('span');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = arrow;
  b.append(...(after ? [word, glyph] : [glyph, word]));
  return b;
}

function rowItem(doc: Document, row: PanelRow, actions: PanelActions): HTMLLIElement {
  const item = doc.createElement('li');
  const swatch = doc.createElement('span');
  swatch.className = 'swatch';
  swatch.style.background = row.color;
  const name = doc.createElement('span');
  name.className = 'name';
  name.textContent = row.name;
  name.title = row.name;
  const count = doc.createElement('span');
  count.className = 'count';
  count.textContent = String(row.count);
  item.append(
    swatch,
    name,
    count,
    button(doc, '‹', `Previous mention of ${row.name}`, () => actions.step(row.entityId, -1), 'icon'),
    button(doc, '›', `Next mention of ${row.name}`, () => actions.step(row.entityId, 1), 'icon'),
  );
  return item;
}

function sectionNodes(doc: Document, section: PanelSection, actions: PanelActions): Node[] {
  const heading = doc.createElement('h3');
  heading.textContent = section.title;
  if (section.rows.length === 0) {
    const empty = doc.createElement('p');
    empty.className = 'empty';
    empty.textContent = section.empty ?? '';
    return [heading, empty];
  }
  const list = doc.createElement('ul');
  list.setAttribute('aria-label', section.title);
  list.append(...section.rows.map((row) => rowItem(doc, row, actions)));
  return [heading, list];
}

/** A host with a closed shadow root: the panel's element, or a <div> where the page took that name. */
function createHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  const host = doc.createElement(PANEL_TAG);
  try {
    return { host, shadow: host.attachShadow({ mode: 'closed' }) };
  } catch {
    const div = doc.createElement('div');
    return { host: div, shadow: div.attachShadow({ mode: 'closed' }) };
  }
}

export function createPanel(doc: Document, actions: PanelActions): Panel {
  const { host, shadow } = createHost(doc);
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const panel = doc.createElement('section');
  panel.className = 'panel unstyled';
  panel.setAttribute('aria-label', 'News Tracker: companies on this page');
  const header = doc.createElement('header');
  const title = doc.createElement('h2');
  title.textContent = 'News Tracker';
  header.append(
    title,
    button(doc, '×', 'Close panel', () => actions.close(), 'close'),
  );
  const sections = doc.createElement('div');
  sections.className = 'sections';
  const position = doc.createElement('span');
  position.className = 'position';
  position.setAttribute('aria-live', 'polite');
  const footer = doc.createElement('footer');
  footer.append(
    wordButton(doc, '‹', 'Previous', 'Previous mention', () => actions.step(null, -1)),
    position,
    wordButton(doc, '›', 'Next', 'Next mention', () => actions.step(null, 1), true),
  );
  panel.append(header, sections, footer);
  shadow.append(style, panel);
  doc.documentElement.append(host);

  const followPage = () => {
    panel.classList.toggle('dark', pageLooksDark(doc));
    panel.classList.remove('unstyled');
  };
  const view = doc.defaultView;
  // The page's colours are read just after the browser has laid the page out for a frame, when
  // its styles are up to date: a resize observer is called at exactly that moment (once when it
  // starts observing). Read at any other moment, after highlighting changed the page's style
  // sheet, the browser first restyles the page inside our task (over 100 ms on a deeply nested
  // page). Until then the panel is hidden, so it never shows in the wrong colours; in a tab that
  // is not drawn, that is when it is next drawn.
  let lookPending = false;
  const followPageSoon = () => {
    if (lookPending) return;
    if (typeof view?.ResizeObserver !== 'function') return followPage();
    lookPending = true;
    const observer = new view.ResizeObserver(() => {
      observer.disconnect();
      lookPending = false;
      followPage();
    });
    observer.observe(host);
  };
  const systemScheme = view?.matchMedia?.('(prefers-color-scheme: dark)');
  systemScheme?.addEventListener('change', followPage);

  return {
    host,
    update(list) {
      followPageSoon();
      sections.replaceChildren(...list.flatMap((section) => sectionNodes(doc, section, actions)));
    },
    showPosition(text) {
      position.textContent = text;
    },
    remove() {
      systemScheme?.removeEventListener('change', followPage);
      host.remove();
    },
  };
}
