/**
 * `npm run eval`: measures News Tracker against the real pages and texts in ../shared/corpora,
 * beside named baselines run on the same data in the same run. Each module in scripts/eval/
 * (a file ending in .eval.ts exporting `{ title, run(corporaDir) }`) prints its own table.
 * Without ../shared/corpora it says so and exits cleanly.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface EvalModule {
  title: string;
  run(corporaDir: string): Promise<void>;
}

export const CORPORA_DIR = path.resolve(process.env.NEWS_TRACKER_CORPORA ?? '../shared/corpora');

async function main(): Promise<void> {
  if (!existsSync(CORPORA_DIR)) {
    console.log(`No corpora at ${CORPORA_DIR}: skipping the evaluation (set NEWS_TRACKER_CORPORA to point elsewhere).`);
    return;
  }
  const dir = path.resolve('scripts/eval');
  const only = process.argv[2];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.eval.ts'))
    .sort()) {
    if (only && !file.includes(only)) continue;
    const mod = (await import(path.join(dir, file))).default as EvalModule;
    console.log(`\n## ${mod.title}`);
    await mod.run(CORPORA_DIR);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
