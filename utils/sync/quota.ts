/**
 * The limits of the browser's sync area, checked before writing: Chrome and Firefox both allow
 * 8,192 bytes an item (its key plus its value as JSON), 102,400 bytes and 512 items in all. A
 * write over them fails as a whole, so News Tracker does not try one; it says what does not fit.
 */
import type { TrackedEntity } from '../entities';
import { isCompanyKey, parseCompany, SETTINGS_KEY, type SyncedRecord, toSyncItem } from './items';

export const QUOTA_BYTES_PER_ITEM = 8192;
export const QUOTA_BYTES = 102_400;
export const MAX_ITEMS = 512;

const KEEPS_WORKING = 'Everything still works on this browser, and sync resumes once it fits.';

const encoder = new TextEncoder();
export const itemBytes = (key: string, record: SyncedRecord) =>
  encoder.encode(key).length + encoder.encode(JSON.stringify(toSyncItem(record))).length;

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** The item too big for sync, and what would make it fit. */
function tooBig(key: string, record: SyncedRecord): string {
  if (key === SETTINGS_KEY) return 'your settings need {size}; shorten the lists of sites';
  if (isCompanyKey(key) && record.text !== null) {
    return `“${(parseCompany(record.text) as TrackedEntity).name}” needs {size}; give it fewer aliases or exclusions`;
  }
  return 'one item needs {size}';
}

/**
 * Why the sync area cannot hold these items (the whole area as it would be after the write),
 * or null when it can.
 */
export function quotaProblem(area: ReadonlyMap<string, SyncedRecord>): string | null {
  let total = 0;
  for (const [key, record] of area) {
    const bytes = itemBytes(key, record);
    if (bytes > QUOTA_BYTES_PER_ITEM) {
      const what = tooBig(key, record).replace(
        '{size}',
        `${kb(bytes)}, more than the ${kb(QUOTA_BYTES_PER_ITEM)} the browser’s sync allows for one item`,
      );
      return `Sync is paused: ${what}. ${KEEPS_WORKING}`;
    }
    total += bytes;
  }
  if (total > QUOTA_BYTES) {
    return `Sync is paused: your companies and settings need ${kb(total)}, more than the ${kb(QUOTA_BYTES)} the browser’s sync allows; remove companies you no longer follow, or shorten their aliases. ${KEEPS_WORKING}`;
  }
  if (area.size > MAX_ITEMS) {
    return `Sync is paused: the browser’s sync holds at most ${MAX_ITEMS} items, and your companies and settings (with companies deleted in the last days) need ${area.size}. ${KEEPS_WORKING}`;
  }
  return null;
}
