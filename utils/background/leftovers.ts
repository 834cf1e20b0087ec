/**
 * Removes what an earlier layout of the content state left in the browser, once per worker
 * start: the tracked list and settings as two storage keys (in storage.local, and a copy in
 * storage.session that content scripts could read), and a registered content script that read
 * them. Left alone, the keys would sit on disk for ever and the script would be injected from
 * a file this version does not ship. Each removal is harmless when there is nothing to remove.
 */
import { browser } from 'wxt/browser';

const OLD_KEYS = ['trackedEntities', 'settings'];
const OLD_SCRIPT_ID = 'skip-non-articles';

export async function removeOldContentState(): Promise<void> {
  await browser.storage.local.remove(OLD_KEYS);
  await browser.storage.session?.remove(OLD_KEYS);
  const scripting = browser.scripting;
  if (typeof scripting?.getRegisteredContentScripts !== 'function') return;
  const registered = await scripting.getRegisteredContentScripts({ ids: [OLD_SCRIPT_ID] });
  if (registered.length > 0) await scripting.unregisterContentScripts({ ids: [OLD_SCRIPT_ID] });
}
