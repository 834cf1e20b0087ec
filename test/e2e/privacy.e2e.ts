import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/static-server';
import { startHarness } from './harness';
import { watchNetwork } from './network-guard';

describe('network guard', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('catches an extension that sends requests from its service worker and its content script (negative control)', async () => {
    const server = await startStaticServer('test/fixtures');
    const browser = await launchWithExtension({ extensionDir: path.resolve('test/fixtures/leaky-extension') });
    cleanups.push(browser.close, server.close);
    const guard = watchNetwork(browser.context, server.origin);
    const page = await browser.context.newPage();
    await page.goto(server.url('/pages/not-an-article.html'));
    await expect.poll(() => guard.violations().length, { timeout: 5000 }).toBe(2);
    expect(guard.violations().join('\n')).toMatch(/service worker .* -> http:\/\/127\.0\.0\.2:9\/from-background/u);
    expect(guard.violations().join('\n')).toMatch(/frame .* -> http:\/\/127\.0\.0\.2:9\/from-content-script/u);
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
