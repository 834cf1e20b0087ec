/**
 * Lab, not a benchmark: a browser-wide trace of the popup's first suggestion request.
 *
 *   npx wxt build && npx tsx scripts/lab/suggest-trace.ts [trace.json]
 *
 * Opens the suggest fixture in a fresh browser, lets it settle, presses the toolbar button and
 * traces every process until the popup has its suggestions. Prints, for each thread that worked
 * inside the request's window, its busy time there and its longest tasks.
 */
import { writeFileSync } from 'node:fs';
import { launchWithExtension } from '../lib/chromium';
import { startStaticServer } from '../lib/static-server';
import { pressToolbarButton, TOOLBAR_SWITCH } from '../lib/toolbar';
import { trackCompany } from '../lib/track-company';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const server = await startStaticServer('test/fixtures');
const browser = await launchWithExtension({ args: [TOOLBAR_SWITCH, '--host-resolver-rules=MAP *.test 127.0.0.1'] });
const port = new URL(server.url('/')).port;
try {
  if (process.env.NEWS_TRACKER_TRACKED === '1') await trackCompany(browser, 'Xiaomi');
  // NEWS_TRACKER_WARM=n: the popup is opened n times over other tabs first (code caches filled).
  for (let i = 0; i < Number(process.env.NEWS_TRACKER_WARM ?? 0); i++) {
    const tab = await browser.context.newPage();
    await tab.goto(`http://warm${i}.test:${port}/suggest/xiaomi-results.html`);
    await tab.waitForTimeout(800);
    await pressToolbarButton(browser, tab);
    await tab.waitForTimeout(1000);
    await tab.close();
  }
  const article = await browser.context.newPage();
  await article.goto(`http://traced.test:${port}/suggest/xiaomi-results.html`);
  await article.waitForTimeout(1500);
  const chromium = browser.context.browser();
  if (!chromium) throw new Error('no browser object');
  await chromium.startTracing(undefined, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'toplevel',
      'blink.user_timing',
      'v8.execute',
      'v8',
      '__metadata',
    ],
  });
  await pressToolbarButton(browser, article);
  await article.waitForTimeout(1500);
  const buffer = await chromium.stopTracing();
  if (process.argv[2]) writeFileSync(process.argv[2], buffer);
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && (e.name === 'thread_name' || e.name === 'process_name'))
      names.set(e.name === 'thread_name' ? `${e.pid}:${e.tid}` : `${e.pid}`, String(e.args?.name));
  const marks = events.filter((e) => e.cat.includes('user_timing') && e.name === 'news-tracker:suggest');
  const begin = marks.find((e) => e.ph === 'b' || e.ph === 'B')?.ts;
  const end = marks.find((e) => e.ph === 'e' || e.ph === 'E')?.ts;
  if (begin === undefined || end === undefined) throw new Error(`no measure in the trace (${marks.length} marks)`);
  console.log(`request: ${((end - begin) / 1000).toFixed(1)} ms`);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.ts + e.dur < begin || e.ts > end) continue;
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  for (const [key, tasks] of byThread) {
    const busy = tasks.reduce((sum, t) => sum + Math.min(t.ts + (t.dur ?? 0), end) - Math.max(t.ts, begin), 0);
    if (busy < 1000) continue;
    const pid = key.split(':')[0] ?? '';
    console.log(`${names.get(pid) ?? pid} / ${names.get(key) ?? key}: busy ${(busy / 1000).toFixed(1)} ms`);
    for (const t of [...tasks].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 4)) {
      const inner = events
        .filter(
          (e) =>
            e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0) && e !== t,
        )
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 3)
        .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
      console.log(
        `   +${((t.ts - begin) / 1000).toFixed(1)} ms: ${((t.dur ?? 0) / 1000).toFixed(1)} ms  [${inner.join(', ')}]`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
