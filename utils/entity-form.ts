/**
 * What the company form on the options page means, as data: the fields a person fills in, and
 * how they become a new company or a change to a tracked one.
 */
import { type Alias, cleanName, MAX_NAME_LENGTH, type NewEntityInput, splitList, type TrackedEntity } from './entities';

export interface EntityFormValues {
  name: string;
  /** One per line or comma-separated, as typed. */
  aliases: string;
  exclusions: string;
  /** Shown from the display name's alias; applied to every alias only when the person changes it. */
  matchCase: boolean;
  /** Match only whole words (on by default); same rule as `matchCase`. */
  wholeWord: boolean;
  watchlist: string;
  color: string;
}

export const EMPTY_FORM: EntityFormValues = {
  name: '',
  aliases: '',
  exclusions: '',
  matchCase: false,
  wholeWord: true,
  watchlist: '',
  color: '',
};

export function formFromEntity(entity: TrackedEntity): EntityFormValues {
  return {
    name: entity.name,
    aliases: entity.aliases
      .slice(1)
      .map((a) => a.text)
      .join('\n'),
    exclusions: entity.exclusions.join('\n'),
    matchCase: entity.aliases[0]?.matchCase ?? false,
    wholeWord: entity.aliases[0]?.wholeWord ?? true,
    watchlist: entity.watchlist ?? '',
    color: entity.color,
  };
}

const watchlistOf = (form: EntityFormValues) => cleanName(form.watchlist) || null;

export function entityInputFromForm(form: EntityFormValues): NewEntityInput {
  return {
    name: form.name,
    aliases: splitList(form.aliases),
    exclusions: splitList(form.exclusions),
    matchCase: form.matchCase,
    wholeWord: form.wholeWord,
    watchlist: watchlistOf(form),
    ...(form.color ? { color: form.color } : {}),
  };
}

/**
 * The edit to send for a tracked company. An alias that stays keeps its own options (an import
 * can set them per alias: "GAP" case-sensitive, "Gap Inc." not), unless the person changed the
 * form's box for that option, which then applies to every alias; a new alias takes the box's value.
 */
export function entityPatchFromForm(
  entity: TrackedEntity,
  form: EntityFormValues,
): Omit<TrackedEntity, 'id' | 'createdAt'> {
  const name = cleanName(form.name);
  if (name.length === 0) throw new Error('A tracked company needs a name.');
  const shown = formFromEntity(entity);
  const previous = new Map(entity.aliases.map((a) => [a.text.toLocaleLowerCase(), a]));
  const seen = new Set<string>();
  const aliases: Alias[] = [];
  for (const text of [name, ...splitList(form.aliases)]) {
    const key = text.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const before = previous.get(key);
    aliases.push({
      text,
      matchCase: before && form.matchCase === shown.matchCase ? before.matchCase : form.matchCase,
      wholeWord: before && form.wholeWord === shown.wholeWord ? before.wholeWord : form.wholeWord,
    });
  }
  return {
    name,
    aliases,
    exclusions: splitList(form.exclusions),
    color: form.color || entity.color,
    enabled: entity.enabled,
    watchlist: watchlistOf(form),
  };
}

/** Names pasted in bulk: one per line (names such as "Apple, Inc." keep their commas). */
export function pastedNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map(cleanName)
        .filter((n) => n.length > 0),
    ),
  ];
}

/** The distinct watchlist names in use, for suggestions and the filter. */
export function watchlists(entities: readonly TrackedEntity[]): string[] {
  return [...new Set(entities.flatMap((e) => (e.watchlist ? [e.watchlist] : [])))].sort((a, b) => a.localeCompare(b));
}

export const MAX_WATCHLIST_LENGTH = 100;
/** Aliases or exclusions one company can have (the background refuses more). */
export const MAX_LIST_ITEMS = 100;

export type LimitedField = 'name' | 'aliases' | 'exclusions' | 'watchlist';

export interface FieldLimit {
  /** Over the limit: the form is not sent, and this says why. */
  over: boolean;
  /** What to show under the field: the limit as it comes near, the reason once past it; null when far from it. */
  message: string | null;
}

/** Where a text stands against a length limit: said once it is four-fifths of the way there. */
function lengthLimit(length: number, max: number, what: string): FieldLimit {
  if (length > max)
    return { over: true, message: `${what} can be at most ${max} characters; this has ${length.toLocaleString()}.` };
  if (length >= max * 0.8) return { over: false, message: `${length} of ${max} characters.` };
  return { over: false, message: null };
}

/** A list field (aliases, exclusions): how many items, and the longest one. */
function listLimit(raw: string, what: string): FieldLimit {
  const items = splitList(raw);
  if (items.length > MAX_LIST_ITEMS) {
    return { over: true, message: `At most ${MAX_LIST_ITEMS} ${what}; this has ${items.length}.` };
  }
  const longest = items.reduce((a, b) => (b.length > a.length ? b : a), '');
  const limit = lengthLimit(longest.length, MAX_NAME_LENGTH, `Each of the ${what}`);
  return limit.over
    ? { over: true, message: `${limit.message} (“${longest.slice(0, 40)}…”)` }
    : { over: false, message: null };
}

/** The limits of each field of the company form, announced as they come near and before the form is sent. */
export function formLimits(form: EntityFormValues): Record<LimitedField, FieldLimit> {
  return {
    name: lengthLimit(cleanName(form.name).length, MAX_NAME_LENGTH, 'A name'),
    aliases: listLimit(form.aliases, 'aliases'),
    exclusions: listLimit(form.exclusions, 'phrases to ignore'),
    watchlist: lengthLimit(cleanName(form.watchlist).length, MAX_WATCHLIST_LENGTH, 'A watchlist name'),
  };
}

/** True when any field is past its limit. */
export const overLimits = (form: EntityFormValues) => Object.values(formLimits(form)).some((l) => l.over);
