/**
 * Feeds, in Node (the code runs as it will in the service worker: no DOM):
 *
 *   feeds.parse.ms          every file of ../shared/corpora/feeds (153: feeds, malformed files,
 *                           OPML lists), bytes to items with utils/feeds (feedsmith); the median
 *                           of 9 runs; baseline: @extractus/feed-extractor on the same bytes,
 *                           decoded the same way, runs interleaved. Skipped without the corpus.
 *   feeds.group.n5000.ms    groupCopies on 5,000 generated stories (a few days of many feeds),
 *                           signatures included; baseline: exact Jaccard on every pair of the
 *                           same stories (the plain way, quadratic).
 *   feeds.group.n500000.ms  groupCopies on 500,000 generated stories, a year at the issue's
 *                           scale; the plain way would compare 1.25 × 10^11 pairs, 10^4 times
 *                           the 5,000 case, so it has no figure of its own.
 *
 * Generated stories draw titles and leads from a seeded vocabulary; one in twenty is a copy of
 * an earlier one with a tenth of its words changed, as syndicated copies are.
 */
import path from 'node:path';
import {
  EXTRACTUS_PARSER,
  feedCorpusDir,
  NEWS_TRACKER_PARSER,
  readFeedFiles,
  timeParser,
} from '../../test/support/feed-corpus';
import { seededRandom } from '../../test/support/seeded-random';
import { copySignature, groupCopies } from '../../utils/feeds/copies';
import type { BenchModule } from '../bench';
import { median } from '../lib/figures';

const CORPORA = path.resolve(process.env.NEWS_TRACKER_CORPORA ?? '../shared/corpora');
const RUNS = 9;
const SEED = 20260218;

interface Story {
  title: string;
  lead: string;
}

function generatedStories(count: number): Story[] {
  const next = seededRandom(SEED);
  const letters = (n: number) =>
    Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('');
  // As in text, the commonest words are short ("of", "the") and most words are long and rare.
  const vocabulary = Array.from({ length: 50_000 }, (_, rank) => letters(rank < 60 ? 2 + (rank % 2) : 4 + (rank % 7)));
  // Zipf's law: the word of rank r turns up about 1/r as often as the commonest one.
  const word = () => vocabulary[Math.floor(vocabulary.length ** next()) - 1] as string;
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  const stories: Story[] = [];
  for (let i = 0; i < count; i++) {
    const source = i > 0 && next() < 0.05 ? stories[Math.floor(next() * i)] : undefined;
    if (!source) {
      stories.push({ title: phrase(8 + Math.floor(next() * 6)), lead: phrase(25 + Math.floor(next() * 20)) });
      continue;
    }
    const edit = (text: string) =>
      text
        .split(' ')
        .map((w) => (next() < 0.1 ? word() : w))
        .join(' ');
    stories.push({ title: edit(source.title), lead: edit(source.lead) });
  }
  return stories;
}

function timeGrouping(stories: Story[]): number {
  const started = performance.now();
  groupCopies(stories.map((s) => copySignature(s.title, s.lead)));
  return performance.now() - started;
}

function timePairwise(stories: Story[]): number {
  const started = performance.now();
  const sets = stories.map((s) => {
    const words = `${s.title} ${s.lead}`.split(' ');
    return new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
  });
  let copies = 0;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i] as Set<string>;
      const b = sets[j] as Set<string>;
      let shared = 0;
      for (const s of a) if (b.has(s)) shared += 1;
      if (shared / (a.size + b.size - shared) >= 0.4) copies += 1;
    }
  }
  if (copies < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return performance.now() - started;
}

const feedsBench: BenchModule = {
  title: 'Feeds: parsing the shared feeds, grouping copies',
  prefixes: ['feeds.parse', 'feeds.group'],
  async run(ctx) {
    const dir = feedCorpusDir(CORPORA);
    if (ctx.wants('feeds.parse.ms') && dir) {
      const files = readFeedFiles(dir);
      const ours: number[] = [];
      const theirs: number[] = [];
      timeParser(NEWS_TRACKER_PARSER, files);
      timeParser(EXTRACTUS_PARSER, files);
      for (let r = 0; r < RUNS; r++) {
        ours.push(timeParser(NEWS_TRACKER_PARSER, files));
        theirs.push(timeParser(EXTRACTUS_PARSER, files));
      }
      ctx.record({
        name: 'feeds.parse.ms',
        value: median(ours),
        unit: 'ms',
        baseline: { name: '@extractus/feed-extractor, same files', value: median(theirs) },
      });
    } else if (ctx.wants('feeds.parse.ms')) console.log(`No feeds under ${CORPORA}: feeds.parse.ms skipped.`);
    if (ctx.wants('feeds.group.n5000.ms')) {
      const stories = generatedStories(5_000);
      ctx.record({
        name: 'feeds.group.n5000.ms',
        value: median([1, 2, 3].map(() => timeGrouping(stories))),
        unit: 'ms',
        baseline: { name: 'exact Jaccard on every pair', value: timePairwise(stories) },
      });
    }
    if (ctx.wants('feeds.group.n500000.ms')) {
      ctx.record({
        name: 'feeds.group.n500000.ms',
        value: timeGrouping(generatedStories(500_000)),
        unit: 'ms',
        baseline: null,
      });
    }
  },
};

export default feedsBench;
