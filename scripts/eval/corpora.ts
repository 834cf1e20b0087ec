/**
 * The shared page collections, as lists of pages with their ground truth. Files are read from
 * ../shared/corpora at evaluation time and never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { declaredAddress, READABILITY_PAGE_URL } from '../../test/support/declared-address';
import { siteOf } from '../../test/support/publisher-site';
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
  /** The collection: "readability", "non-articles" or "news-dev". */
  corpus: string;
  /** The publisher's site (registrable domain), so no site is on both sides of a cross-validation split. */
  site: string;
  /** Language of the main text, where the collection says. */
  lang?: string;
  /** Where the page came from, for per-source results. */
  source?: string;
  /** An article-or-not call the collection itself calls debatable: scored apart. */
  borderline?: boolean;
  /** Fields with ground truth; the others are unknown and not scored. Absent: every field of `expected`. */
  labelled?: string[];
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
      const url = declaredAddress(readHtmlFile(path.join(dir, name, 'source.html'))) ?? READABILITY_PAGE_URL;
      return {
        id: name,
        file: path.join(dir, name, 'source.html'),
        url,
        corpus: 'readability',
        // "nytimes-3" without an address of its own is still The New York Times.
        site: siteOf(url, `readability:${name.replace(/-\d+$/u, '')}`),
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
  return csvRows(path.join(dir, 'labels.csv')).map((row) => {
    const id = path.basename(row.file ?? '');
    // Pages saved without their address are served at the one they declare, or a neutral one.
    const url = row.url?.startsWith('http')
      ? row.url
      : (declaredAddress(readHtmlFile(path.join(dir, row.file ?? '')), 'http://example.invalid/') ??
        `http://example.invalid/${id}`);
    return {
      id,
      file: path.join(dir, row.file ?? ''),
      url,
      corpus: 'non-articles',
      site: siteOf(url, `non-articles:${id}`),
      isArticle: false,
      kind: row.type ?? 'unknown',
      expected: null,
      source: row.source?.split(/[:=]/u)[0],
    };
  });
}

interface NewsDevLabel {
  id: string;
  file: string;
  url: string;
  isArticle: boolean;
  type: string;
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  lang: string;
  site: string;
  labelled: string[];
  borderline: boolean;
}

/** news-dev: articles and news-site pages that are not, with labels only where `labelled` says. */
export function newsDevPages(corporaDir: string): CorpusPage[] {
  const dir = path.join(corporaDir, 'news-dev');
  return readFileSync(path.join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const label = JSON.parse(line) as NewsDevLabel;
      return {
        id: label.id,
        file: path.join(dir, label.file),
        url: label.url,
        corpus: 'news-dev',
        site: label.site || siteOf(label.url, `news-dev:${label.id}`),
        isArticle: label.isArticle,
        kind: label.type,
        expected: label.isArticle
          ? { title: label.title, byline: label.byline, publishedTime: label.publishedTime }
          : null,
        lang: label.lang,
        // "fundus__at__DerStandard_2024_05_03": the part before the first "__".
        source: label.id.split('__')[0],
        borderline: label.borderline,
        labelled: label.labelled,
      };
    });
}
