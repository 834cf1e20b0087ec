/**
 * Our tasks during a scan, from a DevTools trace: wall-clock and CPU time of each main-thread
 * task between the page's marks. CPU time (the trace's thread duration) is what a machine
 * shared with other work does not stretch.
 */
import type { Page } from 'playwright-core';
import type { HighlightRun } from './highlight-page';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  /** Thread (CPU) clock at the start, where the trace has thread timing. */
  tts?: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string; stackTrace?: { url?: string }[] } };
}

/** Runs `action` under a DevTools trace of `categories`; returns its result and the trace's events. */
export async function readTrace<T>(
  page: Page,
  categories: string,
  action: () => Promise<T>,
): Promise<{ result: T; events: TraceEvent[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReturnAsStream' });
  const result = await action();
  const complete = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream ?? '')),
  );
  await cdp.send('Tracing.end');
  const handle = await complete;
  const chunks: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle, size: 8 << 20 });
    chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  await cdp.detach();
  const parsed = JSON.parse(chunks.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return { result, events: Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []) };
}

/** Main-thread tasks of one scan, from a DevTools trace: wall time and the thread's own CPU time. */
export interface TracedRun {
  longestTaskMs: number;
  longestTaskCpuMs: number;
  /** CPU time of all the scan's tasks together: its total, as an idle machine would see it. */
  cpuMs: number;
  frameAfterCpuMs: number;
}

export async function traced(page: Page, action: () => Promise<HighlightRun>): Promise<HighlightRun & TracedRun> {
  const { result: run, events } = await readTrace(
    page,
    'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing',
    action,
  );
  const mark = (name: string) => events.find((e) => e.name === name)?.ts ?? Number.NaN;
  const [start, end, frameEnd] = ['news-tracker-scan-start', 'news-tracker-scan-end', 'news-tracker-frame-end'].map(
    mark,
  );
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter(
    (e) =>
      e.name === 'RunTask' &&
      e.ph === 'X' &&
      mains.some((m) => m.pid === e.pid && m.tid === e.tid) &&
      e.dur !== undefined,
  );
  const overlapping = (from: number, to: number) => tasks.filter((t) => t.ts <= to && t.ts + (t.dur ?? 0) >= from);
  // The page runs no scripts of its own (PAGE_CSP in highlight-corpus.ts): every task in the scan is ours.
  const scan = overlapping(start as number, end as number);
  const after = tasks.filter((t) => t.ts > (end as number) && t.ts < (frameEnd as number));
  const max = (values: number[]) => (values.length === 0 ? Number.NaN : Math.max(...values) / 1000);
  return {
    ...run,
    longestTaskMs: run.longestTaskMs,
    longestTaskCpuMs: max(scan.map((t) => t.tdur ?? Number.NaN)),
    cpuMs: scan.reduce((sum, t) => sum + (t.tdur ?? Number.NaN), 0) / 1000,
    frameAfterCpuMs: max(after.map((t) => t.tdur ?? Number.NaN)),
  };
}
