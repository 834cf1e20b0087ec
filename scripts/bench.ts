/**
 * `npm run bench [-- --only PATTERN]`: runs every benchmark module in scripts/bench/, prints
 * each figure beside its named baseline from the same run, and writes all figures to
 * bench-results.json. A module is a file exporting `{ title, run(ctx) }`; PATTERN is a regular
 * expression matched against figure names (a module whose figures all miss still starts, and
 * should ask `ctx.wants(name)` before doing expensive work).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Figure, formatFigure } from './lib/figures';

export interface BenchContext {
  wants(figureName: string): boolean;
  record(figure: Figure): void;
}

export interface BenchModule {
  title: string;
  /** Figure-name prefixes the module produces, to skip whole modules that --only excludes. */
  prefixes: string[];
  run(ctx: BenchContext): Promise<void>;
}

function parseOnly(argv: string[]): RegExp | null {
  const i = argv.indexOf('--only');
  const pattern = i >= 0 ? argv[i + 1] : undefined;
  return pattern ? new RegExp(pattern, 'u') : null;
}

/**
 * Whether --only could select figures named under `prefix`: the pattern matches the prefix, is a
 * start of it ("stor"), or names something below it ("store.bytes_per_story", "^store\\.save").
 */
function mayMatchUnder(only: RegExp, prefix: string): boolean {
  const literal = only.source.replace(/^\^/u, '').replace(/\\\./gu, '.');
  return only.test(prefix) || prefix.startsWith(literal) || literal.startsWith(prefix);
}

async function main(): Promise<void> {
  const only = parseOnly(process.argv.slice(2));
  const figures: Figure[] = [];
  const dir = path.resolve('scripts/bench');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  for (const file of files) {
    const mod = (await import(path.join(dir, file))).default as BenchModule;
    if (only && !mod.prefixes.some((p) => mayMatchUnder(only, p))) continue;
    console.log(`\n## ${mod.title}`);
    await mod.run({
      wants: (name) => !only || only.test(name),
      record(figure) {
        if (only && !only.test(figure.name)) return;
        figures.push(figure);
        console.log(formatFigure(figure));
      },
    });
  }
  writeFileSync('bench-results.json', `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\n${figures.length} figures written to bench-results.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
