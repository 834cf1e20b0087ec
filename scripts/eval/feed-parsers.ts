/**
 * The parser comparison of `npm run eval`: each parser on every file of the shared feeds, judged
 * against the corpus index. A feed file is read right when the parser gives the index's item
 * count, its title, a newest item date within 36 hours of the index's, and text without
 * replacement characters or mojibake; a malformed file is handled right when a not-a-feed is
 * refused, and a broken feed is still read; the entity bomb must be refused or left unexpanded.
 */
import {
  EXTRACTUS_PARSER,
  type FeedFile,
  type FeedParser,
  type FeedSummary,
  NEWS_TRACKER_PARSER,
  timeParser,
} from '../../test/support/feed-corpus';
import { sameText } from './scoring';

const FEED_FORMATS = ['rss2', 'rss1', 'rss09', 'atom', 'jsonfeed'];
const MOJIBAKE = /\ufffd|Ã[\u0080-\u00bf]|â€/u;
/** Malformed files that are not feeds at all: a reader must refuse them. */
const NOT_A_FEED = /not a feed|HTML|not JSON Feed|truncated JSON|0 bytes|only a comment/iu;
const DAY_AND_HALF_MS = 36 * 3600_000;
/**
 * Where the index records what a strict or naive reader made of a hostile or mislabelled file,
 * the right reading instead (the index's own notes say why).
 */
const RIGHT_TITLES: Record<string, string> = {
  // The test file's own expectation: the HTML title read as text, the script dropped.
  'fp--malicious-comment-title': 'safe',
  // A character reference in a JSON Feed title is shown as the character.
  'frs--influxdata-json11': 'Blog – InfluxData',
  // The bytes are UTF-8 whatever the prolog says.
  'mfx--windows-1252-wrong-prolog': 'Euro €',
};
/** Malformed files the index cannot tell are not feeds: this one's root is <note>. */
const ALSO_NOT_A_FEED = new Set(['mfx--iso88591-utf8-mismatch']);
/** Files that must be refused, or read without expanding their entities. */
const MUST_NOT_EXPAND = new Set(['fprs--billion-laughs']);

interface Verdict {
  ok: boolean;
  httpLinks: number;
}

function judgeFeed(file: FeedFile, summary: FeedSummary): Verdict {
  const newest = Math.max(0, ...summary.items.map((i) => i.published ?? 0));
  const dateOk = !file.newest || Math.abs(newest - Date.parse(file.newest)) <= DAY_AND_HALF_MS;
  const clean = ![summary.title, ...summary.items.map((i) => i.title)].some((t) => MOJIBAKE.test(t));
  const title = RIGHT_TITLES[file.id] ?? file.title;
  const ok =
    summary.items.length === file.items && (title === null || sameText(title, summary.title)) && dateOk && clean;
  return { ok, httpLinks: summary.items.filter((i) => i.link && /^https?:\/\//u.test(i.link)).length };
}

function judge(parser: FeedParser, file: FeedFile): Verdict {
  let summary: FeedSummary | null = null;
  try {
    summary = parser.parse(file);
  } catch {
    summary = null;
  }
  if (MUST_NOT_EXPAND.has(file.id)) return { ok: summary === null || !/lollol/u.test(summary.title), httpLinks: 0 };
  if (FEED_FORMATS.includes(file.format)) return summary ? judgeFeed(file, summary) : { ok: false, httpLinks: 0 };
  const refuse = NOT_A_FEED.test(file.note ?? '') || ALSO_NOT_A_FEED.has(file.id);
  return { ok: refuse ? summary === null : summary !== null, httpLinks: 0 };
}

export function parserComparison(files: FeedFile[]): string {
  const parsers = [NEWS_TRACKER_PARSER, EXTRACTUS_PARSER];
  const considered = files.filter((f) => f.format !== 'opml');
  const groups = [...FEED_FORMATS, 'malformed'];
  const verdicts = parsers.map((p) => considered.map((f) => judge(p, f)));
  const rows = groups.map((format) => {
    const picked = considered.map((f, i) => ({ f, i })).filter(({ f }) => f.format === format);
    const cells = verdicts.map((v) => `${picked.filter(({ i }) => v[i]?.ok).length} / ${picked.length}`);
    return `| ${format === 'malformed' ? 'malformed (refuse a non-feed, read a broken feed)' : format} | ${cells.join(' | ')} |`;
  });
  const total = verdicts.map((v) => `**${v.filter((x) => x.ok).length} / ${considered.length}**`);
  const links = verdicts.map((v) => String(v.reduce((n, x) => n + x.httpLinks, 0)));
  for (const parser of parsers) timeParser(parser, considered);
  const times = parsers.map((p) => `${timeParser(p, considered).toFixed(0)} ms`);
  return [
    `${considered.length} files (OPML lists left out); each parser gets the same bytes, decoded the same way`,
    '',
    `| files read right | ${parsers.map((p) => p.name).join(' | ')} |`,
    `| --- | ${parsers.map(() => '---').join(' | ')} |`,
    ...rows,
    `| all | ${total.join(' | ')} |`,
    `| items with an absolute http(s) link | ${links.join(' | ')} |`,
    `| time for all files (one warm run) | ${times.join(' | ')} |`,
  ].join('\n');
}
