/**
 * Presses News Tracker's toolbar button over a tab through DevTools (`Extensions.triggerAction`),
 * as a person's click does (the popup opens over that tab). Chromium
 * only allows it when started with TOOLBAR_SWITCH (and a DevTools pipe, which Playwright uses).
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

export const TOOLBAR_SWITCH = '--enable-unsafe-extension-debugging';

export async function pressToolbarButton(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.browser()?.newBrowserCDPSession();
  if (!cdp) throw new Error('No browser-level DevTools session to press the toolbar button with.');
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
    if (!tab) throw new Error(`No browser tab shows ${page.url()}.`);
    // Not in playwright-core's protocol types yet.
    const send = cdp.send.bind(cdp) as (method: string, params: object) => Promise<unknown>;
    await send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
  } finally {
    await cdp.detach();
  }
}
