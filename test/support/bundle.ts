/**
 * Bundles a TypeScript module of this repository into one classic script for a web page, so the
 * benchmarks and evaluations can run the extension's own code (not a copy) inside Chromium with
 * `page.addScriptTag({ content })` or `page.evaluate`. The module's exports land on
 * `globalThis[globalName]`.
 */
import path from 'node:path';
import { build } from 'esbuild';

export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    target: 'es2022',
    platform: 'browser',
    alias: { '@': path.resolve('.') },
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return `${file.text}\nglobalThis.${globalName} = ${globalName};`;
}
