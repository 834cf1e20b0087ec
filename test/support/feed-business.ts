/**
 * The hand-labelled feed items of test/fixtures/feeds/business-labels.json joined to their texts
 * in ../shared/corpora/feeds: each item read the way the extension reads it (utils/feeds/parse.ts,
 * then utils/feeds/stories.ts: the title and the lead), with its publisher for grouped
 * cross-validation. The labels name items by feed id and canonical link; the texts stay in the
 * corpus.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeedBytes } from '../../utils/feeds/parse';
import { storiesFromFeed } from '../../utils/feeds/stories';
import { feedCorpusDir, feedUrlOf, readFeedFiles } from './feed-corpus';

export const FEED_LABELS_FILE = path.resolve('test/fixtures/feeds/business-labels.json');

interface FeedLabels {
  publisher: string;
  lang: string;
  business: string[];
  other: string[];
}

export interface LabelledFeedItem {
  /** `<feed id>|<canonical link>`. */
  key: string;
  /** The item's canonical link, which the extension's classifier also reads (its path). */
  url: string;
  publisher: string;
  lang: string;
  title: string;
  /** The lead: the item's summary, or the start of its content. */
  text: string;
  business: boolean;
}

export interface FeedItemSet {
  items: LabelledFeedItem[];
  /** Labelled items the corpus no longer has (a feed missing, or an item it no longer lists). */
  missing: number;
}

/** Null without the corpus. */
export function readLabelledFeedItems(corporaDir: string, labelsFile = FEED_LABELS_FILE): FeedItemSet | null {
  const dir = feedCorpusDir(corporaDir);
  if (!dir) return null;
  const labels = (JSON.parse(readFileSync(labelsFile, 'utf8')) as { feeds: Record<string, FeedLabels> }).feeds;
  const files = new Map(readFeedFiles(dir).map((file) => [file.id, file]));
  const items: LabelledFeedItem[] = [];
  let missing = 0;
  for (const [id, feed] of Object.entries(labels)) {
    const file = files.get(id);
    const stories = file ? storiesFromFeed(parseFeedBytes(file.bytes, feedUrlOf(file)), Date.now()).stories : [];
    const byUrl = new Map(stories.map((story) => [story.url, story]));
    for (const [business, urls] of [
      [true, feed.business],
      [false, feed.other],
    ] as const) {
      for (const url of urls) {
        const story = byUrl.get(url);
        if (!story) {
          missing += 1;
          continue;
        }
        const { publisher, lang } = feed;
        items.push({ key: `${id}|${url}`, url, publisher, lang, title: story.title, text: story.lead, business });
      }
    }
  }
  return { items, missing };
}

/**
 * Publishers dealt to `folds` folds, largest first to the fold with fewest items, so no
 * publisher is on both sides of a split and the folds are about the same size.
 */
export function publisherFolds(items: readonly LabelledFeedItem[], folds: number): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const item of items) sizes.set(item.publisher, (sizes.get(item.publisher) ?? 0) + 1);
  const loads = new Array<number>(folds).fill(0);
  const foldOf = new Map<string, number>();
  for (const [publisher, size] of [...sizes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const fold = loads.indexOf(Math.min(...loads));
    foldOf.set(publisher, fold);
    loads[fold] = (loads[fold] as number) + size;
  }
  return foldOf;
}
