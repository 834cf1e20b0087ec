/**
 * Reads and changes an extension's state from one of its own pages, as the popup does: protocol
 * messages through runtime.sendMessage, and a snapshot of everything it stores (every IndexedDB
 * database, storage.local and storage.session) for before/after comparisons. The snapshot works
 * for any extension, so negative-control builds are judged by the same measure.
 */
import type { Page } from 'playwright-core';
import type { MessageType, Reply, RequestOf, ResponseOf } from '../../utils/messaging';
import type { ExtensionBrowser } from '../support/chromium';

/** The few extension APIs these helpers call inside the page (the `chrome` global is not typed here). */
export interface ChromeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown>; id: string };
  storage: {
    local: { get(keys: null): Promise<Record<string, unknown>> };
    session?: { get(keys: null): Promise<Record<string, unknown>> };
  };
}
declare const chrome: ChromeApi;

/** An extension page kept open for reading state (manifest.json works for any extension). */
export async function openStatePage(browser: ExtensionBrowser, page = 'popup.html'): Promise<Page> {
  return browser.openExtensionPage(page);
}

export async function sendProtocol<K extends MessageType>(
  page: Page,
  type: K,
  payload: RequestOf<K>,
): Promise<Reply<ResponseOf<K>>> {
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const) as Promise<Reply<ResponseOf<K>>>;
}

/** Like sendProtocol, but throws when the background refuses. */
export async function callProtocol<K extends MessageType>(
  page: Page,
  type: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const reply = await sendProtocol(page, type, payload);
  if (!reply.ok) throw new Error(`${type} refused: ${reply.error}`);
  return reply.value;
}

/** Everything the extension stores, as one JSON text (keys in a stable order). */
export async function snapshotStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const databases: Record<string, Record<string, unknown>> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const open = indexedDB.open(info.name);
      const db = await request(open);
      const stores: Record<string, unknown> = {};
      for (const name of [...db.objectStoreNames].sort()) {
        const store = db.transaction(name).objectStore(name);
        stores[name] = { keys: await request(store.getAllKeys()), values: await request(store.getAll()) };
      }
      db.close();
      databases[info.name] = stores;
    }
    const local = await chrome.storage.local.get(null);
    const session = chrome.storage.session ? await chrome.storage.session.get(null) : {};
    const sorted = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sorted);
      if (value && typeof value === 'object') {
        return Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
        );
      }
      return value;
    };
    return JSON.stringify(sorted({ databases, local, session }));
  });
}
