/**
 * What an import would do, worked out before anything is written: which companies are new,
 * which would change (and how), and which are skipped and why. A company in the file is the
 * same as a tracked one when it has the same ID or, failing that, the same name (ignoring case).
 */
import type { TrackedEntity } from '../entities';

export interface ChangedCompany {
  before: TrackedEntity;
  after: TrackedEntity;
  /** Which visible details differ, for the preview ("aliases", "colour"). */
  fields: string[];
}

export interface ImportPreview {
  added: TrackedEntity[];
  changed: ChangedCompany[];
  skipped: { name: string; reason: string }[];
}

const key = (name: string) => name.toLocaleLowerCase();

const COMPARED: [string, (e: TrackedEntity) => unknown][] = [
  ['name', (e) => e.name],
  ['aliases', (e) => e.aliases],
  ['exclusions', (e) => e.exclusions],
  ['colour', (e) => e.color],
  ['enabled', (e) => e.enabled],
  ['watchlist', (e) => e.watchlist],
];

export function changedFields(before: TrackedEntity, after: TrackedEntity): string[] {
  return COMPARED.filter(([, get]) => JSON.stringify(get(before)) !== JSON.stringify(get(after))).map(([name]) => name);
}

export function previewImport(incoming: readonly TrackedEntity[], existing: readonly TrackedEntity[]): ImportPreview {
  const byId = new Map(existing.map((e) => [e.id, e]));
  const byName = new Map(existing.map((e) => [key(e.name), e]));
  const seenNames = new Set<string>();
  const seenIds = new Set<string>();
  const preview: ImportPreview = { added: [], changed: [], skipped: [] };
  for (const entity of incoming) {
    const name = key(entity.name);
    if (seenNames.has(name) || seenIds.has(entity.id)) {
      preview.skipped.push({ name: entity.name, reason: 'listed more than once in the file' });
      continue;
    }
    seenNames.add(name);
    seenIds.add(entity.id);
    const match = byId.get(entity.id) ?? byName.get(name);
    if (!match) {
      preview.added.push(entity);
      continue;
    }
    const namesake = byName.get(name);
    if (namesake && namesake.id !== match.id) {
      preview.skipped.push({
        name: entity.name,
        reason: `another tracked company is already called "${namesake.name}"`,
      });
      continue;
    }
    const after: TrackedEntity = { ...entity, id: match.id, createdAt: match.createdAt };
    const fields = changedFields(match, after);
    if (fields.length === 0) preview.skipped.push({ name: entity.name, reason: 'already tracked, nothing to change' });
    else preview.changed.push({ before: match, after, fields });
  }
  return preview;
}

/** The companies the store should write to carry out a preview. */
export function companiesToWrite(preview: ImportPreview): TrackedEntity[] {
  return [...preview.added, ...preview.changed.map((c) => c.after)];
}
