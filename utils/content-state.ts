/**
 * What every content script needs before it looks at a page: the enabled tracked companies and
 * the settings. They live in one versioned storage.local item. The background is its only
 * writer (utils/background/content-state.ts); a content script reads it once as it starts and
 * then follows its change event, so a tab sees each change once, in the order it was made.
 *
 * storage.local rather than a message to the background: a content script starts on every page
 * load, and most pages need nothing, so asking must not wake the service worker. storage.local
 * survives a browser restart, so pages that load before the worker has run again still read
 * the list, and it is the one area both Chrome and Firefox let content scripts read.
 *
 * A change to the item's shape raises `version` and adds a migration (WXT runs it where the
 * item is defined, before the first read).
 */
import { storage } from 'wxt/utils/storage';
import type { TrackedEntity } from './entities';
import { DEFAULT_SETTINGS, type Settings, validateSettings } from './settings';

export interface ContentState {
  /** The enabled companies, in the order the user added them. */
  entities: TrackedEntity[];
  settings: Settings;
}

export const EMPTY_CONTENT_STATE: ContentState = { entities: [], settings: DEFAULT_SETTINGS };

export const contentStateItem = storage.defineItem<ContentState>('local:contentState', {
  version: 1,
  fallback: EMPTY_CONTENT_STATE,
});

/** The item as read from storage, checked: settings completed with defaults, a broken list read as empty. */
export function validContentState(raw: unknown): ContentState {
  const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof ContentState, unknown>>;
  return {
    entities: Array.isArray(stored.entities) ? (stored.entities as TrackedEntity[]) : [],
    settings: validateSettings(stored.settings),
  };
}

export async function readContentState(): Promise<ContentState> {
  return validContentState(await contentStateItem.getValue());
}

/** Calls `onChange` with each new state the background writes; returns the function that stops it. */
export function watchContentState(onChange: (state: ContentState) => void): () => void {
  return contentStateItem.watch((state) => onChange(validContentState(state)));
}
