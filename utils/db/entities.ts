import { cleanName, createEntity, type NewEntityInput, type TrackedEntity } from '../entities';
import type { NewsDb } from './schema';

export type EntityPatch = Partial<Omit<TrackedEntity, 'id' | 'createdAt'>>;

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export async function listEntities(db: NewsDb): Promise<TrackedEntity[]> {
  return db.getAllFromIndex('entities', 'by-created');
}

/** Adds a company; a name already tracked (ignoring case) is refused with a clear message. */
export async function addEntity(db: NewsDb, input: NewEntityInput): Promise<TrackedEntity> {
  const { added, skipped } = await addEntities(db, [input]);
  if (skipped[0]) throw new Error(skipped[0].reason);
  return added[0] as TrackedEntity;
}

/** Adds several companies in one transaction; each one that cannot be added says why. */
export async function addEntities(
  db: NewsDb,
  inputs: NewEntityInput[],
): Promise<{ added: TrackedEntity[]; skipped: { name: string; reason: string }[] }> {
  const tx = db.transaction('entities', 'readwrite');
  const existing = await tx.store.getAll();
  const added: TrackedEntity[] = [];
  const skipped: { name: string; reason: string }[] = [];
  const now = Date.now();
  for (const input of inputs) {
    try {
      // Distinct creation times keep the list in the order the companies were given.
      const entity = createEntity(input, existing.length, now + added.length);
      const clash = existing.find((e) => sameName(e.name, entity.name));
      if (clash) throw new Error(`"${clash.name}" is already tracked.`);
      await tx.store.add(entity);
      existing.push(entity);
      added.push(entity);
    } catch (error) {
      skipped.push({ name: input.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  await tx.done;
  return { added, skipped };
}

export async function updateEntity(db: NewsDb, id: string, patch: EntityPatch): Promise<TrackedEntity> {
  const tx = db.transaction('entities', 'readwrite');
  const current = await tx.store.get(id);
  if (!current) throw new Error('That company is no longer tracked.');
  const name = patch.name === undefined ? current.name : cleanName(patch.name);
  if (name.length === 0) throw new Error('A tracked company needs a name.');
  const clash = (await tx.store.getAll()).find((e) => e.id !== id && sameName(e.name, name));
  if (clash) throw new Error(`"${clash.name}" is already tracked.`);
  const updated: TrackedEntity = { ...current, ...patch, name, id: current.id, createdAt: current.createdAt };
  await tx.store.put(updated);
  await tx.done;
  return updated;
}

export async function removeEntity(db: NewsDb, id: string): Promise<boolean> {
  const tx = db.transaction('entities', 'readwrite');
  const found = (await tx.store.getKey(id)) !== undefined;
  if (found) await tx.store.delete(id);
  await tx.done;
  return found;
}

/**
 * Imports companies from a backup: one with a known id, or else a known name, replaces the
 * stored one (keeping its id); the rest are added. All or nothing, in one transaction.
 */
export async function importEntities(
  db: NewsDb,
  entities: TrackedEntity[],
): Promise<{ added: number; changed: number }> {
  const tx = db.transaction('entities', 'readwrite');
  const existing = await tx.store.getAll();
  let added = 0;
  let changed = 0;
  for (const entity of entities) {
    const match = existing.find((e) => e.id === entity.id) ?? existing.find((e) => sameName(e.name, entity.name));
    if (match) {
      const replacement = { ...entity, id: match.id };
      if (JSON.stringify(replacement) !== JSON.stringify(match)) changed += 1;
      await tx.store.put(replacement);
      existing[existing.indexOf(match)] = replacement;
    } else {
      await tx.store.add(entity);
      existing.push(entity);
      added += 1;
    }
  }
  await tx.done;
  return { added, changed };
}
