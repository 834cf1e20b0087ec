/** Why an imported file was refused, as a person can act on it: which line or field, and what is wrong. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Large enough for tens of thousands of companies, small enough that reading it cannot stall the page. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_COMPANIES = 5000;

/** Refuses files too big to be an export of ours before any of it is parsed. */
export function checkSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new ImportError(
      `The file is ${mb(bytes)} MB; News Tracker imports files of up to ${mb(MAX_IMPORT_BYTES)} MB.`,
    );
  }
}

/** Turns a JSON.parse failure into "line L, column C" (engines word it differently; the position is the common part). */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/u.exec(message)?.[1];
  if (position === undefined) return `The file is not valid JSON (${message}).`;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `The file is not valid JSON: line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/u, '')}.`;
}
