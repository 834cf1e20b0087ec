/**
 * What the popup and options pages need from the background, behind one interface so the
 * Preact UI can be tested against the in-memory implementation below.
 */
import { createEntity, type NewEntityInput, type TrackedEntity } from './entities';
import { sendMessage } from './messaging';
import type { StoryRecord } from './stories';

export interface StoreClient {
  listStories(limit: number): Promise<StoryRecord[]>;
  listEntities(): Promise<TrackedEntity[]>;
  addEntity(input: NewEntityInput): Promise<TrackedEntity>;
  removeEntity(id: string): Promise<boolean>;
}

export const backgroundClient: StoreClient = {
  listStories: (limit) => sendMessage('ui:listStories', { limit }),
  listEntities: () => sendMessage('ui:listEntities', {}),
  addEntity: (input) => sendMessage('ui:addEntity', input),
  removeEntity: async (id) => (await sendMessage('ui:removeEntity', { id })).removed,
};

/** An in-memory store with the same behaviour, for component tests. */
export function createMemoryClient(stories: StoryRecord[] = [], entities: TrackedEntity[] = []): StoreClient {
  return {
    listStories: async (limit) => [...stories].sort((a, b) => b.lastSeen - a.lastSeen).slice(0, limit),
    listEntities: async () => [...entities],
    addEntity: async (input) => {
      const entity = createEntity(input, entities.length);
      if (entities.some((e) => e.name.toLocaleLowerCase() === entity.name.toLocaleLowerCase())) {
        throw new Error(`"${entity.name}" is already tracked.`);
      }
      entities.push(entity);
      return entity;
    },
    removeEntity: async (id) => {
      const index = entities.findIndex((e) => e.id === id);
      if (index >= 0) entities.splice(index, 1);
      return index >= 0;
    },
  };
}
