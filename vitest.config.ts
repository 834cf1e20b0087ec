import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Unit tests of code that runs in a page or an extension page get a DOM (happy-dom); the rest
 * (the worker, the store, feeds, suggestions' model) run in plain Node, as the service worker
 * has no DOM either, and without the cost of one per file.
 */
const DOM_TESTS = [
  'test/unit/{article,components,content,highlight,panel}/**/*.test.{ts,tsx}',
  'test/unit/suggest/{page,tab-reading}.test.ts',
];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Every core for the unit tests (vitest leaves one idle by default); the end-to-end projects
    // run one file at a time regardless.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          exclude: DOM_TESTS,
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-dom',
          environment: 'happy-dom',
          include: DOM_TESTS,
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          // One Chromium at a time, once the unit tests are done: the machine has two cores, and
          // the hostile-page checks time the extension's tasks in the page.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A poll waits for the browser (a first highlight, a stored story): on a loaded
          // two-core machine that can take longer than vitest's default second.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-firefox',
          environment: 'node',
          include: ['test/e2e-firefox/**/*.e2e.ts'],
          // One browser at a time, and only once the other projects are done.
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
