/**
 * End-to-end harness: the built extension in Debian's Chromium, test pages served from
 * test/fixtures on 127.0.0.1, and page objects for the popup and options page.
 */
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/lib/chromium';
import { type StaticServer, startStaticServer } from '../../scripts/lib/static-server';
import { type NetworkGuard, watchNetwork } from './network-guard';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';

export interface Harness {
  browser: ExtensionBrowser;
  server: StaticServer;
  network: NetworkGuard;
  openOptions(): Promise<OptionsPage>;
  openPopup(): Promise<PopupPage>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startStaticServer('test/fixtures');
  const browser = await launchWithExtension();
  const network = watchNetwork(browser.context, server.origin);
  return {
    browser,
    server,
    network,
    openOptions: async () => new OptionsPage(await browser.openExtensionPage('options.html')),
    openPopup: async () => new PopupPage(await browser.openExtensionPage('popup.html')),
    /** Closes everything, then fails if anything made a network request it should not have. */
    async close() {
      await browser.close();
      await server.close();
      const leaks = network.violations();
      if (leaks.length > 0) throw new Error(`Unexpected network requests:\n${leaks.join('\n')}`);
    },
  };
}
