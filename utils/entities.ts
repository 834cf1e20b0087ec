/**
 * Tracked entities: the companies (or keywords) a user follows.
 * An entity has one display name and any number of aliases; each alias carries its own
 * matching options so "GAP" can be case-sensitive while "Xiaomi" is not.
 */

export interface Alias {
  text: string;
  /** Only match this exact capitalisation ("Apple", not "apple"). */
  matchCase: boolean;
  /** Only match at word boundaries (default on). */
  wholeWord: boolean;
}

export interface TrackedEntity {
  id: string;
  name: string;
  /** Every spelling to look for. The display name is always the first alias. */
  aliases: Alias[];
  /** Phrases that suppress a mention they contain ("apple pie"). */
  exclusions: string[];
  /** CSS colour of the highlight, `#rrggbb`. */
  color: string;
  enabled: boolean;
  /** Named watchlist the entity belongs to, if any. */
  watchlist: string | null;
  createdAt: number;
}

export interface NewEntityInput {
  name: string;
  aliases?: string[];
  exclusions?: string[];
  matchCase?: boolean;
  /** Whole words only (default on). */
  wholeWord?: boolean;
  color?: string;
  watchlist?: string | null;
}

export const ENTITY_COLORS = [
  '#ffd54f',
  '#81d4fa',
  '#a5d6a7',
  '#f48fb1',
  '#ce93d8',
  '#ffab91',
  '#80cbc4',
  '#e6ee9c',
] as const;

export const MAX_NAME_LENGTH = 200;

/** Collapses whitespace so "  Xiaomi   Corp " and "Xiaomi Corp" are one name. */
export function cleanName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Splits an aliases field typed by a person: one per line or comma-separated. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[\n,]/u)
    .map(cleanName)
    .filter((s) => s.length > 0);
}

/** Builds a complete entity from what a person typed, with defaults for the rest. */
export function createEntity(input: NewEntityInput, existingCount: number, now = Date.now()): TrackedEntity {
  const name = cleanName(input.name);
  if (name.length === 0) throw new Error('A tracked company needs a name.');
  if (name.length > MAX_NAME_LENGTH) throw new Error(`A name can be at most ${MAX_NAME_LENGTH} characters.`);
  const matchCase = input.matchCase ?? false;
  const wholeWord = input.wholeWord ?? true;
  const texts = [name, ...(input.aliases ?? []).map(cleanName)].filter((t) => t.length > 0);
  const unique = [...new Map(texts.map((t) => [t.toLocaleLowerCase(), t])).values()];
  return {
    id: crypto.randomUUID(),
    name,
    aliases: unique.map((text) => ({ text, matchCase, wholeWord })),
    exclusions: (input.exclusions ?? []).map(cleanName).filter((t) => t.length > 0),
    color: input.color ?? ENTITY_COLORS[existingCount % ENTITY_COLORS.length] ?? '#ffd54f',
    enabled: true,
    watchlist: input.watchlist ?? null,
    createdAt: now,
  };
}
