import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '@/utils/suggest/names';
import { suggestCompanies } from '@/utils/suggest/suggest';

function runCli(lines: string[]) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'suggest-cli-')), 'docs.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/suggest.ts', file], { encoding: 'utf8' });
  return { ...run, file };
}

const DOC = {
  id: 'a1',
  title: 'Nokia wins factory deal',
  text: 'Nokia Oyj agreed on Tuesday to build networks, the company said in a statement. Shares of Nokia rose.',
};

describe('npm run suggest', () => {
  it('prints one line a document with offsets into its text, names each bad line on stderr, and exits with 1', async () => {
    const lines = [JSON.stringify(DOC), 'not json', '{"id": 3}', JSON.stringify({ id: 4, text: 'nothing here' })];
    const { stdout, stderr, status, file } = runCli(lines);
    const [first, fourth, ...rest] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const expected = suggestCompanies(DOC, await loadModel());
    expect(first).toEqual({
      id: 'a1',
      organizations: expected.organizations,
      suggestions: expected.suggestions.map((s) => s.name).slice(0, 5),
    });
    expect(first.suggestions[0]).toBe('Nokia');
    for (const o of first.organizations) expect(DOC.text.slice(o.start, o.end)).toBe(o.text);
    expect(fourth).toEqual({ id: 4, organizations: [], suggestions: [] });
    expect(rest).toEqual([]);
    expect(stderr).toContain(`${file}:2: not JSON`);
    expect(stderr).toContain(`${file}:3: text: expected text`);
    expect(status).toBe(1);
  }, 20_000);
});
