/**
 * Applies the records a sync merge took from other browsers to the database, in one
 * transaction. A record changed here while the merge ran (the user edited it meanwhile) is left
 * as it is: that change asks for another merge, which weighs it against the synced one.
 */
import type { NewsDb } from '../db/schema';
import { validateSettings } from '../settings';
import { companyIdOf, companyText, isCompanyKey, parseCompany, SETTINGS_KEY, settingsText } from '../sync/items';

/** Returns whether anything changed. */
export async function applyMerge(
  db: NewsDb,
  apply: ReadonlyMap<string, string | null>,
  seen: ReadonlyMap<string, string>,
): Promise<boolean> {
  if (apply.size === 0) return false;
  const tx = db.transaction(['entities', 'settings'], 'readwrite');
  const entities = tx.objectStore('entities');
  const settings = tx.objectStore('settings');
  let changed = false;
  for (const [key, text] of apply) {
    if (key === SETTINGS_KEY) {
      if (text === null || settingsText(await settings.get('settings')) !== seen.get(key)) continue;
      await settings.put(validateSettings(JSON.parse(text)), 'settings');
    } else if (isCompanyKey(key)) {
      const id = companyIdOf(key);
      const current = await entities.get(id);
      if ((current ? companyText(current) : undefined) !== seen.get(key)) continue;
      if (text === null) await entities.delete(id);
      else await entities.put(parseCompany(text));
    } else continue;
    changed = true;
  }
  await tx.done;
  return changed;
}
