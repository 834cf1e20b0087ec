/**
 * The tracked list as content scripts read it. Content scripts must not wake the service worker
 * on every page load, so the background mirrors the enabled entities and the settings where
 * content scripts read them directly and watch for changes, in two storage areas:
 *
 *   storage.session  in memory, the quickest to read (every page load reads it); the background
 *                    opens it to content scripts at every start (Chrome; Firefox cannot yet)
 *   storage.local    on disk: still there after a browser restart, before the worker has run
 *                    again, and the only area Firefox's content scripts can read
 */
import { type Browser, browser } from 'wxt/browser';
import { syncSkipHint } from './background/skip-hint';
import { listEntities } from './db/entities';
import type { NewsDb } from './db/schema';
import { loadSettings } from './db/settings';
import type { TrackedEntity } from './entities';
import { type Settings, validateSettings } from './settings';

export const TRACKED_LIST_KEY = 'trackedEntities';
export const SETTINGS_KEY = 'settings';
const CONTENT_STATE_KEYS = [TRACKED_LIST_KEY, SETTINGS_KEY];
/** The storage areas the content state is kept in: content scripts follow changes in both. */
export const CONTENT_STATE_AREAS = ['session', 'local'];

/** Everything a content script needs before it looks at a page, read in one storage call. */
export interface ContentState {
  entities: TrackedEntity[];
  settings: Settings;
}

/** storage.session with Chrome's access switch (missing in Firefox and in the typings). */
type SessionArea = Browser.storage.StorageArea & {
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void>;
};

/** storage.session if this browser lets content scripts read it, else undefined. */
function sessionArea(): SessionArea | undefined {
  const session = browser.storage.session as SessionArea | undefined;
  return typeof session?.setAccessLevel === 'function' ? session : undefined;
}

/**
 * Writes to both areas. storage.local first: it is what survives. The session copy is only a
 * quicker way to the same data, so when it cannot be written it is removed (content scripts then
 * read storage.local) rather than left behind stale.
 */
async function publish(items: Partial<Record<string, unknown>>): Promise<void> {
  await browser.storage.local.set(items);
  const session = sessionArea();
  if (!session) return;
  try {
    // Session storage is private to the extension's pages until opened; the level is forgotten
    // when the browser closes, so it is set again with every write (it costs nothing).
    await session.setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
    await session.set(items);
  } catch {
    await session.remove(Object.keys(items)).catch(() => undefined);
  }
}

/** The publish running or last run: each waits for the one before it. */
let publishing: Promise<unknown> = Promise.resolve();

/**
 * Publishes run one at a time, and each reads the database only when its turn comes. So an
 * older publish can never land after a newer one: the worker's start (which waits for the skip
 * hint's registration, slow while the browser starts) once wrote its empty list over the company
 * a person added in the meantime, and pages stayed blind to it until the next change.
 */
function inTurn(job: () => Promise<void>): Promise<void> {
  const turn = publishing.then(job, job);
  publishing = turn.catch(() => undefined);
  return turn;
}

export function publishEntities(db: NewsDb): Promise<void> {
  return inTurn(async () => {
    const entities = (await listEntities(db)).filter((e) => e.enabled);
    await publish({ [TRACKED_LIST_KEY]: entities });
  });
}

/** The settings as stored now. */
export function publishSettings(db: NewsDb): Promise<void> {
  return inTurn(async () => {
    const settings = await loadSettings(db);
    // First: the hint must not tell pages that load meanwhile that non-articles need nothing
    // once the new settings say otherwise (see background/skip-hint.ts).
    await syncSkipHint(settings);
    await publish({ [SETTINGS_KEY]: settings });
  });
}

/**
 * Rewrites both copies from the database. Run whenever the worker starts: a worker stopped
 * between a database write and its copy here must not leave content scripts with a stale list.
 */
export function publishContentState(db: NewsDb): Promise<void> {
  return inTurn(async () => {
    const entities = (await listEntities(db)).filter((e) => e.enabled);
    const settings = await loadSettings(db);
    await syncSkipHint(settings);
    await publish({ [TRACKED_LIST_KEY]: entities, [SETTINGS_KEY]: settings });
  });
}

/**
 * The content state, from storage.session when the background has put it there, else from
 * storage.local (the browser has just started and the worker has not run yet, or Firefox).
 */
export async function readContentState(): Promise<ContentState> {
  const session = sessionArea();
  // Refused or empty until the background has opened and filled it (after a browser restart).
  const quick = session ? await session.get(CONTENT_STATE_KEYS).catch(() => null) : null;
  const complete = quick?.[TRACKED_LIST_KEY] !== undefined && quick[SETTINGS_KEY] !== undefined;
  const stored = complete ? quick : await browser.storage.local.get(CONTENT_STATE_KEYS);
  return contentStateOf(stored);
}

function contentStateOf(stored: Record<string, unknown>): ContentState {
  const list = stored[TRACKED_LIST_KEY];
  return {
    entities: Array.isArray(list) ? (list as TrackedEntity[]) : [],
    settings: validateSettings(stored[SETTINGS_KEY]),
  };
}
