/**
 * Storage trouble the popup must tell the user about: the disk quota is full, IndexedDB cannot
 * be opened at all, or a newer version of News Tracker owns the database. A full disk is
 * noticed when a write fails, so it is kept in storage.local (not in memory: the popup still
 * sees it after the service worker has been stopped) until a later write succeeds; the other
 * two are checked when asked.
 */
import { browser } from 'wxt/browser';

export const STORAGE_PROBLEM_KEY = 'storageProblem';

export const QUOTA_MESSAGE =
  'Storage is full: new stories and changes are not being saved. Everything already stored is safe. ' +
  'Free disk space, delete old stories, or set a retention limit in the options.';

export const UNAVAILABLE_MESSAGE =
  'News Tracker cannot open its database (IndexedDB is unavailable, for example in a private window or when ' +
  'the browser blocks site data). New stories are not being saved.';

export const NEWER_VERSION_MESSAGE =
  'Your stories were saved by a newer version of News Tracker, so this version shows them but does not change ' +
  'them or save new ones. Update News Tracker to carry on.';

/** An error that has already been turned into a message for the user. */
export class StorageProblem extends Error {
  override name = 'StorageProblem';
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

/** IndexedDB reports a full disk as a QuotaExceededError, from the request or the aborted transaction. */
export function isQuotaError(error: unknown): boolean {
  return errorName(error) === 'QuotaExceededError';
}

export async function recordStorageProblem(message: string): Promise<void> {
  try {
    await browser.storage.local.set({ [STORAGE_PROBLEM_KEY]: message });
  } catch {
    // storage.local may be full too; the error still reaches the user through the failed request.
  }
}

export async function clearStorageProblem(): Promise<void> {
  await browser.storage.local.remove(STORAGE_PROBLEM_KEY);
}

export async function readStorageProblem(): Promise<string | null> {
  const stored = (await browser.storage.local.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY];
  return typeof stored === 'string' ? stored : null;
}
