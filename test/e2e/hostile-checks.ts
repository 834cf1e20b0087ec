/**
 * The checks every hostile page must pass, as a list of problems (empty when all pass), so the
 * same code judges News Tracker and the negative-control builds that must fail it:
 * - the page still works: its own timer keeps ticking (test/fixtures/hostile/page-alive.js) and
 *   it saw no error or refused policy of its own;
 * - no uncaught error anywhere, in the page or the extension (error-guard.ts);
 * - the extension ran, and none of its main-thread tasks took LONG_TASK_MS or more (trace.ts).
 */
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { evaluateIsolated } from './isolated-world';
import { type ExtensionTasks, LONG_TASK_MS, traceExtensionTasks } from './trace';

export interface PageStatus {
  ticks: number;
  checks: Record<string, unknown>;
  errors: string[];
}

/** The page's own report (page-alive.js), read through Playwright's isolated world. */
export async function readPageStatus(page: Page): Promise<PageStatus> {
  return JSON.parse((await page.locator('#page-status').textContent({ timeout: 5000 })) ?? '{}') as PageStatus;
}

/** The page's timer fires every 20 ms: in half a second a working page ticks about 25 times. */
const ALIVE_WINDOW_MS = 500;
const MIN_TICKS = 5;

export interface Visit {
  page: Page;
  tasks: ExtensionTasks;
  status: PageStatus;
  problems: string[];
}

/**
 * Opens `path` under a trace, runs `until` (waiting for the page and the extension to be done),
 * lets the page run on, and lists every problem found.
 */
export async function visitHostilePage(
  harness: Harness,
  path: string,
  until: (page: Page) => Promise<void>,
): Promise<Visit> {
  const errorsBefore = harness.errors.errors().length;
  const page = await harness.browser.context.newPage();
  const tasks = await traceExtensionTasks(page, async () => {
    await page.goto(harness.server.url(path));
    await until(page);
    await page.waitForTimeout(300);
  });
  const problems: string[] = [];
  const first = await readPageStatus(page);
  await page.waitForTimeout(ALIVE_WINDOW_MS);
  const status = await readPageStatus(page);
  const ticks = status.ticks - first.ticks;
  if (ticks < MIN_TICKS) problems.push(`the page's timer ticked ${ticks} times in ${ALIVE_WINDOW_MS} ms`);
  for (const error of status.errors) problems.push(`the page saw: ${error}`);
  for (const error of harness.errors.errors().slice(errorsBefore)) problems.push(error);
  if (tasks.taskMs.length === 0) problems.push('the extension never ran on the page');
  if (tasks.longestMs >= LONG_TASK_MS) {
    problems.push(
      `an extension task took ${tasks.longestMs.toFixed(1)} ms of CPU (longest: ${tasks.taskMs.slice(0, 3).join(', ')}; wall ${tasks.wallMs.slice(0, 3).join(', ')})`,
    );
  }
  // The figures, for the test log: how long the extension held the page's main thread.
  console.info(
    `${path}: ${tasks.taskMs.length} extension tasks, longest ${tasks.longestMs.toFixed(1)} ms CPU (${tasks.longestWithGcMs.toFixed(1)} ms with garbage collection, ${(tasks.wallMs[0] ?? 0).toFixed(1)} ms wall at most)`,
  );
  return { page, tasks, status, problems };
}

/**
 * How many times each text is highlighted as a reader meets it, on a page too long to be painted
 * at once (only mentions near the screen are): every text node holding one of `words` is
 * scrolled to, and once a highlight starts in it (or two seconds have passed) everything
 * painted then is noted; the counts are of every range noted on the way, each once. Run in a
 * fresh isolated world, so a hostile page's patched built-ins play no part.
 */
export function countHighlightsAsRead(page: Page, words: string[]): Promise<Record<string, number>> {
  return evaluateIsolated(
    page,
    async (wanted: string[]) => {
      const seen = new Map<Node, Map<number, string>>();
      const painted = () => [...CSS.highlights.values()].filter((h) => h.priority === 0).flatMap((h) => [...h]);
      const note = () => {
        for (const r of painted()) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const inNode = seen.get(r.startContainer) ?? new Map<number, string>();
          inNode.set(r.startOffset, range.toString());
          seen.set(r.startContainer, inNode);
        }
      };
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const holders: Text[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (wanted.some((w) => (n as Text).data.includes(w))) holders.push(n as Text);
      }
      note();
      for (const node of holders) {
        node.parentElement?.scrollIntoView({ block: 'center' });
        const until = performance.now() + 2000;
        while (performance.now() < until && !painted().some((r) => r.startContainer === node)) await frame();
        note();
      }
      scrollTo(0, 0);
      const counts: Record<string, number> = {};
      for (const inNode of seen.values()) for (const text of inNode.values()) counts[text] = (counts[text] ?? 0) + 1;
      return counts;
    },
    words,
  );
}
