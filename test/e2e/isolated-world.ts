/**
 * Runs a function in a fresh isolated world of a page's top frame, through the DevTools
 * protocol. A hostile page may replace Array, JSON, Promise or DOM methods in its own world,
 * which would break Playwright's page.evaluate; a fresh world has clean built-ins and the same
 * DOM (and the same CSS highlight registry), so tests read the page as it really is.
 */
import type { Page } from 'playwright-core';

export async function evaluateIsolated<A, R>(page: Page, fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
  const session = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await session.send('Page.getFrameTree');
    const { executionContextId } = await session.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'news-tracker-test',
    });
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`Evaluation failed: ${exceptionDetails.exception?.description}`);
    return result.value as Awaited<R>;
  } finally {
    await session.detach().catch(() => {});
  }
}

/** How many times each text is highlighted (document, shadow roots), the focus highlight aside. */
export function countHighlights(page: Page): Promise<Record<string, number>> {
  return evaluateIsolated(
    page,
    () => {
      const counts: Record<string, number> = {};
      for (const highlight of CSS.highlights.values()) {
        if (highlight.priority !== 0) continue;
        for (const r of highlight) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const text = range.toString();
          counts[text] = (counts[text] ?? 0) + 1;
        }
      }
      return counts;
    },
    null,
  );
}
