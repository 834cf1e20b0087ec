import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/static-server';
import { traceExtensionTasks } from './trace';

describe('long-task guard', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('catches a content script that blocks the page for 120 ms (negative control)', async () => {
    const server = await startStaticServer('test/fixtures');
    const browser = await launchWithExtension({ extensionDir: path.resolve('test/fixtures/slow-extension') });
    cleanups.push(browser.close, server.close);
    const page = await browser.context.newPage();
    const tasks = await traceExtensionTasks(page, async () => {
      await page.goto(server.url('/pages/not-an-article.html'));
      await page.waitForTimeout(500);
    });
    expect(tasks.longestMs).toBeGreaterThanOrEqual(115);
  });

  it('sees News Tracker reject a page that is not an article in a few milliseconds', async () => {
    const server = await startStaticServer('test/fixtures');
    const browser = await launchWithExtension();
    cleanups.push(browser.close, server.close);
    const page = await browser.context.newPage();
    const tasks = await traceExtensionTasks(page, async () => {
      await page.goto(server.url('/pages/not-an-article.html'));
      await page.waitForTimeout(500);
    });
    expect(tasks.taskMs.length).toBeGreaterThan(0);
    expect(tasks.longestMs).toBeLessThan(50);
  });
});
