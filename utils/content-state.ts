/**
 * What every content script needs before it looks at a page: the enabled tracked companies and
 * the settings. They live in one storage.local item. The background is its only
 * writer (utils/background/content-state.ts); a content script reads it once as it starts and
 * then follows its change event, so a tab sees each change once, in the order it was made.
 *
 * storage.local rather than a message to the background: a content script starts on every page
 * load, and most pages need nothing, so asking must not wake the service worker. storage.local
 * survives a browser restart, so pages that load before the worker has run again still read
 * the list, and it is the one area both Chrome and Firefox let content scripts read.
 *
 * Read and written with the storage API itself: a storage library would add about 7 KB to the
 * content script, which every page loads, for one key. A change to the item's shape needs
 * `validContentState` to read the old shape too, as a page may read it before the worker has
 * rewritten it.
 */
import { browser } from 'wxt/browser';
import type { TrackedEntity } from './entities';
import { DEFAULT_SETTINGS, type Settings, validateSettings } from './settings';

export interface ContentState {
  /** The enabled companies, in the order the user added them. */
  entities: TrackedEntity[];
  settings: Settings;
}

export const EMPTY_CONTENT_STATE: ContentState = { entities: [], settings: DEFAULT_SETTINGS };

/** The item's key in storage.local. */
const KEY = 'contentState';

/** The item as read from storage, checked: settings completed with defaults, a broken list read as empty. */
export function validContentState(raw: unknown): ContentState {
  const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof ContentState, unknown>>;
  return {
    entities: Array.isArray(stored.entities) ? (stored.entities as TrackedEntity[]) : [],
    settings: validateSettings(stored.settings),
  };
}

export async function readContentState(): Promise<ContentState> {
  return validContentState((await browser.storage.local.get(KEY))[KEY]);
}

/** Written by the background alone (utils/background/content-state.ts). */
export async function writeContentState(state: ContentState): Promise<void> {
  await browser.storage.local.set({ [KEY]: state });
}

/** Calls `onChange` with each new state the background writes; returns the function that stops it. */
export function watchContentState(onChange: (state: ContentState) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[KEY];
    if (area === 'local' && change) onChange(validContentState(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
