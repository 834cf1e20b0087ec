/**
 * An in-memory registry of dynamic content scripts for WXT's fake browser (which has none): the
 * background looks there for a script an earlier layout registered (utils/background/leftovers.ts).
 * It refuses what Chromium refuses: a second script with the same id, an unknown id.
 */
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Registered = Browser.scripting.RegisteredContentScript;

export function installFakeScripting(): Map<string, Registered> {
  const scripts = new Map<string, Registered>();
  const known = (ids: string[] | undefined) => (ids ? ids : [...scripts.keys()]);
  Object.assign(fakeBrowser.scripting, {
    async getRegisteredContentScripts(filter?: { ids?: string[] }) {
      return known(filter?.ids)
        .map((id) => scripts.get(id))
        .filter((s) => s !== undefined);
    },
    async registerContentScripts(list: Registered[]) {
      for (const script of list) if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      for (const script of list) scripts.set(script.id, script);
    },
    async unregisterContentScripts(filter?: { ids?: string[] }) {
      const ids = known(filter?.ids);
      for (const id of ids) if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      for (const id of ids) scripts.delete(id);
    },
  });
  return scripts;
}
