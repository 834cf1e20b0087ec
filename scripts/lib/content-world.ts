/**
 * The extension content script's isolated world in a page, found through DevTools: the bench
 * times the content script's start there, and tests read what the content script keeps there.
 */
import type { Page } from 'playwright-core';

export interface ContentScriptWorld {
  evaluate<T>(expression: string): Promise<T>;
}

/** Loads `url` in `page` and waits for the content script of `extensionId` to start in its top frame. */
export async function openInContentScriptWorld(
  page: Page,
  extensionId: string,
  url: string,
): Promise<ContentScriptWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; frameId?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  await page.goto(url);
  // The top frame's world: a page's frames get the content script too, often sooner.
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const top = frameTree.frame.id;
  const deadline = Date.now() + 15_000;
  let world: number | undefined;
  while (world === undefined && Date.now() < deadline) {
    world = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.auxData.frameId === top && c.origin.includes(extensionId),
    )?.id;
    if (world === undefined) await new Promise((r) => setTimeout(r, 100));
  }
  if (world === undefined) throw new Error('The content script’s isolated world never appeared');
  const contextId = world;
  return {
    async evaluate<T>(expression: string) {
      const result = await cdp.send('Runtime.evaluate', {
        expression,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      });
      if (result.exceptionDetails)
        throw new Error(`In the content script's world: ${JSON.stringify(result.exceptionDetails)}`);
      return result.result.value as T;
    },
  };
}
