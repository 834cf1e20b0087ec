import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHarness } from './harness';

describe('network guard', () => {
  it('catches requests from the service worker, an extension page and content scripts (negative control)', async () => {
    const harness = await startHarness({ extensionDir: path.resolve('test/fixtures/leaky-extension') });
    try {
      const page = await harness.browser.context.newPage();
      await page.goto(harness.server.url('/pages/not-an-article.html'));
      await harness.browser.openExtensionPage('page.html');
      const expected = [
        /^service worker chrome-extension:\/\/\w+\/background\.js -> http:\/\/127\.0\.0\.2:9\/from-background$/mu,
        /^extension page chrome-extension:\/\/\w+\/page\.html -> http:\/\/127\.0\.0\.2:9\/from-extension-page$/mu,
        /^content script chrome-extension:\/\/\w+\/content\.js in .* -> http:\/\/127\.0\.0\.2:9\/from-content-script$/mu,
        // Same server as the page: only the initiator stack gives it away.
        /^content script chrome-extension:\/\/\w+\/content\.js in .* -> http:\/\/127\.0\.0\.1:\d+\/.*from-content-script-same-origin$/mu,
      ];
      await expect
        .poll(() => expected.filter((line) => !line.test(harness.network.violations().join('\n'))), { timeout: 5000 })
        .toEqual([]);
    } finally {
      await harness.close({ leaksExpected: true });
    }
  });

  it('sees no request from News Tracker while it reads, records and lists a story', async () => {
    const harness = await startHarness();
    try {
      const options = await harness.openOptions();
      await options.addCompany('Xiaomi');
      const article = await harness.browser.context.newPage();
      await article.goto(harness.server.url('/demo/business-article.html'));
      const popup = await harness.openPopup();
      expect(await popup.storyTitles(1)).toHaveLength(1);
      expect(harness.network.violations()).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
