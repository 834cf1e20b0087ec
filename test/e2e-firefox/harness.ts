/**
 * End-to-end harness for Firefox: the built Firefox package in Debian's Firefox ESR, test pages
 * served from test/fixtures on 127.0.0.1, page objects for the options page and the popup, and
 * the guards. Every Firefox end-to-end file starts its browser here (the convention test in
 * test/unit/security/e2e-coverage.test.ts checks it), so the guards watch every test: a harness
 * that saw a request leave the machine, or an error in a page, fails when it closes.
 */
import type { Page } from 'puppeteer-core';
import { type StaticServer, startStaticServer } from '../support/static-server';
import { type FirefoxErrorGuard, watchErrors } from './error-guard';
import { type FirefoxWithExtension, launchFirefox } from './firefox';
import { type FirefoxNetworkGuard, startNetworkGuard } from './network-guard';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';

export interface FirefoxHarness {
  firefox: FirefoxWithExtension;
  server: StaticServer;
  network: FirefoxNetworkGuard;
  errors: FirefoxErrorGuard;
  /** A new tab showing `path` from the test server. */
  open(path: string): Promise<Page>;
  openOptions(): Promise<OptionsPage>;
  /** The popup, opened as a tab: it reports on the tab that was active before it. */
  openPopup(): Promise<PopupPage>;
  /** Closes everything, then fails if a request left the machine or a page saw an error (unless a negative control expects it). */
  close(options?: { leaksExpected?: boolean; errorsExpected?: boolean }): Promise<void>;
}

export interface FirefoxHarnessOptions {
  extensionDir?: string;
  prefs?: Record<string, unknown>;
  /** Where the test server serves from (test/fixtures unless a test needs other pages). */
  root?: string;
}

export async function startFirefoxHarness(options: FirefoxHarnessOptions = {}): Promise<FirefoxHarness> {
  const server = await startStaticServer(options.root ?? 'test/fixtures');
  const network = await startNetworkGuard();
  let firefox: FirefoxWithExtension;
  try {
    firefox = await launchFirefox({
      extensionDir: options.extensionDir,
      prefs: { ...network.prefs, ...options.prefs },
    });
  } catch (error) {
    await Promise.all([network.stop(), server.close()]);
    throw error;
  }
  const errors = watchErrors(firefox.browser);
  return {
    firefox,
    server,
    network,
    errors,
    async open(path) {
      const page = await firefox.browser.newPage();
      await page.goto(server.url(path));
      return page;
    },
    openOptions: async () => new OptionsPage(await firefox.openExtensionPage('options.html'), firefox),
    openPopup: () => PopupPage.open(firefox),
    async close({ leaksExpected = false, errorsExpected = false } = {}) {
      await firefox.close();
      await Promise.all([network.stop(), server.close()]);
      const leaks = network.violations();
      if (leaks.length > 0 && !leaksExpected) throw new Error(`Requests left the machine:\n${leaks.join('\n')}`);
      const seen = errors.errors();
      if (seen.length > 0 && !errorsExpected) throw new Error(`Errors in the browser:\n${seen.join('\n')}`);
    },
  };
}
