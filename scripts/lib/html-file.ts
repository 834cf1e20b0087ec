/**
 * Saved web pages for the command-line tools and the evaluation: read in the charset the page
 * declares (many non-English pages are not UTF-8), parsed by jsdom without running scripts or
 * fetching anything.
 */
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu;

/** The page's text: UTF-8 when it is valid UTF-8, otherwise the charset its <meta> declares. */
export function readHtmlFile(file: string): string {
  const bytes = readFileSync(file);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8').slice(1);
  // Saved pages are often re-encoded as UTF-8 but keep their old <meta charset>: valid UTF-8 wins.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: use the charset the page declares.
  }
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = CHARSET.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall back to UTF-8 below.
    }
  }
  return bytes.toString('utf8');
}

// jsdom reports every stylesheet it cannot parse; those say nothing about the page's story.
const quiet = new VirtualConsole();

/** A DOM for `html` at `url`, as a browser would build it, minus scripts and subresources. */
export function parseHtml(html: string, url: string): Document {
  return new JSDOM(html, { url, virtualConsole: quiet }).window.document;
}

/** Runs `use` on a parsed page and frees jsdom's window afterwards (it holds on to a lot). */
export function withDocument<T>(html: string, url: string, use: (document: Document) => T): T {
  const dom = new JSDOM(html, { url, virtualConsole: quiet });
  try {
    return use(dom.window.document);
  } finally {
    dom.window.close();
  }
}
