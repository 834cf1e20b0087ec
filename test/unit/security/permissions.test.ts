import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUsingPermission, type Manifest, manifestProblems } from './manifest-audit';

function readBuilt(dir: string): Manifest {
  const file = `.output/${dir}/manifest.json`;
  if (!existsSync(file)) throw new Error(`No ${file}: run \`npm run build\` (and \`npm run build:firefox\`) first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The extension's own code: everything bundled into it. */
function readSources(): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.tsx?$/u.test(name)) sources.set(file, readFileSync(file, 'utf8'));
    }
  };
  for (const dir of ['entrypoints', 'utils', 'components']) walk(dir);
  return sources;
}

const sources = readSources();
const readme = readFileSync('README.md', 'utf8');
const chrome = readBuilt('chrome-mv3');

describe('the manifest asks only for the permissions it uses', () => {
  it.each(chrome.permissions ?? [])('%s is used in the code', (permission) => {
    const where = filesUsingPermission(permission, sources);
    // Listed in the report so a reviewer sees where each permission is needed.
    console.info(`${permission}: ${where.join(', ')}`);
    expect(where.length).toBeGreaterThan(0);
  });

  it.each(['chrome-mv3', 'firefox-mv3'])('the built %s manifest passes the audit', (dir) => {
    expect(manifestProblems(readBuilt(dir), sources, readme)).toEqual([]);
  });

  it('catches a manifest that asks for too much or too little (negative controls)', () => {
    const greedy: Manifest = {
      ...chrome,
      permissions: [...(chrome.permissions ?? []), 'history', 'tabs'],
      host_permissions: ['<all_urls>'],
      web_accessible_resources: [{ resources: ['panel.html'], matches: ['<all_urls>'] }],
      externally_connectable: { matches: ['https://*.example/*'] },
      content_scripts: [{ matches: ['<all_urls>'] }],
    };
    expect(manifestProblems(greedy, sources, readme)).toEqual([
      'the manifest asks for host permissions on <all_urls>',
      'permission history is never used',
      'permission history has no reason in the README',
      'permission tabs is not one this audit knows how to check',
      'permission tabs has no reason in the README',
      'the manifest lets web pages load its files (and so detect it)',
      'the manifest accepts messages from web pages or other extensions',
      'a content script runs on <all_urls>',
    ]);
    const withIdle = new Map([...sources, ['utils/sneaky.ts', 'browser.idle.queryState(60)']]);
    expect(manifestProblems(chrome, withIdle, readme)).toEqual(['browser.idle is used without its permission']);
    // Firefox's Manifest V2 lists host patterns among the permissions: the same rules apply.
    const firefoxGreedy: Manifest = { ...chrome, host_permissions: undefined, permissions: ['storage', 'file:///*'] };
    expect(manifestProblems(firefoxGreedy, sources, readme)).toContain(
      'the manifest asks for host permissions on file:///*',
    );
    const unexplained = readme.replace(/^\| host permissions .*$/mu, '');
    expect(manifestProblems(chrome, sources, unexplained)).toEqual(['host permissions have no reason in the README']);
    const quietReadme = readme.replace(/^\| `notifications` \|.*$/mu, '');
    expect(manifestProblems(chrome, sources, quietReadme)).toEqual([
      'permission notifications has no reason in the README',
    ]);
  });
});
