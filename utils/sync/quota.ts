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

const KEEPS_WORKING = 'Everything still works on this browser; sync resumes once it fits.';

const encoder = new TextEncoder();
export const itemBytes = (key: string, record: SyncedRecord) =>
  encoder.encode(key).length + encoder.encode(JSON.stringify(toSyncItem(record))).length;

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

function itemName(key: string, record: SyncedRecord): string {
  if (key === SETTINGS_KEY) return 'Your settings';
  if (isCompanyKey(key) && record.text !== null) return `“${(parseCompany(record.text) as TrackedEntity).name}”`;
  return 'One item';
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
      return `Sync is paused: ${itemName(key, record)} needs ${kb(bytes)}, more than the ${kb(QUOTA_BYTES_PER_ITEM)} the browser’s sync allows for one item. ${KEEPS_WORKING}`;
    }
    total += bytes;
  }
  if (total > QUOTA_BYTES) {
    return `Sync is paused: your companies and settings need ${kb(total)}, more than the ${kb(QUOTA_BYTES)} the browser’s sync allows. ${KEEPS_WORKING}`;
  }
  if (area.size > MAX_ITEMS) {
    return `Sync is paused: ${area.size - 1} companies are more than the ${MAX_ITEMS - 1} the browser’s sync can hold. ${KEEPS_WORKING}`;
  }
  return null;
}
