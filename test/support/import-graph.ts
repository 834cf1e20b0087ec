/**
 * The repository's import graph, read with TypeScript's own parser (`ts.preProcessFile`: static
 * imports, `import type`, re-exports and dynamic `import()`), for the layering test. Only our
 * own files are nodes; packages are left out. Paths are relative to the repository root.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.tsx?$/u;
const SKIPPED_DIRS = new Set(['node_modules', '.output', '.wxt', '.git']);

function sourceFiles(root: string, dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(path.join(root, dir))) {
    const file = path.join(dir, name);
    if (SKIPPED_DIRS.has(name)) continue;
    if (statSync(path.join(root, file)).isDirectory()) sourceFiles(root, file, found);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) found.push(file.split(path.sep).join('/'));
  }
  return found;
}

/** The file an import names, or null for a package. `@/` is the repository root, as in tsconfig. */
function resolve(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = spec.slice(2);
  else if (spec.startsWith('.')) base = path.posix.join(path.posix.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (SOURCE.test(candidate) && existsSync(path.join(root, candidate))) return path.posix.normalize(candidate);
  }
  return null;
}

/** Every file under `dirs` with the files of ours it imports. */
export function readImportGraph(root: string, dirs: readonly string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const dir of dirs) {
    for (const file of sourceFiles(root, dir)) {
      const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
      const targets = importedFiles.map((i) => resolve(root, file, i.fileName)).filter((t) => t !== null);
      graph.set(file, [...new Set(targets)]);
    }
  }
  return graph;
}

/** Each import cycle once, as the files around it (the first file repeated at the end). */
export function importCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string) => {
    seen.add(file);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!seen.has(next)) visit(next);
      else if (!done.has(next)) cycles.push([...stack.slice(stack.indexOf(next)), next]);
    }
    stack.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!seen.has(file)) visit(file);
  return cycles;
}

/** Every file `start` reaches through its imports, itself included. */
export function reachable(graph: ImportGraph, start: string): Set<string> {
  const found = new Set<string>();
  const walk = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    for (const next of graph.get(file) ?? []) walk(next);
  };
  walk(start);
  return found;
}
