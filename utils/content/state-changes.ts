/**
 * Turns a storage.onChanged event into the part of the content state that changed, validated
 * the same way as a fresh read, so every open tab follows the tracked list and settings. Both
 * areas the background writes report the change (start.ts keeps the first of the two).
 */

import type { TrackedEntity } from '../entities';
import { validateSettings } from '../settings';
import { CONTENT_STATE_AREAS, type ContentState, SETTINGS_KEY, TRACKED_LIST_KEY } from '../tracked-list';

interface StorageChange {
  newValue?: unknown;
}

export function contentStateChange(
  changes: Record<string, StorageChange>,
  areaName: string,
): Partial<ContentState> | null {
  if (!CONTENT_STATE_AREAS.includes(areaName)) return null;
  const change: Partial<ContentState> = {};
  if (TRACKED_LIST_KEY in changes) {
    const list = changes[TRACKED_LIST_KEY]?.newValue;
    change.entities = Array.isArray(list) ? (list as TrackedEntity[]) : [];
  }
  if (SETTINGS_KEY in changes) change.settings = validateSettings(changes[SETTINGS_KEY]?.newValue);
  return change.entities || change.settings ? change : null;
}
