/**
 * How a company from a file meets the tracked list. An import merges: what the file leaves out
 * stays as stored; what it names replaces the stored value, except the lists. Aliases and
 * exclusions from the file are added to the stored ones and none is ever removed, because an
 * alias dropped by a file made on another device (or by hand, with just the one spelling the
 * person had in mind) would silently stop finding stories; removing one is a deliberate edit
 * on the options page. A new company gets the colour the file names, or else one no other
 * company has, while such a colour remains.
 */
import { type Alias, ENTITY_COLORS, type TrackedEntity } from '../entities';
import type { ImportedAlias, ImportedCompany } from './company-fields';

const key = (text: string) => text.toLocaleLowerCase();

/**
 * Stored spellings keep their place and options unless the file names an option; new ones
 * follow, with the company's own options (its name's) where the file names none, as the
 * options page gives every spelling of a company the same ones.
 */
function mergeAliases(stored: readonly Alias[], incoming: readonly ImportedAlias[], name: string): Alias[] {
  const own = stored[0] ?? { matchCase: false, wholeWord: true };
  const merged = new Map(stored.map((a) => [key(a.text), a]));
  for (const a of incoming) {
    const before = merged.get(key(a.text));
    merged.set(key(a.text), {
      text: before?.text ?? a.text,
      matchCase: a.matchCase ?? before?.matchCase ?? own.matchCase,
      wholeWord: a.wholeWord ?? before?.wholeWord ?? own.wholeWord,
    });
  }
  // The display name is always the first alias.
  const first = merged.get(key(name)) ?? { ...own, text: name };
  merged.delete(key(name));
  return [{ ...first, text: name }, ...merged.values()];
}

function mergeList(stored: readonly string[], incoming: readonly string[] = []): string[] {
  const seen = new Set(stored.map(key));
  return [...stored, ...incoming.filter((t) => !seen.has(key(t)) && seen.add(key(t)) !== undefined)];
}

/**
 * The stored company with what the file says about it. `renamed` is true when the file found
 * it by ID under another name; found by name, it keeps the stored spelling of its name.
 */
export function mergeCompany(stored: TrackedEntity, file: ImportedCompany, renamed: boolean): TrackedEntity {
  const name = renamed ? file.name : stored.name;
  return {
    ...stored,
    name,
    aliases: mergeAliases(stored.aliases, file.aliases, name),
    exclusions: mergeList(stored.exclusions, file.exclusions),
    color: file.color ?? stored.color,
    enabled: file.enabled ?? stored.enabled,
    watchlist: file.watchlist === undefined ? stored.watchlist : file.watchlist,
  };
}

/** A company the list does not have yet, with the defaults the options page gives. */
export function newCompany(file: ImportedCompany, color: string, now: number): TrackedEntity {
  return {
    id: file.id ?? crypto.randomUUID(),
    name: file.name,
    aliases: mergeAliases([], file.aliases, file.name),
    exclusions: mergeList([], file.exclusions),
    color: file.color ?? color,
    enabled: file.enabled ?? true,
    watchlist: file.watchlist ?? null,
    createdAt: file.createdAt ?? now,
  };
}

/** The first palette colour nobody has; when every one is taken, the least used (earliest on a tie). */
export function freeColor(used: readonly string[]): string {
  const counts = new Map<string, number>(ENTITY_COLORS.map((c) => [c, 0]));
  for (const color of used) {
    const count = counts.get(color.toLowerCase());
    if (count !== undefined) counts.set(color.toLowerCase(), count + 1);
  }
  let best: string = ENTITY_COLORS[0];
  for (const [color, count] of counts) if (count < (counts.get(best) ?? 0)) best = color;
  return best;
}
