/**
 * The background's handler registry: one function per protocol message. Requests reach these
 * already validated (see router.ts), so handlers deal only in typed data.
 */
import { addEntity, listEntities, removeEntity } from '../db/entities';
import type { NewsDb } from '../db/schema';
import { listStories, saveStory } from '../db/stories';
import type { MessageType, RequestOf, ResponseOf } from '../messaging';
import { publishEntities } from '../tracked-list';

export interface MessageContext {
  /** The tab a content script message came from, if any. */
  tabId: number | undefined;
}

export type Handlers = {
  [K in MessageType]: (request: RequestOf<K>, context: MessageContext) => Promise<ResponseOf<K>>;
};

export function createHandlers(getDb: () => Promise<NewsDb>): Handlers {
  return {
    'content:reportStory': async (report) => {
      await saveStory(await getDb(), report);
      return { saved: true };
    },
    'ui:listStories': async ({ limit }) => listStories(await getDb(), limit),
    'ui:listEntities': async () => listEntities(await getDb()),
    'ui:addEntity': async (input) => {
      const db = await getDb();
      const entity = await addEntity(db, input);
      await publishEntities(db);
      return entity;
    },
    'ui:removeEntity': async ({ id }) => {
      const db = await getDb();
      const removed = await removeEntity(db, id);
      await publishEntities(db);
      return { removed };
    },
  };
}
