/**
 * Measures how long the extension blocks a page's main thread, from a DevTools trace.
 * A task counts as the extension's when a script event inside it (evaluating, calling or timing
 * a function) names a chrome-extension:// URL. Browser timers in the page are too coarse and
 * the page cannot see into the extension's isolated world, so the trace is the honest source.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string; stackTrace?: { url?: string }[] } };
}

export interface ExtensionTasks {
  /** Durations (ms) of the main-thread tasks that ran extension code, longest first. */
  taskMs: number[];
  longestMs: number;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'].join(',');

async function readStream(session: CDPSession, handle: string): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await session.send('IO.read', { handle });
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

export function extensionTasks(events: readonly TraceEvent[]): ExtensionTasks {
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && typeof e.dur === 'number');
  const scripts = events.filter((e) => e.ph === 'X' && isExtensionScript(e));
  const taskMs: number[] = [];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const ranExtension = scripts.some((s) => s.pid === task.pid && s.tid === task.tid && s.ts >= task.ts && s.ts < end);
    if (ranExtension) taskMs.push((task.dur ?? 0) / 1000);
  }
  taskMs.sort((a, b) => b - a);
  return { taskMs, longestMs: taskMs[0] ?? 0 };
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
