/**
 * Small, strict validators for data that crosses a trust boundary (messages from content
 * scripts, imported files). Each throws a ValidationError naming the field that is wrong.
 */

export class ValidationError extends Error {
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'ValidationError';
  }
}

export type Fields = Record<string, unknown>;

export function object(value: unknown, field: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(field, 'expected an object');
  }
  return value as Fields;
}

export function string(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'expected text');
  if (value.length > maxLength) throw new ValidationError(field, `longer than ${maxLength} characters`);
  return value;
}

export function nullableString(value: unknown, field: string, maxLength: number): string | null {
  return value === null || value === undefined ? null : string(value, field, maxLength);
}

export function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(field, 'expected true or false');
  return value;
}

export function number(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError(field, 'expected a number');
  if (value < min || value > max) throw new ValidationError(field, `expected a number from ${min} to ${max}`);
  return value;
}

export function integer(value: unknown, field: string, min: number, max: number): number {
  const n = number(value, field, min, max);
  if (!Number.isInteger(n)) throw new ValidationError(field, 'expected a whole number');
  return n;
}

export function array<T>(value: unknown, field: string, maxItems: number, item: (v: unknown, field: string) => T): T[] {
  if (!Array.isArray(value)) throw new ValidationError(field, 'expected a list');
  if (value.length > maxItems) throw new ValidationError(field, `more than ${maxItems} items`);
  // An index loop, not map: map skips the holes of a sparse array (Firefox delivers them as
  // sent), which would let an unchecked `undefined` through to the handler.
  const items: T[] = [];
  for (let i = 0; i < value.length; i++) items.push(item(value[i], `${field}[${i}]`));
  return items;
}

/** Only http(s) pages can be stories: no javascript:, data:, file: or extension URLs. */
export function webUrl(value: unknown, field: string): string {
  const text = string(value, field, 2048);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(field, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(field, `URL scheme ${url.protocol} is not allowed`);
  }
  return url.href;
}

/** Absent (undefined) stays absent; anything else must pass `check`. */
export function optional<T>(value: unknown, check: (v: unknown) => T): T | undefined {
  return value === undefined ? undefined : check(value);
}

/** Text matching a pattern, e.g. a `#rrggbb` colour. */
export function matching(value: unknown, field: string, pattern: RegExp, expected: string): string {
  const text = string(value, field, 200);
  if (!pattern.test(text)) throw new ValidationError(field, `expected ${expected}`);
  return text;
}

/** A request that carries nothing: `{}`. */
export function empty(value: unknown): Record<string, never> {
  object(value, 'request');
  return {};
}
