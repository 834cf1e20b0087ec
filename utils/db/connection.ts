/**
 * The connection to IndexedDB, for the background and for extension pages that read directly.
 * One connection is opened on first use and reused; it is dropped (and reopened on next use)
 * when the browser closes it or another context needs to upgrade the schema. A database that
 * cannot be opened becomes a StorageProblem the popup can show.
 *
 * A database already upgraded by a newer version of News Tracker (the user went back to an
 * older version, or a release was rolled back) is opened as it is, read-only: the user still
 * sees every story, and this version never writes records or indexes the newer one would not
 * expect. Updating the extension again picks everything up where the newer version left it.
 */
import { openDB } from 'idb';
import { NEWER_VERSION_MESSAGE, StorageProblem, UNAVAILABLE_MESSAGE } from './problems';
import { DB_NAME, DB_VERSION, type NewsDb, type NewsTrackerDB, openNewsDb } from './schema';

const STORES = ['entities', 'stories', 'settings', 'storyFacts', 'dayCounts'] as const;

export function createDbAccess(open: () => Promise<NewsDb> = openForUse): () => Promise<NewsDb> {
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
          if (error instanceof StorageProblem) throw error;
          throw new StorageProblem(`${UNAVAILABLE_MESSAGE} (${error instanceof Error ? error.message : error})`);
        },
      );
      connection = opening;
    }
    return connection;
  };
}

/** Opens (creating or upgrading) the database; one left at a newer version is opened read-only. */
export async function openForUse(name = DB_NAME): Promise<NewsDb> {
  try {
    return await openNewsDb(name);
  } catch (error) {
    if (!(error instanceof Error && error.name === 'VersionError')) throw error;
  }
  // No version given: open at whatever version it has, without upgrading anything.
  const db = (await openDB<NewsTrackerDB>(name)) as NewsDb;
  if (!STORES.every((store) => db.objectStoreNames.contains(store))) {
    db.close();
    throw new StorageProblem(`${NEWER_VERSION_MESSAGE} This version cannot read it.`);
  }
  return readOnlyDb(db);
}

/** True for a database this version may only read (see openForUse). */
export function isReadOnly(db: NewsDb): boolean {
  return db.version > DB_VERSION;
}

/**
 * The same database with every write refused with NEWER_VERSION_MESSAGE. The guard sits on
 * `transaction()` itself, so no write path (handlers, retention, feed checks)
 * can get past it, however it was reached.
 */
function readOnlyDb(db: NewsDb): NewsDb {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return (stores: never, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
          if (mode !== undefined && mode !== 'readonly') throw new StorageProblem(NEWER_VERSION_MESSAGE);
          return target.transaction(stores, mode, options);
        };
      }
      // idb's shortcuts (db.get, db.put, ...) are not IDBDatabase methods: they open their
      // transaction through `this`, which must be this proxy so the guard above sees it.
      if (typeof prop === 'string' && !(prop in IDBDatabase.prototype)) return Reflect.get(target, prop, receiver);
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
