import type { CDPSession, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where a function can run: a Playwright page or frame, or a puppeteer one (the Firefox suite). */
export interface Evaluates {
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
}

/** Total number of ranges painted in the page's CSS highlight registry. */
export async function highlightedRangeCount(page: Page | Frame): Promise<number> {
  return page.evaluate(() => {
    let ranges = 0;
    for (const highlight of CSS.highlights.values()) ranges += highlight.size;
    return ranges;
  });
}

/**
 * The highlighted text, in document order, with each highlight's colour. Ranges may be
 * StaticRanges (no toString), so each is copied into a live Range first.
 */
export async function highlights(page: Evaluates): Promise<{ text: string; color: string }[]> {
  return page.evaluate(() => {
    const colorOf = new Map<string, string>();
    const sheets = [...document.adoptedStyleSheets];
    for (const sheet of sheets) {
      for (const rule of sheet.cssRules) {
        const match = /::highlight\(([^)]+)\)/u.exec((rule as CSSStyleRule).selectorText ?? '');
        if (match?.[1]) colorOf.set(match[1], (rule as CSSStyleRule).style.backgroundColor);
      }
    }
    const found: { range: Range; color: string }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (highlight.priority !== 0) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        found.push({ range, color: colorOf.get(name) ?? '' });
      }
    }
    // A node and the shadow hosts above it, outermost first.
    const hosts = (node: Node): Node[] => {
      const chain = [node];
      for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
        chain.unshift(root.host);
      }
      return chain;
    };
    // Ranges in different trees are ordered by their shadow hosts: Firefox refuses to compare
    // them directly (WrongDocumentError).
    const order = (a: Range, b: Range): number => {
      const [ca, cb] = [hosts(a.startContainer), hosts(b.startContainer)];
      for (let k = 0; k < Math.min(ca.length, cb.length); k++) {
        const [x, y] = [ca[k] as Node, cb[k] as Node];
        if (x === y) continue;
        if (k === ca.length - 1 && k === cb.length - 1) break;
        return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      }
      return a.compareBoundaryPoints(Range.START_TO_START, b);
    };
    found.sort((a, b) => order(a.range, b.range));
    return found.map(({ range, color }) => ({ text: range.toString(), color }));
  });
}

/** The highlighted text, in document order. */
export async function highlightedTexts(page: Evaluates): Promise<string[]> {
  return (await highlights(page)).map((h) => h.text);
}

/** Text of the mention the panel stepped to (painted by the one highlight with a raised priority). */
export async function focusedMentionText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    for (const highlight of CSS.highlights.values()) {
      if (highlight.priority === 0) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }
    }
    return null;
  });
}

/**
 * Reads a page's highlights and the closed on-page panel the way a test must when the page may
 * be hostile: through the DevTools protocol, in an isolated world of its own (the page's patched
 * built-ins never run) and, for the panel, through DOM.getDocument with `pierce`, which reaches
 * closed shadow roots that no script of the page or of the test can open.
 */
export interface SeenHighlight {
  text: string;
  /** The highlight's background colour as the page's computed style writes it, e.g. `rgb(129, 212, 250)`. */
  color: string;
  /** The name the highlight is registered under in CSS.highlights. */
  name: string;
}

export interface PanelView {
  text: string;
  buttons: string[];
}

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
  contentDocument?: DomNode;
}

const PANEL_LABEL = 'News Tracker: companies on this page';

function* walkDom(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walkDom(child);
  if (node.contentDocument) yield* walkDom(node.contentDocument);
}

function attribute(node: DomNode, name: string): string | null {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1] ?? null;
  return null;
}

/** In-page half of `highlights()`: runs in an isolated world, so only pristine built-ins are used. */
function readHighlights(): SeenHighlight[] {
  const sheets = new Set<CSSStyleSheet>();
  for (const sheet of document.adoptedStyleSheets) sheets.add(sheet);
  const found: { name: string; range: Range; root: Node }[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (highlight.priority !== 0) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const root = r.startContainer.getRootNode();
      if (root instanceof ShadowRoot) for (const sheet of root.adoptedStyleSheets) sheets.add(sheet);
      found.push({ name, range, root });
    }
  }
  const colorOf = new Map<string, string>();
  for (const sheet of sheets) {
    for (const rule of sheet.cssRules) {
      const match = /::highlight\(([^)]+)\)/u.exec((rule as CSSStyleRule).selectorText ?? '');
      if (match?.[1]) colorOf.set(match[1], (rule as CSSStyleRule).style.backgroundColor);
    }
  }
  // Document order: the light DOM's ranges first, then each shadow root's, by its host's place.
  const roots = [...new Set(found.map((f) => f.root))].sort((a, b) => {
    if (a === document) return -1;
    if (b === document) return 1;
    const position = (a as ShadowRoot).host.compareDocumentPosition((b as ShadowRoot).host);
    return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  found.sort(
    (a, b) =>
      roots.indexOf(a.root) - roots.indexOf(b.root) || a.range.compareBoundaryPoints(Range.START_TO_START, b.range),
  );
  return found.map(({ name, range }) => ({ text: range.toString(), color: colorOf.get(name) ?? '', name }));
}

export class PageProbe {
  private constructor(
    readonly page: Page,
    private readonly session: CDPSession,
  ) {}

  static async attach(page: Page): Promise<PageProbe> {
    const session = await page.context().newCDPSession(page);
    await session.send('Page.enable');
    return new PageProbe(page, session);
  }

  /** Runs `fn(arg)` in a fresh isolated world of the main frame, or of the first frame whose URL contains `frameUrl`. */
  async run<A, T>(fn: (arg: A) => T, arg?: A, frameUrl?: string): Promise<T> {
    const { frameTree } = await this.session.send('Page.getFrameTree');
    type Tree = { frame: { id: string; url: string; urlFragment?: string }; childFrames?: Tree[] };
    const frames: Tree['frame'][] = [];
    const collect = (tree: Tree) => {
      frames.push(tree.frame);
      for (const child of tree.childFrames ?? []) collect(child);
    };
    collect(frameTree as Tree);
    const frame = frameUrl === undefined ? frames[0] : frames.find((f) => f.url.includes(frameUrl));
    if (!frame) throw new Error(`No frame with ${frameUrl} in its URL among ${frames.map((f) => f.url).join(', ')}`);
    const { executionContextId } = await this.session.send('Page.createIsolatedWorld', {
      frameId: frame.id,
      worldName: 'news-tracker-test',
    });
    const { result, exceptionDetails } = await this.session.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails)
      throw new Error(`In the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  }

  /** Highlighted text in document order, with colour and registered name. */
  highlights(frameUrl?: string): Promise<SeenHighlight[]> {
    return this.run(readHighlights, undefined, frameUrl);
  }

  /** Names registered in CSS.highlights and the text of every ::highlight rule adopted by the document. */
  registry(frameUrl?: string): Promise<{ names: string[]; rules: string[] }> {
    return this.run(
      () => ({
        names: [...CSS.highlights.keys()],
        rules: document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)),
      }),
      undefined,
      frameUrl,
    );
  }

  private async panelNodes(): Promise<{ root: DomNode; host: DomNode } | null> {
    const { root } = (await this.session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    for (const node of walkDom(root)) {
      const shadow = node.shadowRoots?.[0];
      if (!shadow) continue;
      for (const inner of walkDom(shadow)) {
        if (attribute(inner, 'aria-label') === PANEL_LABEL) return { root: shadow, host: node };
      }
    }
    return null;
  }

  /** What the panel shows, read through its closed shadow root; null when there is no panel. */
  async panel(): Promise<(PanelView & { shadowRootType: string }) | null> {
    const found = await this.panelNodes();
    if (!found) return null;
    const texts: string[] = [];
    const buttons: string[] = [];
    const read = (node: DomNode) => {
      if (node.nodeName === 'STYLE') return;
      if (node.nodeType === 3) texts.push(node.nodeValue);
      if (node.nodeName === 'BUTTON') buttons.push(attribute(node, 'aria-label') ?? '');
      for (const child of node.children ?? []) read(child);
    };
    read(found.root);
    return {
      text: texts.join(' ').replace(/\s+/gu, ' ').trim(),
      buttons,
      shadowRootType: found.root.shadowRootType ?? '',
    };
  }

  /** Clicks a panel button with the mouse, at the centre of where it is drawn. */
  async clickPanelButton(label: string): Promise<void> {
    // As a reader would, wait until the panel is drawn (it stays hidden until it has the page's colours).
    const shown = 'function () { return getComputedStyle(this).visibility === "visible"; }';
    await expect.poll(() => this.onPanel<boolean>(shown), { timeout: 10_000 }).toBe(true);
    const border = await this.onPanelNode(label, async (nodeId) => {
      return (await this.session.send('DOM.getBoxModel', { nodeId })).model.border as number[];
    });
    if (!border) throw new Error(`No panel button labelled ${label}`);
    const [x1, y1, , , x3, y3] = border as [number, number, number, number, number, number];
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }

  /** Calls `fn` (a function's source) on the panel's live section behind its closed shadow root. */
  async onPanel<T>(fn: string): Promise<T | null> {
    return this.onPanelNode(PANEL_LABEL, async (nodeId) => {
      const { object } = await this.session.send('DOM.resolveNode', { nodeId });
      const call = { objectId: object.objectId, returnByValue: true, functionDeclaration: fn };
      return (await this.session.send('Runtime.callFunctionOn', call)).result.value as T;
    });
  }

  /**
   * Runs `use` on the panel node labelled `label`, or gives null when there is none. The panel may be
   * redrawn between reading its nodes and using one, which makes the node's id stale: then it is read again.
   */
  private async onPanelNode<T>(label: string, use: (nodeId: number) => Promise<T>): Promise<T | null> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.panelNodes();
      const node = found && [...walkDom(found.root)].find((n) => attribute(n, 'aria-label') === label);
      if (!node) return null;
      try {
        return await use(node.nodeId);
      } catch (error) {
        if (attempt >= 5 || !String(error).includes('Could not find node')) throw error;
      }
    }
  }

  async detach(): Promise<void> {
    await this.session.detach();
  }
}
