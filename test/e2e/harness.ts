/**
 * End-to-end harness: the built extension in Debian's Chromium, test pages served from
 * test/fixtures on 127.0.0.1, and page objects for the popup and options page.
 */
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/lib/chromium';
import { type StaticServer, startStaticServer } from '../../scripts/lib/static-server';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';

export interface Harness {
  browser: ExtensionBrowser;
  server: StaticServer;
  openOptions(): Promise<OptionsPage>;
  openPopup(): Promise<PopupPage>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startStaticServer('test/fixtures');
  const browser = await launchWithExtension();
  return {
    browser,
    server,
    openOptions: async () => new OptionsPage(await browser.openExtensionPage('options.html')),
    openPopup: async () => new PopupPage(await browser.openExtensionPage('popup.html')),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
