/**
 * Cooperative time slicing: long work checks `due()` between small steps and, when its slice
 * is used up, awaits `pause()` so the page can handle input and paint. The longest slice is
 * kept, so the benchmark can prove no task of ours blocked the page for long.
 */

export interface Slicer {
  /** True when the current slice has run for its budget. Cheap enough to call per step. */
  due(): boolean;
  /** Ends the slice and waits (by default for the page's queued tasks, see yieldToPage). */
  pause(wait?: () => Promise<void>): Promise<void>;
  /** Longest uninterrupted slice so far, in milliseconds (including the one now running). */
  longestSlice(): number;
}

interface TaskScheduler {
  postTask(task: () => void, options: { priority: 'user-visible' }): Promise<void>;
}

/**
 * Lets the page run before the next piece of work, which waits in a task of its own behind the
 * page's: its input and paint, and its own timers too. (scheduler.yield() would not do: its
 * continuations go ahead of the page's tasks, so a page's timers starve until all our work is done.)
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => {}, { priority: 'user-visible' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Waits for the browser's next idle moment, which comes after it has drawn the frame that applies
 * any style changes pending (or after `timeoutMs`, in a tab that draws no frames).
 */
export function afterRendering(timeoutMs = 200): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return yieldToPage();
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: timeoutMs }));
}

export function createSlicer(budgetMs = 8, now: () => number = () => performance.now()): Slicer {
  let sliceStart = now();
  let longest = 0;
  const close = () => {
    longest = Math.max(longest, now() - sliceStart);
  };
  return {
    due() {
      return now() - sliceStart >= budgetMs;
    },
    async pause(wait = yieldToPage) {
      close();
      await wait();
      sliceStart = now();
    },
    longestSlice() {
      close();
      return longest;
    },
  };
}
