import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'news-tracker-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, args: string[]): Array<Record<string, unknown>> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: work },
  });
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('npm run analyze', () => {
  it('prints one line per page, and an error line for what it cannot read, then carries on', () => {
    const fixture = path.resolve('test/fixtures/article/news-jsonld.html');
    writeFileSync(
      path.join(work, 'pages.jsonl'),
      [
        JSON.stringify({ id: 'a', file: fixture, url: 'https://ledger.example/business/2025/03/18/harbour' }),
        'not json',
        JSON.stringify({ id: 'b', file: 'missing.html', url: 'https://x.example/' }),
        JSON.stringify({ id: 'c', file: fixture, url: 'not a url' }),
        JSON.stringify({
          id: 'd',
          file: path.resolve('test/fixtures/article/home-page.html'),
          url: 'https://ledger.example/',
        }),
      ].join('\n'),
    );
    const lines = run('scripts/analyze.ts', ['--manifest', 'pages.jsonl']);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({
      id: 'a',
      isArticle: true,
      isBusiness: true,
      title: 'Harbour Freight agrees £2.1bn takeover of rival Coastline Logistics',
      byline: 'Priya Natarajan, Tomás Ferreira',
      siteName: 'The Morning Ledger',
      publishedTime: '2025-03-18T07:45:00.000Z',
      lang: 'en-GB',
      section: 'Business',
    });
    expect(lines[0]?.textLength).toBeGreaterThan(1000);
    expect(lines[1]).toEqual({ id: null, error: 'line 2: not valid JSON' });
    expect(lines[2]?.error).toMatch(/^line 3: no such file: .*missing\.html$/);
    expect(lines[3]).toEqual({ id: 'c', error: 'line 4: "url" is not an absolute URL: not a url' });
    expect(lines[4]).toMatchObject({ id: 'd', isArticle: false });
  }, 60_000);
});

describe('npm run classify', () => {
  it('scores each text line and reports bad lines', () => {
    writeFileSync(
      path.join(work, 'texts.jsonl'),
      [
        JSON.stringify({ id: 1, title: 'Bank raises interest rates', text: 'Markets fell as the bank raised rates.' }),
        JSON.stringify({ id: 2, title: 'Striker signs new deal', text: 'The club confirmed the three-year contract.' }),
        JSON.stringify({ title: 'no id' }),
      ].join('\n'),
    );
    const lines = run('scripts/classify.ts', ['texts.jsonl']);
    expect(lines[0]).toMatchObject({ id: 1, isBusiness: true });
    expect(lines[1]).toMatchObject({ id: 2, isBusiness: false });
    expect(typeof lines[0]?.score).toBe('number');
    expect(lines[2]).toEqual({ id: null, error: 'line 3: "id" must be a string or a number' });
  }, 60_000);

  it('reads texts as feed items with --feed-items, with the short-text model', () => {
    writeFileSync(
      path.join(work, 'items.jsonl'),
      [
        JSON.stringify({
          id: 'a',
          title: 'Israel moves to claim West Bank land',
          text: 'Settlers entered the village.',
        }),
        JSON.stringify({ id: 'b', title: 'Chipmaker shares fall after profit warning', text: 'It cut its forecast.' }),
      ].join('\n'),
    );
    const asItems = run('scripts/classify.ts', ['--feed-items', 'items.jsonl']);
    expect(asItems[0]).toMatchObject({ id: 'a', isBusiness: false });
    expect(asItems[1]).toMatchObject({ id: 'b', isBusiness: true });
    // The two models score the same text differently: the flag is read.
    const asPages = run('scripts/classify.ts', ['items.jsonl']);
    expect(asPages[0]?.score).not.toBe(asItems[0]?.score);
  }, 60_000);
});
