/** Reads one file of ../shared/corpora/feeds (never copied into the repository). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FEEDS = path.resolve(process.env.NEWS_TRACKER_CORPORA ?? '../shared/corpora', 'feeds', 'files');

export function sharedFeed(id: string, ext = 'xml'): Uint8Array {
  return readFileSync(path.join(FEEDS, `${id}.${ext}`));
}
