/**
 * The project's scoring conventions (see ../shared/corpora/README.md): titles equal after NFKC,
 * case folding and whitespace collapsing; bylines right when every expected name token is
 * present and at most three other tokens are; dates right within 36 hours; a null expectation
 * right only when the output is null too.
 */

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

function isBlank(value: string | null | undefined): value is null | undefined {
  return value === null || value === undefined || value.trim() === '';
}

export function sameText(expected: string | null | undefined, actual: string | null | undefined): boolean {
  if (isBlank(expected)) return isBlank(actual);
  return !isBlank(actual) && normalise(expected) === normalise(actual);
}

function nameTokens(text: string): string[] {
  return normalise(text)
    .replace(/^by\s+/u, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

const MAX_EXTRA_TOKENS = 3;

export function sameByline(expected: string | null | undefined, actual: string | null | undefined): boolean {
  if (isBlank(expected)) return isBlank(actual);
  if (isBlank(actual)) return false;
  const want = nameTokens(expected);
  const got = nameTokens(actual);
  const remaining = [...got];
  for (const token of want) {
    const i = remaining.indexOf(token);
    if (i < 0) return false;
    remaining.splice(i, 1);
  }
  return remaining.length <= MAX_EXTRA_TOKENS;
}

/** Reads ISO-like timestamps as written by publishers and by Readability; no zone means UTC. */
export function timeOf(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?/u.exec(
    value.trim(),
  );
  if (!m) return Date.parse(value);
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  let offset = 0;
  if (zone && zone !== 'Z') {
    const z = /([+-])(\d{2}):?(\d{2})/u.exec(zone);
    if (z) offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
  }
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000;
}

const DATE_TOLERANCE_MS = 36 * 3600 * 1000;

export function sameTime(expected: string | null | undefined, actual: string | null | undefined): boolean {
  if (isBlank(expected)) return isBlank(actual);
  if (isBlank(actual)) return false;
  const a = timeOf(actual);
  const e = timeOf(expected);
  return Number.isFinite(a) && Number.isFinite(e) && Math.abs(a - e) <= DATE_TOLERANCE_MS;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

export function tally(counts: Counts, expected: boolean, predicted: boolean): void {
  if (expected && predicted) counts.tp += 1;
  else if (!expected && predicted) counts.fp += 1;
  else if (expected && !predicted) counts.fn += 1;
  else counts.tn += 1;
}

export function precisionRecallF1(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
