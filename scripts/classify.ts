/**
 * `npm run classify -- texts.jsonl`: business or not for bare texts, with the extension's own
 * classifier. Each input line is `{"id","title","text"}`; each output line is
 * `{"id","isBusiness","score"}`, or `{"id","error"}` for a line it could not read.
 * `--feed-items` reads each text as the extension reads a feed item's headline and lead, with
 * the short-text model; without it, as the text of a page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUSINESS_SHORT_MODEL } from '../utils/article/business-short-model';
import { classifyBusiness } from '../utils/article/classify';
import { createTextModel, type TextModel } from '../utils/article/text-model';

const callerDir = process.env.INIT_CWD ?? process.cwd();

function classifyLine(line: string, lineNumber: number, model?: TextModel): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { id: null, error: `line ${lineNumber}: not valid JSON` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { id: null, error: `line ${lineNumber}: expected an object with "id", "title" and "text"` };
  }
  const { id, title, text } = value as { id?: unknown; title?: unknown; text?: unknown };
  const safeId = typeof id === 'string' || typeof id === 'number' ? id : null;
  if (safeId === null) return { id: null, error: `line ${lineNumber}: "id" must be a string or a number` };
  if (title !== undefined && title !== null && typeof title !== 'string') {
    return { id: safeId, error: `line ${lineNumber}: "title" must be a string` };
  }
  if (typeof text !== 'string' && typeof title !== 'string') {
    return { id: safeId, error: `line ${lineNumber}: needs a "text" or a "title" string` };
  }
  const verdict = classifyBusiness({ title: title ?? '', text: typeof text === 'string' ? text : '' }, model);
  return { id: safeId, isBusiness: verdict.isBusiness, score: Math.round(verdict.score * 1000) / 1000 };
}

function main(): number {
  const fileArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!fileArg) {
    console.error('Usage: npm run classify -- [--feed-items] texts.jsonl   (one {"id","title","text"} per line)');
    return 2;
  }
  const file = path.resolve(callerDir, fileArg);
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  const model = process.argv.includes('--feed-items') ? createTextModel(BUSINESS_SHORT_MODEL) : undefined;
  readFileSync(file, 'utf8')
    .split(/\r?\n/u)
    .forEach((line, i) => {
      if (line.trim() !== '') console.log(JSON.stringify(classifyLine(line, i + 1, model)));
    });
  return 0;
}

process.exitCode = main();
