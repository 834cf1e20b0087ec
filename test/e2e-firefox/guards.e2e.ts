/**
 * Negative control for the Firefox suite's guards: an extension that sends requests off the
 * machine from its background, a content script and one of its pages, and whose content script
 * throws. The network guard must see every request and the error guard both failures.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFirefoxHarness } from './harness';

/** The hosts the guard saw requests to (a CONNECT names host:port, a plain request a URL). */
function hosts(violations: string[]): string[] {
  return [...new Set(violations.map((line) => /(?:http:\/\/)?([a-z.-]+\.invalid)/u.exec(line)?.[1] ?? line))].sort();
}

describe('the Firefox guards', () => {
  it('catch requests off the machine and errors in pages (negative control)', async () => {
    const harness = await startFirefoxHarness({ extensionDir: path.resolve('test/fixtures/firefox-faulty-extension') });
    try {
      await harness.open('/pages/not-an-article.html');
      await harness.firefox.openExtensionPage('page.html');
      await expect
        .poll(() => hosts(harness.network.violations()))
        .toEqual([
          'from-background.leak.invalid',
          'from-content-script.leak.invalid',
          'from-extension-page.leak.invalid',
        ]);
      await expect
        .poll(() => harness.errors.errors())
        .toEqual(
          expect.arrayContaining([
            expect.stringMatching(/not-an-article\.html: Error: content script failure$/u),
            expect.stringMatching(/not-an-article\.html: Error: content script rejection$/u),
          ]),
        );
    } finally {
      await harness.close({ leaksExpected: true, errorsExpected: true });
    }
  });
});
