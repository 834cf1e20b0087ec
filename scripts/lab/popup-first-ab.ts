/**
 * Lab, not a benchmark: the popup's first suggestion request in fresh browsers, two builds taking
 * turns, so a change to the popup's side can be told from the noise of a shared 2-core machine.
 *
 *   npx tsx scripts/lab/popup-first-ab.ts DIR_A DIR_B
 *
 * Each DIR is a built extension (a copy of .output/chrome-mv3). NEWS_TRACKER_RUNS (default 10)
 * fresh browsers each; NEWS_TRACKER_TRACKED=1 tracks a company first. Prints each build's times
 * and their median.
 */

import { timeInFreshBrowser } from '../bench/suggest.bench';
import { median } from '../lib/figures';
import { startStaticServer } from '../lib/static-server';

const dirs = process.argv.slice(2);
if (dirs.length === 0) throw new Error('Give one or more built extension folders.');
const runs = Number(process.env.NEWS_TRACKER_RUNS ?? 10);
const tracked = process.env.NEWS_TRACKER_TRACKED === '1';
const server = await startStaticServer('test/fixtures');
const times = new Map<string, number[]>(dirs.map((d) => [d, []]));
try {
  for (let i = 0; i < runs; i++) {
    for (const dir of dirs) times.get(dir)?.push((await timeInFreshBrowser(server, 0, tracked, dir)).first);
  }
} finally {
  await server.close();
}
for (const [dir, ms] of times) {
  console.log(`${dir}: median ${median(ms).toFixed(1)} ms  (${ms.map((m) => m.toFixed(1)).join(', ')})`);
}
