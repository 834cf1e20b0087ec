/**
 * End-to-end harness: the built extension (or a negative-control build) in Debian's Chromium,
 * test pages served from test/fixtures on 127.0.0.1, page objects for the popup and options
 * page, and the suite-wide guards. Every end-to-end file launches its browser through here
 * (test/unit/security/e2e-coverage.test.ts checks that), so the network guard watches every
 * test: a harness that saw a forbidden request fails when it closes.
 */
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, type LaunchOptions, launchWithExtension } from '../support/chromium';
import { type StaticServer, startStaticServer } from '../support/static-server';
import { type ErrorGuard, watchErrors } from './error-guard';
import { type NetworkGuard, watchNetwork } from './network-guard';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';

export interface Harness {
  browser: ExtensionBrowser;
  server: StaticServer;
  network: NetworkGuard;
  /** Uncaught errors in pages and in the extension (error-guard.ts); tests decide what to expect. */
  errors: ErrorGuard;
  openOptions(): Promise<OptionsPage>;
  openPopup(): Promise<PopupPage>;
  /** Opens the popup with `tab` as the active tab, as when the toolbar button is pressed over it. */
  openPopupOver(tab: Page): Promise<PopupPage>;
  /**
   * Closes everything, then fails if anything made a network request it should not have.
   * Only a negative control, which must leak, passes `leaksExpected`.
   */
  close(options?: { leaksExpected?: boolean }): Promise<void>;
}

export interface HarnessOptions extends Pick<LaunchOptions, 'extensionDir' | 'args' | 'keepWelcome'> {
  /**
   * Another name for the test server ("news.test"): pages served under it are on plain http
   * and not on this machine as far as the browser knows, so not a secure context.
   */
  plainHttpHost?: string;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const server = await startStaticServer('test/fixtures');
  const { plainHttpHost } = options;
  const args = [...(options.args ?? [])];
  if (plainHttpHost) args.push(`--host-resolver-rules=MAP ${plainHttpHost} 127.0.0.1`);
  const browser = await launchWithExtension({
    extensionDir: options.extensionDir,
    args,
    keepWelcome: options.keepWelcome,
  });
  const origins = [server.origin];
  if (plainHttpHost) origins.push(`http://${plainHttpHost}:${new URL(server.origin).port}`);
  const network = await watchNetwork(browser.context, origins);
  const errors = await watchErrors(browser.context);
  // A page is handed to a test only once the guards watch it, so not even its first request is missed.
  const openPage = browser.context.newPage.bind(browser.context);
  browser.context.newPage = async () => {
    const page = await openPage();
    await Promise.all([network.settled(), errors.settled()]);
    return page;
  };
  return {
    browser,
    server,
    network,
    errors,
    openOptions: async () => new OptionsPage(await browser.openExtensionPage('options.html')),
    openPopup: async () => new PopupPage(await browser.openExtensionPage('popup.html')),
    async openPopupOver(tab) {
      const popup = new PopupPage(await browser.openExtensionPage('popup.html'));
      await popup.page.setViewportSize({ width: 380, height: 640 });
      await tab.bringToFront();
      await popup.page.reload();
      return popup;
    },
    async close({ leaksExpected = false } = {}) {
      await Promise.all([network.stop(), errors.stop()]);
      await browser.close();
      await server.close();
      const leaks = network.violations();
      if (leaks.length > 0 && !leaksExpected) throw new Error(`Unexpected network requests:\n${leaks.join('\n')}`);
    },
  };
}
