import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { LONG_TASK_MS, traceExtensionTasks } from './trace';

describe('long-task guard', () => {
  const harnesses: Harness[] = [];
  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
  });

  async function traceNotAnArticle(extensionDir?: string) {
    const harness = await startHarness({ extensionDir });
    harnesses.push(harness);
    const page: Page = await harness.browser.context.newPage();
    return traceExtensionTasks(page, async () => {
      await page.goto(harness.server.url('/pages/not-an-article.html'));
      await page.waitForTimeout(500);
    });
  }

  it('catches a content script that blocks the page for 600 ms (negative control)', async () => {
    const tasks = await traceNotAnArticle(path.resolve('test/fixtures/slow-extension'));
    expect(tasks.longestMs).toBeGreaterThanOrEqual(LONG_TASK_MS);
  });

  it('sees News Tracker reject a page that is not an article in a few milliseconds', async () => {
    const tasks = await traceNotAnArticle();
    expect(tasks.taskMs.length).toBeGreaterThan(0);
    expect(tasks.longestMs).toBeLessThan(LONG_TASK_MS);
  });
});
