/**
 * A tiny HTML tag scanner: splits markup into text, start tags (with attributes) and end tags,
 * without building a document and without running anything. Feed summaries and site pages are
 * read with it (plain text, `<link rel="alternate">`), in a service worker that has no DOM.
 *
 * It follows the HTML rules that matter for safety: comments and `<!...>`/`<?...>` are skipped,
 * a `>` inside a quoted attribute does not end the tag, and the contents of script, style and
 * the other raw-text elements are skipped up to their end tag. A comment with no `-->` ends at
 * the next `>` (HTML would swallow the rest of the text; a reader loses less this way).
 */

import { decodeHTMLAttribute } from 'entities';

/** Attribute values come decoded (`&amp;` is `&`); text comes as written. */
export type HtmlToken =
  | { type: 'text'; text: string }
  | { type: 'start'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'end'; name: string };

/** Elements whose contents are never text to show. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'textarea',
  'template',
]);
const TAG_NAME = /[a-zA-Z][^\s/>]*/uy;
const ATTRIBUTE = /([^\s/>=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/guy;

/** Whether the quote at `i` opens an attribute value: it follows `=`, spaces allowed. */
function opensValue(html: string, from: number, i: number): boolean {
  let j = i - 1;
  while (j >= from && /\s/u.test(html[j] as string)) j--;
  return html[j] === '=';
}

/** Index just past the `>` that closes a tag opened at `from`, honouring quotes; -1 if none. */
function tagEnd(html: string, from: number): number {
  const gt = html.indexOf('>', from);
  if (gt < 0) return -1;
  const plain = html.slice(from, gt);
  if (!plain.includes('"') && !plain.includes("'")) return gt + 1;
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if ((ch === '"' || ch === "'") && opensValue(html, from, i)) quote = ch;
    else if (ch === '>') return i + 1;
  }
  return -1;
}

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  let i = 0;
  while (i < source.length) {
    if (/[\s/]/u.test(source[i] as string)) {
      i++;
      continue;
    }
    ATTRIBUTE.lastIndex = i;
    const m = ATTRIBUTE.exec(source);
    if (!m) break;
    const name = (m[1] as string).toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeHTMLAttribute(m[2] ?? m[3] ?? m[4] ?? '');
    i = ATTRIBUTE.lastIndex;
  }
  return attrs;
}

/** Where markup starting with `<!` or `<?` at `at` ends (the index after it). */
function skipDeclaration(html: string, at: number): number {
  if (html.startsWith('<!--', at)) {
    const close = html.indexOf('-->', at + 4);
    if (close >= 0) return close + 3;
  }
  const gt = html.indexOf('>', at + 2);
  return gt < 0 ? html.length : gt + 1;
}

/**
 * Index of the end tag that closes a raw-text element, or null when there is none (then only
 * the start tag is dropped: what follows may be the story's text).
 */
function rawTextEnd(html: string, from: number, name: string): number | null {
  const endTag = new RegExp(`</${name}[\\s/>]`, 'giu');
  endTag.lastIndex = from;
  return endTag.exec(html)?.index ?? null;
}

/** `attributes: false` skips reading them (plain-text extraction has no use for them). */
export function* scanHtml(html: string, { attributes = true } = {}): Generator<HtmlToken> {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const next = lt < 0 ? html.length : lt;
    if (next > i) yield { type: 'text', text: html.slice(i, next) };
    if (lt < 0) return;
    const after = html[lt + 1] ?? '';
    if (after === '!' || after === '?') {
      i = skipDeclaration(html, lt);
      continue;
    }
    const closing = after === '/';
    TAG_NAME.lastIndex = lt + (closing ? 2 : 1);
    const name = TAG_NAME.exec(html)?.[0];
    const end = name ? tagEnd(html, lt + 1) : -1;
    if (!name || end < 0) {
      // A lone `<` ("a < b") is text; a tag cut off by the end of the input is dropped.
      if (!name) yield { type: 'text', text: '<' };
      i = name ? html.length : lt + 1;
      continue;
    }
    const lower = name.toLowerCase();
    if (closing) {
      yield { type: 'end', name: lower };
      i = end;
      continue;
    }
    const body = html.slice(lt + 1 + name.length, end - 1);
    const attrs = attributes ? parseAttributes(body) : {};
    yield { type: 'start', name: lower, attrs, selfClosing: /\/\s*$/u.test(body) };
    i = (RAW_TEXT.has(lower) ? rawTextEnd(html, end, lower) : null) ?? end;
  }
}
