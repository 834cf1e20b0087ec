/**
 * The layering rule of docs/ARCHITECTURE.md as code: which files may import which. Entrypoints
 * wire components and utils; components use utils; utils never reach up. Within utils, the
 * database never imports UI, dashboard, background or content code, and content and background
 * code never import each other (nor reach each other through shared modules). Nothing in the
 * product imports tests or scripts, and tests never import scripts.
 */
import { type ImportGraph, importCycles, reachable } from '../../support/import-graph';

const under =
  (...dirs: string[]) =>
  (file: string) =>
    dirs.some((dir) => file.startsWith(dir));

const product = under('entrypoints/', 'components/', 'utils/');

interface Rule {
  from: (file: string) => boolean;
  to: (file: string) => boolean;
  rule: string;
}

const RULES: Rule[] = [
  { from: product, to: under('test/', 'scripts/'), rule: 'product code never imports tests or scripts' },
  { from: under('test/'), to: under('scripts/'), rule: 'tests never import scripts' },
  {
    from: under('utils/'),
    to: under('components/', 'entrypoints/'),
    rule: 'utils never import components or entrypoints',
  },
  { from: under('components/'), to: under('entrypoints/'), rule: 'components never import entrypoints' },
  {
    from: under('utils/db/'),
    to: under(
      'components/',
      'utils/dashboard/',
      'utils/background/',
      'utils/content/',
      'utils/client',
      'utils/highlight/',
      'utils/panel/',
    ),
    rule: 'the database never imports UI, dashboard, background or content code',
  },
  { from: under('utils/content/'), to: under('utils/background/'), rule: 'content code never imports background code' },
  { from: under('utils/background/'), to: under('utils/content/'), rule: 'background code never imports content code' },
  {
    from: (file) => product(file) && !under('utils/background/', 'entrypoints/background.ts')(file),
    to: under('utils/background/'),
    rule: 'only the background imports background code',
  },
];

/** What each script's bundle must never take in, however indirectly. */
const BUNDLES: { entry: string; never: (file: string) => boolean; rule: string }[] = [
  {
    entry: 'entrypoints/content.ts',
    never: under('utils/background/', 'utils/db/', 'components/'),
    rule: 'the content script reaches no background, database or UI code',
  },
  {
    entry: 'entrypoints/background.ts',
    never: under('utils/content/', 'components/'),
    rule: 'the background reaches no content or UI code',
  },
];

/** Every import that breaks the rule, and every import cycle, one line each; none when the code keeps it. */
export function layeringViolations(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [file, imports] of graph) {
    for (const target of imports) {
      for (const { from, to, rule } of RULES) {
        if (from(file) && to(target)) found.push(`${file} imports ${target}: ${rule}`);
      }
    }
  }
  for (const { entry, never, rule } of BUNDLES) {
    if (!graph.has(entry)) continue;
    for (const file of [...reachable(graph, entry)].filter(never).sort())
      found.push(`${entry} reaches ${file}: ${rule}`);
  }
  for (const cycle of importCycles(graph)) found.push(`import cycle: ${cycle.join(' → ')}`);
  return found;
}
