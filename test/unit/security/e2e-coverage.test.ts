/**
 * The network guard covers the whole end-to-end suite only if every end-to-end file gets its
 * browser from the harness (test/e2e/harness.ts), which watches every target and fails on a
 * forbidden request. This convention test keeps it so: a new file that launches Chromium any
 * other way is refused, with the file named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const E2E_DIR = 'test/e2e';
const DIRECT_LAUNCH = /\b(launchWithExtension|launchPersistentContext|chromium\.launch|connectOverCDP)\b/u;
const FIREFOX_E2E_DIR = 'test/e2e-firefox';
const FIREFOX_DIRECT_LAUNCH = /\b(launchFirefox|puppeteer\.launch|puppeteer\.connect)\b/u;

/** Why an end-to-end file escapes the harness's guards, or null when it does not. */
function escapesGuards(source: string): string | null {
  const direct = DIRECT_LAUNCH.exec(source)?.[1];
  if (direct) return `launches a browser with ${direct} instead of startHarness()`;
  if (/\bnewPage\(|\bopenExtensionPage\(/u.test(source) && !/\bstartHarness\(/u.test(source)) {
    return 'opens pages without startHarness()';
  }
  return null;
}

describe('every end-to-end test runs under the network guard', () => {
  const files = readdirSync(E2E_DIR).filter((f) => f.endsWith('.e2e.ts'));

  it('finds the end-to-end files', () => {
    expect(files).toEqual(expect.arrayContaining(['privacy.e2e.ts', 'hostile.e2e.ts', 'long-task-guard.e2e.ts']));
  });

  it.each(files)('%s gets its browser from the harness', (file) => {
    expect(escapesGuards(readFileSync(path.join(E2E_DIR, file), 'utf8'))).toBeNull();
  });

  it('the harness arms the network guard on every browser it starts', () => {
    const harness = readFileSync(path.join(E2E_DIR, 'harness.ts'), 'utf8');
    // The test server's origin, and another name for it only when a test asks for one.
    expect(harness).toMatch(/const origins = \[server\.origin\];\n.*if \(plainHttpHost\) origins\.push/u);
    expect(harness).toMatch(/await watchNetwork\(browser\.context, origins\)/u);
    expect(harness).toMatch(/if \(leaks\.length > 0 && !leaksExpected\) throw/u);
  });

  it('catches a file that starts its own browser (negative control)', () => {
    const rogue = `
      import { launchWithExtension } from '../support/chromium';
      it('reads a page', async () => {
        const browser = await launchWithExtension();
        await browser.context.newPage();
      });`;
    expect(escapesGuards(rogue)).toBe('launches a browser with launchWithExtension instead of startHarness()');
    expect(escapesGuards('const page = await someContext.newPage();')).toBe('opens pages without startHarness()');
  });
});

/** Why a Firefox end-to-end file escapes the Firefox harness's guards, or null when it does not. */
function escapesFirefoxGuards(source: string): string | null {
  const direct = FIREFOX_DIRECT_LAUNCH.exec(source)?.[1];
  if (direct) return `launches Firefox with ${direct} instead of startFirefoxHarness()`;
  return /\bstartFirefoxHarness\(/u.test(source) ? null : 'does not start its browser with startFirefoxHarness()';
}

describe('every Firefox end-to-end test runs under the network guard', () => {
  const files = readdirSync(FIREFOX_E2E_DIR).filter((f) => f.endsWith('.e2e.ts'));

  it('finds the Firefox end-to-end files', () => {
    expect(files).toEqual(expect.arrayContaining(['guards.e2e.ts', 'real-pages.e2e.ts', 'highlight.e2e.ts']));
  });

  it.each(files)('%s gets its browser from the Firefox harness', (file) => {
    expect(escapesFirefoxGuards(readFileSync(path.join(FIREFOX_E2E_DIR, file), 'utf8'))).toBeNull();
  });

  it('the Firefox harness routes every browser through the guard and fails on what it saw', () => {
    const harness = readFileSync(path.join(FIREFOX_E2E_DIR, 'harness.ts'), 'utf8');
    expect(harness).toMatch(/prefs: \{ \.\.\.network\.prefs, \.\.\.options\.prefs \}/u);
    expect(harness).toMatch(/if \(leaks\.length > 0 && !leaksExpected\) throw/u);
  });

  it('catches a file that starts its own Firefox (negative control)', () => {
    expect(escapesFirefoxGuards("const browser = await puppeteer.launch({ browser: 'firefox' });")).toBe(
      'launches Firefox with puppeteer.launch instead of startFirefoxHarness()',
    );
    expect(escapesFirefoxGuards("it('reads', () => {});")).toBe(
      'does not start its browser with startFirefoxHarness()',
    );
  });
});
