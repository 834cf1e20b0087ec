/**
 * Tracks a company in a launched extension the way the options page does: through the
 * background, which stores it and publishes it where content scripts read it.
 */

import type { ExtensionBrowser } from '../../test/support/chromium';
import type { Reply } from '../../utils/messaging';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<Reply<unknown>> } };

export async function trackCompany(browser: ExtensionBrowser, name: string): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  const reply = await options.evaluate(
    (company) => chrome.runtime.sendMessage({ type: 'ui:addEntity', payload: { name: company } }),
    name,
  );
  await options.close();
  if (!reply.ok) throw new Error(`The background refused to track ${name}: ${JSON.stringify(reply)}`);
}

/** Tracks every company of `names` at once, as an import from the options page does. */
export async function trackCompanies(browser: ExtensionBrowser, names: readonly string[]): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  const reply = (await options.evaluate(
    (inputs) => chrome.runtime.sendMessage({ type: 'ui:addEntities', payload: { inputs } }),
    names.map((name) => ({ name })),
  )) as Reply<{ added: unknown[] }>;
  await options.close();
  if (!reply.ok || reply.value.added.length !== names.length) {
    throw new Error(`The background did not track the ${names.length} companies: ${JSON.stringify(reply)}`);
  }
}
