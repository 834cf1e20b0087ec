/**
 * What an import would do, worked out before anything is written: which companies are new,
 * which would change (each change as old → new), and which are skipped and why. A company in
 * the file is the same as a tracked one when it has the same ID or, failing that, the same name
 * (ignoring case). How the two are merged is in merge.ts.
 */
import type { Alias, TrackedEntity } from '../entities';
import { type ImportedCompany, MAX_ALIASES } from './company-fields';
import { freeColor, mergeCompany, newCompany } from './merge';

export interface FieldChange {
  field: 'name' | 'aliases' | 'exclusions' | 'colour' | 'tracking' | 'watchlist';
  before: string;
  after: string;
}

export interface ChangedCompany {
  before: TrackedEntity;
  after: TrackedEntity;
  changes: FieldChange[];
}

export interface ImportPreview {
  added: TrackedEntity[];
  changed: ChangedCompany[];
  skipped: { name: string; reason: string }[];
}

const key = (name: string) => name.toLocaleLowerCase();

function spelling(alias: Alias): string {
  return `${alias.text}${alias.matchCase ? ' (match case)' : ''}${alias.wholeWord ? '' : ' (inside words too)'}`;
}

const listed = (items: string[]) => (items.length > 0 ? items.join(', ') : 'none');

const DESCRIBED: [FieldChange['field'], (e: TrackedEntity) => string][] = [
  ['name', (e) => spelling({ matchCase: false, wholeWord: true, ...e.aliases[0], text: e.name })],
  ['aliases', (e) => listed(e.aliases.slice(1).map(spelling))],
  ['exclusions', (e) => listed(e.exclusions)],
  ['colour', (e) => e.color],
  ['tracking', (e) => (e.enabled ? 'on' : 'off')],
  ['watchlist', (e) => e.watchlist ?? 'none'],
];

/** Each detail a person would see differ, in words, old and new. */
export function describeChanges(before: TrackedEntity, after: TrackedEntity): FieldChange[] {
  return DESCRIBED.map(([field, show]) => ({ field, before: show(before), after: show(after) })).filter(
    (c) => c.before !== c.after,
  );
}

/** Why the store would refuse the company, or null: the protocol's limits, checked before the preview promises it. */
function overLimit(entity: TrackedEntity): string | null {
  if (entity.aliases.length > MAX_ALIASES) return `it would have more than ${MAX_ALIASES} aliases`;
  if (entity.exclusions.length > MAX_ALIASES) return `it would have more than ${MAX_ALIASES} exclusions`;
  return null;
}

export function previewImport(
  incoming: readonly ImportedCompany[],
  existing: readonly TrackedEntity[],
  now = Date.now(),
): ImportPreview {
  const byId = new Map(existing.map((e) => [e.id, e]));
  const byName = new Map(existing.map((e) => [key(e.name), e]));
  const seen = new Set<string>();
  const preview: ImportPreview = { added: [], changed: [], skipped: [] };
  const newcomers: ImportedCompany[] = [];
  const skip = (name: string, reason: string) => preview.skipped.push({ name, reason });
  for (const file of incoming) {
    const byItsId = file.id === undefined ? undefined : byId.get(file.id);
    const match = byItsId ?? byName.get(key(file.name));
    // The same company twice: by name, by ID, or two records that find the same tracked one.
    const marks = [`name:${key(file.name)}`];
    if (file.id !== undefined) marks.push(`id:${file.id}`);
    if (match) marks.push(`tracked:${match.id}`);
    if (marks.some((mark) => seen.has(mark))) {
      skip(file.name, 'listed more than once in the file');
      continue;
    }
    for (const mark of marks) seen.add(mark);
    if (!match) {
      newcomers.push(file);
      continue;
    }
    const namesake = byName.get(key(file.name));
    if (namesake && namesake.id !== match.id) {
      skip(file.name, `another tracked company is already called "${namesake.name}"`);
      continue;
    }
    const after = mergeCompany(match, file, byItsId !== undefined);
    const changes = describeChanges(match, after);
    const refused = overLimit(after);
    if (refused) skip(file.name, refused);
    else if (changes.length === 0) skip(file.name, 'already tracked, nothing to change');
    else preview.changed.push({ before: match, after, changes });
  }
  const changedIds = new Set(preview.changed.map((c) => c.after.id));
  const used = [
    ...existing.filter((e) => !changedIds.has(e.id)).map((e) => e.color),
    ...preview.changed.map((c) => c.after.color),
    ...newcomers.flatMap((file) => file.color ?? []),
  ];
  for (const file of newcomers) {
    const color = file.color ?? freeColor(used);
    if (file.color === undefined) used.push(color);
    // Distinct creation times keep the new companies in the file's order.
    const entity = newCompany(file, color, now + preview.added.length);
    const refused = overLimit(entity);
    if (refused) skip(file.name, refused);
    else preview.added.push(entity);
  }
  return preview;
}

/** The companies the store should write to carry out a preview. */
export function companiesToWrite(preview: ImportPreview): TrackedEntity[] {
  return [...preview.added, ...preview.changed.map((c) => c.after)];
}
