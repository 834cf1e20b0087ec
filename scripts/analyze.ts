/**
 * `npm run analyze -- --manifest pages.jsonl`: runs the extension's own article code on saved
 * pages. Each manifest line is `{"id","file","url"}` (`file` relative to the manifest's folder,
 * or to the folder the command was started from); each output line is one JSON object:
 * `{"id","isArticle","isBusiness","businessScore","title","byline","siteName","publishedTime",
 * "modifiedTime","canonicalUrl","lang","section","excerpt","textLength"}`, or `{"id","error"}`
 * for a line or page it could not read (and it carries on with the next).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeDocument } from './lib/analyze-page';
import { readHtmlFile, withDocument } from './lib/html-file';

interface ManifestEntry {
  id: string;
  file: string;
  url: string;
}

/** npm runs scripts from the package root; relative paths mean the caller's folder. */
const callerDir = process.env.INIT_CWD ?? process.cwd();

function parseEntry(line: string, lineNumber: number): ManifestEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`line ${lineNumber}: not valid JSON`);
  }
  const entry = value as Partial<ManifestEntry> | null;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new Error(`line ${lineNumber}: expected an object with "id", "file" and "url"`);
  }
  for (const key of ['id', 'file', 'url'] as const) {
    if (typeof entry[key] !== 'string' || entry[key] === '') {
      throw new Error(`line ${lineNumber}: "${key}" must be a non-empty string`);
    }
  }
  try {
    new URL(entry.url as string);
  } catch {
    throw new Error(`line ${lineNumber}: "url" is not an absolute URL: ${entry.url}`);
  }
  return entry as ManifestEntry;
}

function locate(file: string, manifestDir: string): string {
  if (path.isAbsolute(file)) return file;
  const besideManifest = path.resolve(manifestDir, file);
  return existsSync(besideManifest) ? besideManifest : path.resolve(callerDir, file);
}

function idOf(line: string): string | null {
  try {
    const id = (JSON.parse(line) as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

function main(): number {
  const args = process.argv.slice(2);
  const at = args.indexOf('--manifest');
  const manifestArg = at >= 0 ? args[at + 1] : undefined;
  if (!manifestArg) {
    console.error('Usage: npm run analyze -- --manifest pages.jsonl   (one {"id","file","url"} per line)');
    return 2;
  }
  const manifest = path.resolve(callerDir, manifestArg);
  if (!existsSync(manifest)) {
    console.error(`No manifest at ${manifest}`);
    return 2;
  }
  const lines = readFileSync(manifest, 'utf8').split(/\r?\n/u);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const entry = parseEntry(line, i + 1);
      const file = locate(entry.file, path.dirname(manifest));
      if (!existsSync(file)) throw new Error(`line ${i + 1}: no such file: ${file}`);
      const html = readHtmlFile(file);
      const analysis = withDocument(html, entry.url, (document) => analyzeDocument(document, entry.url));
      console.log(JSON.stringify({ id: entry.id, ...analysis }));
    } catch (error) {
      console.log(JSON.stringify({ id: idOf(line), error: error instanceof Error ? error.message : String(error) }));
    }
  });
  return 0;
}

process.exitCode = main();
