/**
 * Storage trouble the popup must tell the user about: the disk quota is full, IndexedDB cannot
 * be opened at all, or a newer version of News Tracker owns the database.
 */

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
