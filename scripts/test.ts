/**
 * `npm test`: every check a change must pass, in one command.
 *   type check, lint, Chrome and Firefox packages, web-ext lint of the Firefox package (each
 *   counts as one test), then the unit and end-to-end suites (vitest; end-to-end in real
 *   Chromium, then in real Firefox).
 * Ends with the plain line `N passed, N failed`; a skipped test counts as failed, so nothing
 * can be quietly switched off, except in a clone without ../shared/corpora, where the tests that
 * read them skip themselves and this says so. Exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { FIREFOX_INSTALL_HINT, findFirefox } from '../test/e2e-firefox/firefox';
import { findChromium, INSTALL_HINT } from '../test/support/chromium';
import { CORPORA, HAVE_CORPORA } from '../test/support/corpora';

interface Tally {
  passed: number;
  failed: number;
}

const tally: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const ok = spawnSync(command, args, { stdio: 'inherit' }).status === 0;
  if (ok) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(name);
  }
  return ok;
}

interface VitestJson {
  success: boolean;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}

function runVitest(): void {
  const output = '.vitest-results.json';
  rmSync(output, { force: true });
  console.log('\n▶ unit and end-to-end tests: vitest run');
  spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  if (!existsSync(output)) {
    tally.failed += 1;
    failures.push('vitest did not report (crashed before writing results)');
    return;
  }
  const r = JSON.parse(readFileSync(output, 'utf8')) as VitestJson;
  const skipped = r.numPendingTests + r.numTodoTests;
  tally.passed += r.numPassedTests;
  tally.failed += r.numFailedTests;
  if (r.numFailedTests > 0) failures.push(`${r.numFailedTests} vitest test(s)`);
  if (skipped > 0 && !HAVE_CORPORA)
    console.log(`\n${skipped} test(s) skipped: they read real pages and feeds from ${CORPORA}, which is not here.`);
  else if (skipped > 0) {
    tally.failed += skipped;
    failures.push(`${skipped} skipped test(s) (a skipped test counts as failed)`);
  }
  // A file that fails to load has no tests to count, but it is still a failure.
  if (!r.success && r.numFailedTests === 0 && skipped === 0) {
    tally.failed += Math.max(1, r.numFailedTestSuites);
    failures.push('test files that failed to load');
  }
}

try {
  findChromium();
} catch {
  console.error(`\n✖ ${INSTALL_HINT}\n  The end-to-end tests need it and will fail without it.\n`);
}
try {
  findFirefox();
} catch {
  console.error(`\n✖ ${FIREFOX_INSTALL_HINT}\n  The Firefox end-to-end tests need it and will fail without it.\n`);
}

step('type check', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['biome', 'check', '.']);
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
if (step('Firefox package', 'npx', ['wxt', 'zip', '-b', 'firefox'])) {
  // Mozilla's add-on linter, as addons.mozilla.org runs it: fails on errors, prints warnings.
  process.env.NO_UPDATE_NOTIFIER = '1';
  step('Firefox package lint', 'npx', [
    'web-ext',
    'lint',
    '--boring',
    '--source-dir',
    `.output/${name}-${version}-firefox.zip`,
  ]);
} else {
  tally.failed += 1;
  failures.push('web-ext lint not run: the Firefox package failed');
}
// Chrome last: the end-to-end tests load .output/chrome-mv3 from this build.
if (step('Chrome package', 'npx', ['wxt', 'zip'])) runVitest();
else {
  tally.failed += 1;
  failures.push('unit and end-to-end tests not run: the Chrome build failed');
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 ? 1 : 0);
