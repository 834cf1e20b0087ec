/**
 * Negative controls for the hostile-page checks (hostile-checks.ts): builds that break a page
 * in the ways those checks look for, each of which the checks must report. (The long-task check
 * has its own control in long-task-guard.e2e.ts.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHarness } from './harness';
import { visitHostilePage } from './hostile-checks';

async function problemsWith(extension: string): Promise<string[]> {
  const harness = await startHarness({ extensionDir: path.resolve('test/fixtures', extension) });
  try {
    const visit = await visitHostilePage(harness, '/hostile/closed-shadow.html', (page) => page.waitForTimeout(1000));
    return visit.problems;
  } finally {
    await harness.close();
  }
}

describe('the hostile-page checks', () => {
  it('catch an extension whose content script throws (negative control)', async () => {
    const problems = await problemsWith('throwing-extension');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^extension error in .*closed-shadow\.html: Uncaught Error: content script failure$/u),
        expect.stringMatching(/^extension error in .*: Uncaught \(in promise\) Error: content script rejection$/u),
      ]),
    );
  });

  it('catch an extension that stops the page’s own script (negative control)', async () => {
    expect(await problemsWith('vandal-extension')).toContainEqual(
      expect.stringMatching(/^the page's timer ticked 0 times in 500 ms$/u),
    );
  });
});
