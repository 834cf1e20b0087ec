/**
 * Tools for the store's end-to-end and fault-injection tests (store*.e2e.ts, faults*.e2e.ts):
 * reading the extension's real IndexedDB from one of its pages, checking it is consistent,
 * holding a write transaction open inside the service worker, reading a tab's badge, and
 * reaching the browser target (DevTools Protocol) to reload the extension from a folder the way
 * an update does.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page, type Worker } from 'playwright-core';
import type { MessageType, Reply, RequestOf, ResponseOf } from '../../utils/messaging';
import { bundleForPage } from '../support/bundle';
import { EXTENSION_DIR, type ExtensionBrowser } from '../support/chromium';

/** The few extension APIs the tests call inside the extension's pages. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

/** Extra switches so a test can reach the browser target and load extensions through it. */
export const BROWSER_TARGET_ARGS = ['--remote-debugging-port=0', '--enable-unsafe-extension-debugging'];

/** What the extension's database holds, as read from one of its pages. */
export interface StoreDump {
  version: number;
  stories: {
    /** The story's number, its key from schema version 6 on (null before version 4). */
    sid: number | null;
    url: string;
    visitedUrl: string;
    title: string;
    publisher: string | null;
    groupId: string | null;
  }[];
  /** The dashboard's facts: each one's story URL and the number it is stored under (null before version 6). */
  facts: { url: string; sid: number | null }[];
  /** Stories per company: as the dashboard's day counts add up (version 11 on), and as the facts name them. */
  perCompany: { counted: Record<string, number>; named: Record<string, number> };
  entities: { name: string; enabled: boolean }[];
  /** The tracked list content scripts read (the content state in storage.local). */
  mirror: string[];
  otherStores: Record<string, number>;
  /** A hash of every record of every store, to tell whether anything at all was written. */
  digest: string;
}

/** Sends one protocol message from an extension page, as the popup or options page does. */
export async function send<K extends MessageType>(page: Page, type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const)) as Reply<ResponseOf<K>>;
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value;
}

/**
 * Sends one message once, the way a bare `runtime.sendMessage` does (no retry when the worker
 * stops before answering); resolves with the reply, or the error's text.
 */
export async function sendOnce(page: Page, type: MessageType, payload: unknown): Promise<unknown> {
  return page.evaluate(
    ([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }).catch((error: unknown) => String(error)),
    [type, payload] as const,
  );
}

/** Reads the store until it holds at least `count` stories (reports arrive asynchronously). */
export async function waitForStories(page: Page, count: number, timeoutMs = 30_000): Promise<StoreDump> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dump = await readStore(page);
    if (dump.stories.length >= count || Date.now() > deadline) return dump;
    await page.waitForTimeout(250);
  }
}

/** Reads the whole database without opening it at a version (so a newer one is not upgraded or blocked). */
export async function readStore(page: Page): Promise<StoreDump> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('news-tracker');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    type Row = Record<string, unknown>;
    const stories = (await all('stories')) as Row[];
    const known = [
      'stories',
      'storyFacts',
      'dayCounts',
      'entities',
      'settings',
      'searchPostings',
      'searchPending',
      'tabStates',
      'notNews',
      'deletedStories',
      'feeds',
      'feedOptions',
      'copyBands',
    ];
    const otherStores: Record<string, number> = {};
    for (const name of [...db.objectStoreNames].filter((n) => !known.includes(n))) {
      otherStores[name] = (await all(name)).length;
    }
    let text = '';
    for (const name of [...db.objectStoreNames].sort()) text += `${name}:${JSON.stringify(await all(name))}`;
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    const dump = {
      digest: `${text.length}:${hash.toString(16)}`,
      version: db.version,
      stories: stories.map((s) => ({
        sid: typeof s.sid === 'number' ? s.sid : null,
        url: String(s.url),
        visitedUrl: String(s.visitedUrl),
        title: String(s.title),
        publisher: (s.publisher as string | null) ?? null,
        groupId: (s.groupId as string | undefined) ?? null,
      })),
      facts: ((await all('storyFacts')) as Row[]).map((f) => ({
        url: String(f.url),
        sid: typeof f.sid === 'number' ? f.sid : null,
      })),
      perCompany: await (async () => {
        const counted: Record<string, number> = {};
        const named: Record<string, number> = {};
        if (db.objectStoreNames.contains('dayCounts')) {
          for (const c of (await all('dayCounts')) as Row[]) {
            counted[String(c.entityId)] = (counted[String(c.entityId)] ?? 0) + Number(c.stories);
          }
          for (const f of (await all('storyFacts')) as Row[]) {
            for (const id of f.entityIds as string[]) named[id] = (named[id] ?? 0) + 1;
          }
        }
        return { counted, named };
      })(),
      entities: ((await all('entities')) as Row[]).map((e) => ({ name: String(e.name), enabled: e.enabled === true })),
      mirror: (
        (((await chrome.storage.local.get('contentState')).contentState as Row | undefined)?.entities ?? []) as Row[]
      ).map((e) => String(e.name)),
      otherStores,
    };
    db.close();
    return dump;
  });
}

/**
 * Everything that would mean a story was lost, duplicated or half-written: each expected
 * story stored once, no two records for one address, a dashboard fact for every story and none
 * for a missing one, syndication groups that point at a stored copy, and content scripts'
 * tracked list equal to the enabled companies. Empty when the store is sound.
 */
export function storeProblems(dump: StoreDump, expectedUrls?: readonly string[]): string[] {
  const problems: string[] = [];
  const urls = dump.stories.map((s) => s.url);
  const stored = new Set(urls);
  if (stored.size !== urls.length)
    problems.push(`a URL is stored twice: ${urls.filter((u, i) => urls.indexOf(u) !== i)}`);
  for (const s of dump.stories) {
    const bare = s.url.replace(/[?#].*$/u, '');
    if (bare !== s.url && stored.has(bare)) problems.push(`${s.url} duplicates ${bare}`);
    if (s.groupId !== null && !stored.has(s.groupId)) problems.push(`${s.url} is grouped under missing ${s.groupId}`);
  }
  if (expectedUrls) {
    for (const url of expectedUrls) if (!stored.has(url)) problems.push(`lost: ${url}`);
    for (const url of stored) if (!expectedUrls.includes(url)) problems.push(`unexpected: ${url}`);
  }
  const facts = new Set(dump.facts.map((f) => f.url));
  for (const url of stored) if (!facts.has(url)) problems.push(`no dashboard fact for ${url}`);
  for (const url of facts) if (!stored.has(url)) problems.push(`a dashboard fact without its story: ${url}`);
  if (dump.version >= 6) {
    // Facts are filed under their story's number: the dashboard's filters match them by it.
    const sidOf = new Map(dump.stories.map((s) => [s.url, s.sid]));
    for (const fact of dump.facts) {
      const sid = sidOf.get(fact.url);
      if (sid !== undefined && fact.sid !== sid)
        problems.push(`the fact of ${fact.url} is not under its story's number`);
    }
  }
  const { counted, named } = dump.perCompany;
  for (const id of new Set([...Object.keys(counted), ...Object.keys(named)])) {
    if (counted[id] !== named[id]) {
      problems.push(
        `the dashboard counts ${counted[id] ?? 0} stories about ${id}, the facts name it in ${named[id] ?? 0}`,
      );
    }
  }
  const enabled = dump.entities.filter((e) => e.enabled).map((e) => e.name);
  if (JSON.stringify([...enabled].sort()) !== JSON.stringify([...dump.mirror].sort())) {
    problems.push(`content scripts see [${dump.mirror}] but the tracked companies are [${enabled}]`);
  }
  return problems;
}

/**
 * Makes the service worker's next write of the story at `url` stay open: the store's own
 * transaction issues its writes, then is kept busy forever, so it can neither commit nor fail
 * until the worker is stopped. The patch lives in the worker's memory and dies with it.
 */
export async function holdWriteOf(serviceWorker: Worker, url: string): Promise<void> {
  // A string, not a function: the test runner's transforms must not touch code run in the worker.
  await serviceWorker.evaluate(`(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, ...rest) {
      const request = put.call(this, value, ...rest);
      if (this.name === 'stories' && value && value.url === ${JSON.stringify(url)}) {
        const store = this;
        const keepBusy = () => { store.count().onsuccess = keepBusy; };
        keepBusy();
        globalThis.newsTrackerHeldWrite = value.url;
      }
      return request;
    };
  })()`);
}

export async function heldWrite(serviceWorker: Worker): Promise<string | undefined> {
  return serviceWorker.evaluate('globalThis.newsTrackerHeldWrite');
}

/**
 * The badge of every tab whose page reported a status, by the page's URL, from the states the
 * worker keeps in IndexedDB (tabStates).
 */
export async function badges(serviceWorker: Worker): Promise<Record<string, { text: string; color: number[] }>> {
  return serviceWorker.evaluate(`(async () => {
    const request = (r) => new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const db = await request(indexedDB.open('news-tracker'));
    const store = db.transaction('tabStates').objectStore('tabStates');
    const [keys, values] = [await request(store.getAllKeys()), await request(store.getAll())];
    db.close();
    const out = {};
    for (const [i, tabId] of keys.entries()) {
      const value = values[i];
      if (!value.status) continue;
      out[value.status.url] = {
        text: await chrome.action.getBadgeText({ tabId }),
        color: await chrome.action.getBadgeBackgroundColor({ tabId }),
      };
    }
    return out;
  })()`);
}

/** The keys of both storage areas content scripts can be given (they read storage.local). */
export async function storageKeys(serviceWorker: Worker): Promise<{ local: string[]; session: string[] }> {
  return serviceWorker.evaluate(`(async () => ({
    local: Object.keys(await chrome.storage.local.get(null)).sort(),
    session: Object.keys(await chrome.storage.session.get(null)).sort(),
  }))()`);
}

/**
 * The extension's service worker, running: a message from one of its pages wakes a stopped
 * worker first (Playwright keeps one Worker object across restarts, and evaluating in a worker
 * that is stopped would wait forever).
 */
export async function runningServiceWorker(browser: ExtensionBrowser, page: Page): Promise<Worker> {
  await sendOnce(page, 'ui:getStorageProblem', {});
  const prefix = `chrome-extension://${browser.extensionId}/`;
  return (
    browser.context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
    (await browser.context.waitForEvent('serviceworker', (w) => w.url().startsWith(prefix)))
  );
}

/** A folder the extension is loaded from, whose contents a test can swap to update it in place. */
export interface ExtensionFolder {
  dir: string;
  /** Replaces the folder's contents with another build, optionally with another manifest version. */
  install(from: string, version?: string): void;
  remove(): void;
}

export function extensionFolder(from = EXTENSION_DIR): ExtensionFolder {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-tracker-extension-'));
  const folder: ExtensionFolder = {
    dir,
    install(source, version) {
      rmSync(dir, { recursive: true, force: true });
      cpSync(source, dir, { recursive: true });
      if (version) {
        const manifestPath = path.join(dir, 'manifest.json');
        const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
        writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }));
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  folder.install(from);
  return folder;
}

/**
 * Reloads the extension from its folder through the browser target, as Chrome does when it
 * installs an update: the old worker and pages go, content scripts already in pages are cut
 * off, and the new code starts. Needs BROWSER_TARGET_ARGS at launch.
 */
export async function reloadExtension(browser: ExtensionBrowser, dir: string): Promise<Worker> {
  const port = readFileSync(path.join(browser.profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const remote = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const session = await remote.newBrowserCDPSession();
    const prefix = `chrome-extension://${browser.extensionId}/`;
    const started = browser.context.waitForEvent('serviceworker', (w) => w.url().startsWith(prefix));
    const { id } = (await session.send('Extensions.loadUnpacked' as never, { path: dir } as never)) as { id: string };
    if (id !== browser.extensionId) throw new Error(`The update was installed as another extension (${id})`);
    return await started;
  } finally {
    await remote.close();
  }
}

/**
 * Builds one of the fixture versions of the extension in test/fixtures/store/<name>: its
 * manifest, and its background.ts bundled with the store's own modules. Returns the folder.
 */
export async function buildFixtureExtension(name: string): Promise<string> {
  const source = path.resolve('test/fixtures/store', name);
  const dir = mkdtempSync(path.join(tmpdir(), `news-tracker-${name}-`));
  cpSync(path.join(source, 'manifest.json'), path.join(dir, 'manifest.json'));
  writeFileSync(path.join(dir, 'background.js'), await bundleForPage(path.join(source, 'background.ts'), 'fixture'));
  return dir;
}

/** Waits until a fixture version says it has filled (or opened) the database, after `since`. */
export async function waitForFixture(page: Page, since: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const { fixtureFilled } = await page.evaluate(() => chrome.storage.local.get('fixtureFilled'));
    if (typeof fixtureFilled === 'number' && fixtureFilled >= since) return;
    await page.waitForTimeout(200);
  }
  throw new Error('The fixture version of the extension did not finish');
}
