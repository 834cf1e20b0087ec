import { createEntity, type NewEntityInput, type TrackedEntity } from '../entities';
import type { NewsDb } from './schema';

export async function listEntities(db: NewsDb): Promise<TrackedEntity[]> {
  return db.getAllFromIndex('entities', 'by-created');
}

/** Adds a company; a name already tracked (ignoring case) is refused with a clear message. */
export async function addEntity(db: NewsDb, input: NewEntityInput): Promise<TrackedEntity> {
  const tx = db.transaction('entities', 'readwrite');
  const existing = await tx.store.getAll();
  const entity = createEntity(input, existing.length);
  const clash = existing.find((e) => e.name.toLocaleLowerCase() === entity.name.toLocaleLowerCase());
  if (clash) throw new Error(`"${clash.name}" is already tracked.`);
  await tx.store.add(entity);
  await tx.done;
  return entity;
}

export async function removeEntity(db: NewsDb, id: string): Promise<boolean> {
  const tx = db.transaction('entities', 'readwrite');
  const found = (await tx.store.getKey(id)) !== undefined;
  if (found) await tx.store.delete(id);
  await tx.done;
  return found;
}
