/**
 * ../shared/corpora/feeds for the evaluation and the bench: each file's bytes beside what its
 * index says about it, and the two parsers compared, behind one small summary shape. Read at
 * run time, never copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { decodeFeedBytes } from '../../utils/feeds/decode';
import { parseFeedBytes } from '../../utils/feeds/parse';

export interface FeedFile {
  id: string;
  format: string;
  items: number | null;
  title: string | null;
  newest: string | null;
  note: string | null;
  kind: string;
  real: boolean;
  bytes: Uint8Array;
}

export function feedCorpusDir(corporaDir: string): string | null {
  const dir = path.join(corporaDir, 'feeds');
  return existsSync(path.join(dir, 'index.jsonl')) ? dir : null;
}

export function readFeedFiles(dir: string): FeedFile[] {
  return readFileSync(path.join(dir, 'index.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const record = JSON.parse(line) as Omit<FeedFile, 'bytes'> & { file: string };
      return { ...record, bytes: readFileSync(path.join(dir, record.file)) };
    });
}

/** The address the files are read as coming from (relative links resolve against it). */
export function feedUrlOf(file: Pick<FeedFile, 'id'>): string {
  return `https://feeds.example/${file.id}`;
}

export interface FeedSummary {
  title: string;
  items: Array<{ title: string; link: string | null; published: number | null }>;
}

export interface FeedParser {
  name: string;
  parse(file: FeedFile): FeedSummary;
}

export const NEWS_TRACKER_PARSER: FeedParser = {
  name: 'feedsmith 3 (News Tracker: utils/feeds)',
  parse(file) {
    const feed = parseFeedBytes(file.bytes, feedUrlOf(file));
    return { title: feed.title, items: feed.items.map(({ title, link, published }) => ({ title, link, published })) };
  },
};

/** @extractus/feed-extractor on the same decoded text, its text and links as it normalises them. */
export const EXTRACTUS_PARSER: FeedParser = {
  name: '@extractus/feed-extractor 8',
  parse(file) {
    const text = decodeFeedBytes(file.bytes)
      .replace(/^\ufeff/u, '')
      .trimStart();
    const options = { descriptionMaxLen: 0, baseUrl: feedUrlOf(file) };
    const feed = text.startsWith('{') ? extractFromJson(text, options) : extractFromXml(text, options);
    return {
      title: feed.title ?? '',
      items: (feed.entries ?? []).map((e) => {
        const time = e.published ? Date.parse(e.published) : Number.NaN;
        return { title: e.title ?? '', link: e.link || null, published: Number.isNaN(time) ? null : time };
      }),
    };
  },
};

/** Milliseconds for one parser over all `files`; refusing a file is part of the work. */
export function timeParser(parser: FeedParser, files: readonly FeedFile[]): number {
  const started = performance.now();
  for (const file of files) {
    try {
      parser.parse(file);
    } catch {
      // Refused: counted in the time all the same.
    }
  }
  return performance.now() - started;
}
