import { describe, expect, it } from 'vitest';
import { extensionTasks } from '../../e2e/trace';

const EXTENSION = 'chrome-extension://abcdefghijklmnop/content-scripts/content.js';
const PAGE = 'http://127.0.0.1:8000/hostile/deep-nesting.js';

// Times in microseconds, as in a DevTools trace: wall clock `ts`/`dur`, thread clock `tts`/`tdur`.
function task(ts: number, dur: number, tts: number, tdur: number) {
  return { name: 'RunTask', ph: 'X', ts, dur, tts, tdur, pid: 1, tid: 1 };
}
function call(url: string, ts: number, dur: number, tts: number) {
  return { name: 'FunctionCall', ph: 'X', ts, dur, tts, tdur: dur, pid: 1, tid: 1, args: { data: { url } } };
}

describe('extensionTasks', () => {
  it('counts a task the extension started, with everything after its first event', () => {
    const found = extensionTasks([task(0, 70_000, 0, 60_000), call(EXTENSION, 100, 69_000, 100)]);
    expect(found.longestMs).toBeCloseTo(59.9, 1);
  });

  it('does not charge the extension for the page work before its callback in the same task', () => {
    const found = extensionTasks([
      task(0, 58_000, 1_000, 45_000),
      call(PAGE, 10, 40_000, 1_010),
      call(EXTENSION, 57_400, 300, 45_500),
    ]);
    expect(found.taskMs).toHaveLength(1);
    expect(found.longestMs).toBeCloseTo(0.5, 1);
    expect(found.wallMs[0]).toBeCloseTo(0.6, 1);
  });

  it('ignores tasks that never ran extension code', () => {
    const found = extensionTasks([task(0, 90_000, 0, 90_000), call(PAGE, 10, 89_000, 10)]);
    expect(found).toEqual({ taskMs: [], longestMs: 0, wallMs: [], longestWithGcMs: 0 });
  });
  it('keeps V8 garbage collection apart, each nested collection counted once, and reports the task with it', () => {
    const gc = (name: string, ts: number, dur: number) => ({
      name,
      ph: 'X',
      ts,
      dur,
      tts: ts,
      tdur: dur,
      pid: 1,
      tid: 1,
    });
    const found = extensionTasks([
      task(0, 100_000, 0, 100_000),
      call(EXTENSION, 0, 20_000, 0),
      gc('MajorGC', 20_000, 70_000),
      gc('V8.GCFinalizeMC', 20_000, 70_000),
      gc('V8.GC_MC_MARK', 30_000, 40_000),
      gc('MinorGC', 95_000, 2_000),
    ]);
    expect(found.longestMs).toBeCloseTo(28, 1);
    expect(found.longestWithGcMs).toBeCloseTo(100, 1);
  });

  it('still charges the extension for its own work of the same length (negative control)', () => {
    const found = extensionTasks([task(0, 100_000, 0, 100_000), call(EXTENSION, 0, 90_000, 0)]);
    expect(found.longestMs).toBeCloseTo(100, 1);
  });
});
