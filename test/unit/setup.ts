// fake-indexeddb/auto installs IDBRequest, IDBKeyRange and friends, which idb relies on.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installFakeScripting } from './fake-scripting';

// Every test starts with an empty database and a fresh fake browser.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  installFakeScripting();
});
