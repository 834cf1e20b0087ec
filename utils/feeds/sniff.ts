/**
 * What a response is, judged before any parser sees it, so each wrong answer gets its own
 * message: an image, an HTML page, an OPML list, JSON that is not a JSON Feed, XML whose root
 * is not a feed's, or a DOCTYPE that declares entities (refused outright: entity expansion is
 * how a small document eats all memory, and no real feed needs it).
 */
import { FeedError } from './errors';

const IMAGE_SIGNATURES: Array<[string, number[]]> = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['WebP', [0x52, 0x49, 0x46, 0x46]],
  ['BMP', [0x42, 0x4d]],
  ['ICO', [0x00, 0x00, 0x01, 0x00]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
];

/** Refuses bytes that are plainly not text: images (by signature or Content-Type), PDFs, nothing. */
export function refuseNonText(bytes: Uint8Array, contentType?: string | null): void {
  if (bytes.length === 0) throw new FeedError('empty', 'The server sent an empty response, not a feed.');
  const kind = IMAGE_SIGNATURES.find(([, sig]) => sig.every((b, i) => bytes[i] === b))?.[0];
  const mime = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (kind || mime.startsWith('image/')) {
    const what = kind === 'PDF' ? 'a PDF document' : `an image (${kind ?? mime})`;
    throw new FeedError('image', `The address gives ${what}, not a feed.`);
  }
}

/** The prolog (declaration, comments, processing instructions, DOCTYPE) and the root's name. */
function rootOf(xml: string): { doctype: string; root: string } {
  let i = 0;
  let doctype = '';
  while (i < xml.length) {
    i = xml.indexOf('<', i);
    if (i < 0) break;
    if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i) < 0 ? xml.length : xml.indexOf('-->', i) + 3;
    else if (xml.startsWith('<?', i)) i = xml.indexOf('?>', i) < 0 ? xml.length : xml.indexOf('?>', i) + 2;
    else if (/^<!doctype/iu.test(xml.slice(i, i + 9))) {
      const subset = xml.indexOf('[', i);
      const gt = xml.indexOf('>', i);
      const end = subset >= 0 && subset < gt ? xml.indexOf(']', subset) : i;
      const close = xml.indexOf('>', end < 0 ? xml.length : end);
      doctype = xml.slice(i, close < 0 ? xml.length : close + 1);
      i = close < 0 ? xml.length : close + 1;
    } else return { doctype, root: /^<([^\s/>]+)/u.exec(xml.slice(i, i + 100))?.[1] ?? '' };
  }
  return { doctype, root: '' };
}

export type FeedKind = 'rss' | 'atom' | 'rdf' | 'json';

/** Throws a specific `FeedError` unless `text` looks like an XML feed or a JSON Feed. */
export function checkFeedText(text: string): FeedKind {
  const start = text.trimStart();
  if (start === '') throw new FeedError('empty', 'The server sent an empty response, not a feed.');
  if (start.startsWith('{') || start.startsWith('[')) {
    checkJsonFeed(start);
    return 'json';
  }
  const { doctype, root } = rootOf(start);
  if (/<!entity/iu.test(doctype)) {
    throw new FeedError('entities', 'The feed defines its own XML entities, which are refused for safety.');
  }
  const name = root.toLowerCase();
  const local = name.replace(/^.*:/u, '');
  if (/^<!doctype\s+html/iu.test(doctype) || ['html', 'head', 'body'].includes(name)) {
    throw new FeedError('html', 'The address gives a web page (HTML), not a feed.');
  }
  if (name === 'opml') throw new FeedError('opml', 'This is an OPML list of feeds, not a feed: import it instead.');
  if (name === 'rss' || name === 'feed' || local === 'rdf')
    return name === 'rss' ? 'rss' : name === 'feed' ? 'atom' : 'rdf';
  if (name === '') throw new FeedError('malformed', 'The response is neither XML nor JSON, so not a feed.');
  throw new FeedError('not-a-feed', `The response is XML but not a feed (its root element is <${root}>).`);
}

function checkJsonFeed(text: string): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FeedError('bad-json', `The feed is not valid JSON (${(error as Error).message}).`);
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version !== 'string' || !/^https?:\/\/jsonfeed\.org\/version\/1(\.1)?\/?$/u.test(version)) {
    const said =
      typeof version === 'string' ? `its version is "${version.slice(0, 40)}"` : 'it has no JSON Feed version';
    throw new FeedError('not-a-feed', `The response is JSON but not a JSON Feed (${said}).`);
  }
}
