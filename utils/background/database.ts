/**
 * The background's connection to IndexedDB. One connection is opened on first use and reused;
 * it is dropped (and reopened on next use) when the browser closes it or another context needs
 * to upgrade the schema. A database that cannot be opened becomes a StorageProblem the popup
 * can show.
 */
import { type NewsDb, openNewsDb } from '../db/schema';
import { StorageProblem, UNAVAILABLE_MESSAGE } from './storage-problem';

export function createDbAccess(open: () => Promise<NewsDb> = () => openNewsDb()): () => Promise<NewsDb> {
  let connection: Promise<NewsDb> | null = null;
  return () => {
    if (!connection) {
      const opening = open().then(
        (db) => {
          const forget = () => {
            if (connection === opening) connection = null;
          };
          db.addEventListener('close', forget);
          db.addEventListener('versionchange', () => {
            db.close();
            forget();
          });
          return db;
        },
        (error: unknown) => {
          connection = null;
          throw new StorageProblem(`${UNAVAILABLE_MESSAGE} (${error instanceof Error ? error.message : error})`);
        },
      );
      connection = opening;
    }
    return connection;
  };
}
