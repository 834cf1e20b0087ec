/**
 * Structured data from `<script type="application/ld+json">` blocks: every block, top-level
 * arrays, `@graph`, a `mainEntity` object, and `@type` as a string, an array or a full
 * schema.org URL. Publishers ship plenty of broken blocks (trailing commas, raw newlines in
 * strings, HTML comments around the JSON); those are repaired where that is cheap and skipped
 * otherwise, never thrown.
 *
 * Detection calls `readJsonLd` with a filter, so a page whose blocks never mention an article
 * type is not parsed at all.
 */

export type JsonLdNode = Record<string, unknown>;

/** News and editorial types a publisher uses for an article page. */
const ARTICLE_TYPES = new Set([
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'SatiricalArticle',
  'Article',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
]);

/**
 * Blocks longer than this are skipped unread. Real article metadata is a few KB (the largest
 * block among the corpus pages is 52 KB); a multi-megabyte block is a product catalogue or a
 * hostile page, and parsing it would hold the page's main thread for tens of milliseconds.
 */
export const MAX_BLOCK_CHARS = 256 * 1024;

export function isArticleType(type: string): boolean {
  return ARTICLE_TYPES.has(type);
}

/** `@type` as plain names: "http://schema.org/NewsArticle" and "schema:NewsArticle" become "NewsArticle". */
export function typesOf(node: JsonLdNode): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/u, ''));
}

function parseLenient(text: string): unknown {
  const trimmed = text
    .trim()
    .replace(/^<!--|-->$/gu, '')
    // <![CDATA[ ... ]]>, bare or inside // and /* */ comments.
    .replace(/^(?:\/\/|\/\*)?\s*<!\[CDATA\[\s*(?:\*\/)?/u, '')
    .replace(/(?:\/\/|\/\*)?\s*\]\]>\s*(?:\*\/)?$/u, '')
    .trim();
  if (!trimmed) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    // Common publisher mistakes: raw line breaks inside strings, trailing commas.
    const repaired = trimmed.replace(/[\n\r\t]+/gu, ' ').replace(/,\s*([}\]])/gu, '$1');
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

function isNode(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collect(value: unknown, into: JsonLdNode[], depth: number): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1);
    return;
  }
  if (!isNode(value)) return;
  into.push(value);
  if (value['@graph'] !== undefined) collect(value['@graph'], into, depth + 1);
  const main = value.mainEntity;
  if (isNode(main)) collect(main, into, depth + 1);
}

export interface JsonLdOptions {
  /** Parse only blocks whose raw text matches. */
  onlyIf?: RegExp;
}

/** Every top-level node of every JSON-LD block, in document order. */
export function readJsonLd(document: Document, options: JsonLdOptions = {}): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const scripts = document.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i] as HTMLScriptElement;
    const type = script.getAttribute('type');
    if (!type || !/^\s*application\/ld\+json/iu.test(type)) continue;
    const text = script.textContent ?? '';
    if (text.length > MAX_BLOCK_CHARS) continue;
    if (options.onlyIf && !options.onlyIf.test(text)) continue;
    collect(parseLenient(text), nodes, 0);
  }
  return nodes;
}

/**
 * The page's own story node: the first article-typed node, preferring one with a headline;
 * failing that, any node with a headline or a publication date (Medium and Tumblr posts are
 * SocialMediaPosting, some sites describe the story as a WebPage).
 */
export function findArticleNode(nodes: readonly JsonLdNode[]): JsonLdNode | null {
  const articles = nodes.filter((n) => typesOf(n).some(isArticleType));
  return (
    articles.find((n) => typeof n.headline === 'string') ??
    articles[0] ??
    nodes.find((n) => typeof n.headline === 'string' && !typesOf(n).includes('ItemList')) ??
    nodes.find((n) => n.datePublished !== undefined) ??
    null
  );
}

/** Resolves `{ "@id": ... }` references against the other nodes of the page (for `@graph` pages). */
export function resolveRef(value: unknown, nodes: readonly JsonLdNode[]): unknown {
  if (!isNode(value)) return value;
  const id = value['@id'];
  if (typeof id !== 'string' || Object.keys(value).length > 1) return value;
  return nodes.find((n) => n['@id'] === id && n !== value) ?? value;
}

/** A text value: a string, the first string of an array, or an object's `name`. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = textOf(item);
      if (text) return text;
    }
    return null;
  }
  if (isNode(value)) return textOf(value.name ?? value['@value']);
  return null;
}

export function asNodes(value: unknown): JsonLdNode[] {
  if (Array.isArray(value)) return value.filter(isNode);
  return isNode(value) ? [value] : [];
}
