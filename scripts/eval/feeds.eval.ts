/**
 * Feeds (issue 18): the two parsers compared on every shared feed file (feed-parsers.ts), then
 * the grouping of syndicated copies scored against hand-made labels
 * (test/fixtures/feeds/copy-pairs.json: pairs of items from the shared news and aggregator
 * feeds, "copy" or "different"; unlabelled pairs are different), as pair precision and recall,
 * beside the store's rule alone (same headline) and exact Jaccard at the same threshold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type FeedFile, feedCorpusDir, feedUrlOf, readFeedFiles } from '../../test/support/feed-corpus';
import { areCopies, COPY_SIMILARITY, type CopySignature, copySignature, groupCopies } from '../../utils/feeds/copies';
import { parseFeedBytes } from '../../utils/feeds/parse';
import { storiesFromFeed } from '../../utils/feeds/stories';
import type { EvalModule } from '../eval';
import { parserComparison } from './feed-parsers';
import { type Counts, emptyCounts, precisionRecallF1 } from './scoring';

interface Item {
  id: string;
  title: string;
  signature: CopySignature;
  shingles: Set<string>;
}

const LABELS = path.resolve('test/fixtures/feeds/copy-pairs.json');

function shingles(title: string, lead: string): Set<string> {
  const words =
    `${title} ${lead}`
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 60) ?? [];
  return new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
}

function newsItems(files: FeedFile[]): Item[] {
  const items: Item[] = [];
  for (const file of files.filter((f) => f.kind === 'news' || f.kind === 'aggregator')) {
    try {
      for (const story of storiesFromFeed(parseFeedBytes(file.bytes, feedUrlOf(file)), Date.now()).stories) {
        const { title, lead } = story;
        items.push({
          id: `${file.id}|${story.url}`,
          title,
          signature: copySignature(title, lead),
          shingles: shingles(title, lead),
        });
      }
    } catch {
      // A broken feed has no items to group.
    }
  }
  return items;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

function score(
  items: Item[],
  copies: Set<string>,
  together: (i: number, j: number) => boolean,
  only?: (i: number, j: number) => boolean,
) {
  const counts: Counts = emptyCounts();
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (only && !only(i, j)) continue;
      const expected = copies.has(pairKey((items[i] as Item).id, (items[j] as Item).id));
      const predicted = together(i, j);
      if (expected && predicted) counts.tp += 1;
      else if (predicted) counts.fp += 1;
      else if (expected) counts.fn += 1;
    }
  }
  const m = precisionRecallF1(counts);
  return `${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${counts.tp} right, ${counts.fp} wrong, ${counts.fn} missed`;
}

function groupingReport(items: Item[]): string {
  const labels = JSON.parse(readFileSync(LABELS, 'utf8')) as { pairs: Array<{ a: string; b: string; label: string }> };
  const copies = new Set(labels.pairs.filter((p) => p.label === 'copy').map((p) => pairKey(p.a, p.b)));
  const known = new Set(items.map((i) => i.id));
  const missing = labels.pairs.filter((p) => !known.has(p.a) || !known.has(p.b)).length;
  const groups = groupCopies(items.map((i) => i.signature));
  const sig = (i: number) => (items[i] as Item).signature;
  const rules: Array<[string, (i: number, j: number) => boolean]> = [
    ['News Tracker: groupCopies (MinHash, same numbers in titles)', (i, j) => groups[i] === groups[j]],
    ['baseline: same headline only', (i, j) => sig(i).titleKey !== null && sig(i).titleKey === sig(j).titleKey],
    [
      `exact Jaccard ≥ ${COPY_SIMILARITY} (same rules, no MinHash)`,
      (i, j) =>
        (sig(i).titleKey !== null && sig(i).titleKey === sig(j).titleKey) ||
        (sig(i).titleNumbers === sig(j).titleNumbers &&
          jaccard((items[i] as Item).shingles, (items[j] as Item).shingles) >= COPY_SIMILARITY),
    ],
  ];
  const differentTitles = (i: number, j: number) => !areCopies({ ...sig(i), minhash: [] }, { ...sig(j), minhash: [] });
  return [
    `${items.length} items from the shared news and aggregator feeds; ${copies.size} labelled copy pairs of ${labels.pairs.length} reviewed${missing ? `; ${missing} labelled pairs name items not found` : ''}`,
    '',
    '| grouping | precision | recall | pairs |',
    '| --- | --- | --- | --- |',
    ...rules.map(([name, rule]) => `| ${name} | ${score(items, copies, rule)} |`),
    ...rules
      .filter(([name]) => !name.startsWith('baseline'))
      .map(
        ([name, rule]) => `| ${name}, pairs whose headlines differ | ${score(items, copies, rule, differentTitles)} |`,
      ),
  ].join('\n');
}

const feedsEval: EvalModule = {
  title: 'Feeds: parsers on the shared feeds, and syndicated copies grouped',
  async run(corporaDir) {
    const dir = feedCorpusDir(corporaDir);
    if (!dir) {
      console.log(`No feeds at ${path.join(corporaDir, 'feeds')}: skipped.`);
      return;
    }
    const files = readFeedFiles(dir);
    console.log(parserComparison(files));
    console.log(`\n${groupingReport(newsItems(files))}`);
  },
};

export default feedsEval;
