/**
 * The shared page collections, as lists of pages with their ground truth. Files are read from
 * ../shared/corpora at evaluation time and never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { declaredAddress, READABILITY_PAGE_URL } from '../../test/support/declared-address';
import { readHtmlFile } from '../lib/html-file';

export interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
  excerpt?: string | null;
}

export interface CorpusPage {
  id: string;
  file: string;
  url: string;
  /** True: an article; false: not one; null: left out of detection scores (synthetic fixtures). */
  isArticle: boolean | null;
  kind: string;
  expected: ExpectedMetadata | null;
}

/** Splits one CSV line, honouring double-quoted fields. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

function csvRows(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/u)
    .filter((l) => l.trim().length > 0);
  const header = csvFields(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const fields = csvFields(line);
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
  });
}

export function readabilityPages(corporaDir: string): CorpusPage[] {
  const dir = path.join(corporaDir, 'readability');
  const labels = new Map(csvRows(path.join(dir, 'page-types.csv')).map((r) => [r.page, r]));
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'source.html')))
    .sort()
    .map((name) => {
      const label = labels.get(name);
      const expectedFile = path.join(dir, name, 'expected-metadata.json');
      return {
        id: name,
        file: path.join(dir, name, 'source.html'),
        url: declaredAddress(readHtmlFile(path.join(dir, name, 'source.html'))) ?? READABILITY_PAGE_URL,
        isArticle: label?.label === 'synthetic' ? null : label?.label === 'article',
        kind: label?.type ?? 'unknown',
        expected: existsSync(expectedFile)
          ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as ExpectedMetadata)
          : null,
      };
    });
}

export function nonArticlePages(corporaDir: string): CorpusPage[] {
  const dir = path.join(corporaDir, 'non-articles');
  return csvRows(path.join(dir, 'labels.csv')).map((row) => ({
    id: path.basename(row.file ?? ''),
    file: path.join(dir, row.file ?? ''),
    // Pages saved without their address are served at the one they declare, or a neutral one.
    url: row.url?.startsWith('http')
      ? row.url
      : (declaredAddress(readHtmlFile(path.join(dir, row.file ?? '')), 'http://example.invalid/') ??
        `http://example.invalid/${path.basename(row.file ?? '')}`),
    isArticle: false,
    kind: row.type ?? 'unknown',
    expected: null,
  }));
}
