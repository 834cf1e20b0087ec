/**
 * Measures how long the extension blocks a page's main thread, from a DevTools trace.
 * A task counts as the extension's when a script event inside it (evaluating, calling or timing
 * a function) names a chrome-extension:// URL. Browser timers in the page are too coarse and
 * the page cannot see into the extension's isolated world, so the trace is the honest source.
 *
 * A task's length is the main thread's CPU time in it (the trace's thread duration), not its
 * wall time: on a shared two-core test machine a 10 ms task is often descheduled for hundreds
 * of milliseconds, which says nothing about the extension. Busy work, style and layout count,
 * so a slow content script is still caught (see the negative control). V8's garbage collections
 * are kept apart: how long one takes depends on the page's whole heap (200,000 DOM nodes on one
 * hostile page) and on when V8 runs it, not on the task it lands in, so the longest task with
 * them is reported beside the figure the limit applies to. Wall times are kept for the record.
 *
 * The extension's part of a task runs from its first script event to the task's end. A page's
 * own task often ends with a call into the extension: its MutationObserver callback runs in the
 * microtask checkpoint of the task that changed the DOM, so a page that spends 40 ms building
 * itself and then hands the extension a 0.3 ms callback is not an extension task of 40 ms.
 * Everything after the extension's first event counts (its own work, and the style and layout
 * it causes), so a slow content script is still caught.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  /** Thread (CPU) clock at the start, where the trace has thread timing. */
  tts?: number;
  dur?: number;
  /** Thread (CPU) duration, where the trace has thread timing. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string; stackTrace?: { url?: string }[] } };
}

export interface ExtensionTasks {
  /** Main-thread CPU time (ms) of each task that ran extension code, longest first. */
  taskMs: number[];
  longestMs: number;
  /** Wall-clock duration (ms) of the same tasks, longest first: inflated when the machine is busy. */
  wallMs: number[];
  /** The longest of those tasks (ms of CPU) with the garbage collections that ran in it. */
  longestWithGcMs: number;
}

/** The longest main-thread task the extension may cause (ms of CPU time). */
export const LONG_TASK_MS = 50;

// Tasks (RunTask) and the script events inside them, which name the script's URL.
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'].join(',');

async function readStream(session: CDPSession, handle: string): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await session.send('IO.read', { handle, size: 8 * 1024 * 1024 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle });
  return text;
}

function isExtensionScript(event: TraceEvent): boolean {
  const data = event.args?.data;
  const urls = [data?.url, data?.scriptName, ...(data?.stackTrace ?? []).map((f) => f.url)];
  return urls.some((u) => typeof u === 'string' && u.startsWith('chrome-extension://'));
}

function isCollection(event: TraceEvent): boolean {
  return event.ph === 'X' && (event.name === 'MinorGC' || event.name === 'MajorGC' || event.name.startsWith('V8.GC'));
}

/** CPU time (µs) of the collections on `task`'s thread from `from` to `to`, each once (their events nest). */
function collectionCpu(collections: readonly TraceEvent[], task: TraceEvent, from: number, to: number): number {
  const inside = collections.filter((c) => c.pid === task.pid && c.tid === task.tid && c.ts >= from && c.ts < to);
  const endOf = (e: TraceEvent) => e.ts + (e.dur ?? 0);
  let total = 0;
  inside.forEach((c, i) => {
    const nested = inside.some(
      (o, j) => j !== i && o.ts <= c.ts && endOf(o) >= endOf(c) && ((o.dur ?? 0) > (c.dur ?? 0) || j < i),
    );
    if (!nested) total += c.tdur ?? c.dur ?? 0;
  });
  return total;
}

export function extensionTasks(events: readonly TraceEvent[]): ExtensionTasks {
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && typeof e.dur === 'number');
  const scripts = events.filter((e) => e.ph === 'X' && isExtensionScript(e));
  const collections = events.filter(isCollection);
  const taskMs: number[] = [];
  const wallMs: number[] = [];
  let longestWithGcMs = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    let first: TraceEvent | undefined;
    for (const s of scripts) {
      if (s.pid !== task.pid || s.tid !== task.tid || s.ts < task.ts || s.ts >= end) continue;
      if (!first || s.ts < first.ts) first = s;
    }
    if (!first) continue;
    const wall = end - first.ts;
    const cpu =
      task.tdur !== undefined && task.tts !== undefined && first.tts !== undefined
        ? task.tts + task.tdur - first.tts
        : (task.tdur ?? task.dur ?? 0) * (wall / (task.dur || 1));
    longestWithGcMs = Math.max(longestWithGcMs, Math.max(0, cpu) / 1000);
    taskMs.push(Math.max(0, cpu - collectionCpu(collections, task, first.ts, end)) / 1000);
    wallMs.push(wall / 1000);
  }
  taskMs.sort((a, b) => b - a);
  wallMs.sort((a, b) => b - a);
  return { taskMs, longestMs: taskMs[0] ?? 0, wallMs, longestWithGcMs };
}

/** Traces `action` (typically a navigation) on `page` and returns the extension's main-thread tasks. */
export async function traceExtensionTasks(page: Page, action: () => Promise<void>): Promise<ExtensionTasks> {
  const session = await page.context().newCDPSession(page);
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
  try {
    await action();
  } catch (error) {
    // Stop tracing even when the action fails, or the next trace in this browser cannot start.
    await session.send('Tracing.end').catch(() => {});
    throw error;
  }
  const done = new Promise<string>((resolve) =>
    session.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream ?? '')),
  );
  await session.send('Tracing.end');
  const stream = await done;
  const parsed = JSON.parse(await readStream(session, stream)) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  await session.detach();
  return extensionTasks(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
}
