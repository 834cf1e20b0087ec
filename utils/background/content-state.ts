/**
 * Writes the content state (utils/content-state.ts) from the database: after every change to
 * the tracked companies or the settings, and each time the worker starts, so a worker stopped
 * between a database write and this one never leaves pages with a stale list.
 *
 * Two quick changes need no queue to land in order. Each write reads the database in a
 * transaction opened after its change committed, and writes storage as soon as that read
 * completes. IndexedDB runs transactions over the same stores in the order they were opened,
 * so the read that completes last was opened after every change already committed: the state
 * written last is never older than one written before it.
 */
import { writeContentState } from '../content-state';
import type { NewsDb } from '../db/schema';
import { validateSettings } from '../settings';

export async function publishContentState(db: NewsDb): Promise<void> {
  const tx = db.transaction(['entities', 'settings']);
  const [entities, settings] = await Promise.all([
    tx.objectStore('entities').index('by-created').getAll(),
    tx.objectStore('settings').get('settings'),
    tx.done,
  ]);
  await writeContentState({
    entities: entities.filter((e) => e.enabled),
    settings: validateSettings(settings),
  });
}
