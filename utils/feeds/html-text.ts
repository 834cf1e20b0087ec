/**
 * Feed HTML (summaries, content, HTML titles) to plain text: tags dropped, script and style
 * contents dropped, character references decoded once from the fixed HTML table (no entity is
 * ever defined by the document), block boundaries kept as line breaks. The result is only ever
 * shown as text, so escaped markup in a feed (`&lt;b&gt;`) stays visible as `<b>`.
 */
import { decodeHTML } from 'entities';
import { scanHtml } from './tags';

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/**
 * What windows-1252 puts at 0x80-0x9F, where Unicode has invisible C1 controls. Feeds carry
 * these controls when a windows-1252 text was mislabelled (and some decoders read the bytes as
 * Latin-1): a reader shows the characters that were meant, as browsers do for `&#146;`.
 */
const C1_AS_WINDOWS_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Collapses spaces within lines, drops empty lines and shows C1 controls as windows-1252. */
export function tidyText(text: string): string {
  return text
    .replace(/[\u0080-\u009f]/gu, (c) => C1_AS_WINDOWS_1252[c.charCodeAt(0) - 0x80] as string)
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/gu, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

export function htmlToText(html: string): string {
  if (!/[<&]/u.test(html)) return tidyText(html);
  const parts: string[] = [];
  for (const token of scanHtml(html, { attributes: false })) {
    if (token.type === 'text') parts.push(decodeHTML(token.text).replace(/\n/gu, ' '));
    else if (BLOCK.has(token.name)) parts.push('\n');
    else if (token.type === 'start' && (token.name === 'img' || token.name === 'input')) parts.push(' ');
  }
  return tidyText(parts.join(''));
}
