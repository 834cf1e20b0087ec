/**
 * Starts Debian's Chromium with the built extension loaded, through playwright-core.
 * Shared by the demo (`npm start`), the end-to-end tests and the benchmarks.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

export const INSTALL_HINT =
  'Chromium was not found. Install Debian’s Chromium with `sudo apt-get update && sudo apt-get install -y chromium` ' +
  '(or set CHROMIUM_PATH to a Chromium or Chrome binary).';

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => typeof p === 'string' && p.length > 0 && existsSync(p));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** The browser's profile folder (deleted by close). */
  profileDir: string;
  /** Opens one of the extension's pages (e.g. `popup.html`) in a new tab. */
  openExtensionPage(page: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  /** Extra command-line switches, e.g. a remote debugging pipe. */
  args?: string[];
  /** Leave open the welcome page News Tracker opens on install (closed by default, see below). */
  keepWelcome?: boolean;
}

/**
 * Waits for the welcome page a fresh install opens (utils/background/welcome.ts) and closes it
 * unless asked to keep it: it opens a moment after the browser starts and would otherwise
 * become the active tab over a page a test or benchmark has just opened. Builds without one
 * (fixture versions, negative controls) open nothing.
 */
async function settleWelcome(context: BrowserContext, extensionDir: string, keep: boolean): Promise<void> {
  if (!existsSync(path.join(extensionDir, 'welcome.html'))) return;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const welcome = context.pages().find((p) => p.url().endsWith('/welcome.html'));
    if (welcome) {
      if (!keep) await welcome.close();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('News Tracker opened no welcome page on install.');
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run \`npm run build\` first.`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'news-tracker-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // This machine has no internet: without these Chromium keeps trying to reach Google.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  await settleWelcome(context, extensionDir, options.keepWelcome ?? false);
  return {
    context,
    extensionId,
    serviceWorker,
    profileDir: profile,
    async openExtensionPage(page) {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
      return tab;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Stops every running service worker, the extension's included, as Chrome does to an idle one
 * (DevTools Protocol, through any open page). The next event or message starts it again.
 */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}
