import { describe, expect, it } from 'vitest';
import { type ImportGraph, readImportGraph } from '../../support/import-graph';
import { layeringViolations } from './layering';

const DIRS = ['entrypoints', 'components', 'utils', 'test', 'scripts'];

describe('the layering written down in docs/ARCHITECTURE.md', () => {
  it('holds for every import in the repository', () => {
    const graph = readImportGraph('.', DIRS);
    // The graph is read, not empty: the rule below would hold for nothing.
    expect(graph.get('entrypoints/content.ts')).toContain('utils/content/start.ts');
    expect(layeringViolations(graph)).toEqual([]);
  });

  it('catches each kind of violation (negative control)', () => {
    const graph: ImportGraph = new Map([
      ['entrypoints/content.ts', ['utils/content/start.ts']],
      ['utils/content/start.ts', ['utils/shared.ts']],
      ['utils/shared.ts', ['utils/db/schema.ts']],
      ['utils/db/schema.ts', ['utils/db/search-index.ts', 'utils/dashboard/facts.ts']],
      ['utils/db/search-index.ts', ['utils/db/schema.ts']],
      ['utils/background/start.ts', ['utils/content/scope.ts', 'test/support/double.ts']],
      ['test/unit/a.test.ts', ['scripts/lib/chromium.ts']],
      ['components/Popup.tsx', ['entrypoints/popup/main.tsx']],
    ]);
    expect(layeringViolations(graph)).toEqual([
      'utils/db/schema.ts imports utils/dashboard/facts.ts: the database never imports UI, dashboard, background or content code',
      'utils/background/start.ts imports utils/content/scope.ts: background code never imports content code',
      'utils/background/start.ts imports test/support/double.ts: product code never imports tests or scripts',
      'test/unit/a.test.ts imports scripts/lib/chromium.ts: tests never import scripts',
      'components/Popup.tsx imports entrypoints/popup/main.tsx: components never import entrypoints',
      'entrypoints/content.ts reaches utils/db/schema.ts: the content script reaches no background, database or UI code',
      'entrypoints/content.ts reaches utils/db/search-index.ts: the content script reaches no background, database or UI code',
      'import cycle: utils/db/schema.ts → utils/db/search-index.ts → utils/db/schema.ts',
    ]);
  });
});
