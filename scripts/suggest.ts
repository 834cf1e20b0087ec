/**
 * `npm run suggest -- docs.jsonl`: the extension's company suggestions for texts on the
 * command line. Reads one `{"id","text"}` object a line (`"title"` optional) and prints one
 * `{"id","organizations":[{"text","start","end"}],"suggestions":["name", ...]}` a line, with
 * character offsets into `text`. A line that is not such an object is reported on stderr with
 * its line number, the other lines are still answered, and the exit code is 1.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadModel } from '../utils/suggest/names';
import { suggestCompanies } from '../utils/suggest/suggest';
import { SUGGESTIONS_SHOWN } from '../utils/suggest/suggestion';
import * as v from '../utils/validate';

const MAX_TEXT = 2_000_000;

function parseLine(line: string): { id: string | number; text: string; title: string | null } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    throw new Error(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const o = v.object(raw, 'line');
  const id = typeof o.id === 'number' && Number.isFinite(o.id) ? o.id : v.string(o.id, 'id', 1000);
  return { id, text: v.string(o.text, 'text', MAX_TEXT), title: v.nullableString(o.title, 'title', 10_000) };
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run suggest -- docs.jsonl   (one {"id","text"} object a line, "title" optional)');
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  const model = await loadModel();
  let failures = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let doc: ReturnType<typeof parseLine>;
    try {
      doc = parseLine(line);
    } catch (error) {
      failures += 1;
      console.error(`${file}:${lineNumber}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const result = suggestCompanies({ text: doc.text, title: doc.title }, model);
    const out = {
      id: doc.id,
      organizations: result.organizations,
      suggestions: result.suggestions.slice(0, SUGGESTIONS_SHOWN).map((s) => s.name),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
