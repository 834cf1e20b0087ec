/**
 * Starts Debian's Firefox ESR with the built Firefox package installed as a temporary add-on,
 * through puppeteer-core over WebDriver BiDi (no geckodriver needed).
 *
 * - `--remote-allow-system-access` lets the test open moz-extension:// pages at all.
 * - The preference `extensions.webextensions.uuids` pins the extension's page address
 *   (moz-extension://<uuid>/) to a uuid chosen here, under the manifest's gecko id.
 * - Navigating to a moz-extension:// page never settles over BiDi, so openExtensionPage starts
 *   the navigation and waits for the page itself instead.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = path.resolve('.output/firefox-mv3');

export const FIREFOX_INSTALL_HINT =
  'Firefox was not found. Install Debian’s Firefox ESR with `sudo apt-get update && sudo apt-get install -y firefox-esr` ' +
  '(or set FIREFOX_PATH to a Firefox binary).';

export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => typeof p === 'string' && p.length > 0 && existsSync(p));
  if (!found) throw new Error(FIREFOX_INSTALL_HINT);
  return found;
}

/**
 * Firefox's own background traffic, switched off so that anything the network guard sees comes
 * from a page or an add-on (puppeteer already turns off updates, telemetry and safe browsing).
 */
const QUIET_FIREFOX: Record<string, unknown> = {
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'dom.push.connection.enabled': false,
  // Saved real pages may redirect themselves to their publisher with <meta http-equiv=refresh>.
  'accessibility.blockautorefresh': true,
};

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid> */
  extensionOrigin: string;
  /** Where downloads land, and where files to upload are written (both deleted by close). */
  downloadDir: string;
  uploadDir: string;
  openExtensionPage(page: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  /** More preferences, e.g. the network guard's proxy. */
  prefs?: Record<string, unknown>;
}

function geckoIdOf(extensionDir: string): string {
  const manifestFile = path.join(extensionDir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`No built extension at ${extensionDir}. Run \`npm run build:firefox\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestFile} has no browser_specific_settings.gecko.id`);
  return id;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxWithExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const uuid = randomUUID();
  const extensionOrigin = `moz-extension://${uuid}`;
  const workDir = mkdtempSync(path.join(tmpdir(), 'news-tracker-firefox-'));
  const downloadDir = path.join(workDir, 'downloads');
  const uploadDir = path.join(workDir, 'uploads');
  mkdirSync(downloadDir);
  mkdirSync(uploadDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: ['--remote-allow-system-access'],
    // Puppeteer points Remote Settings (the add-on blocklist, certificate lists) at a dummy
    // address, which a release build ignores, syncing from Mozilla's server, unless this is set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    downloadBehavior: { policy: 'allow', downloadPath: downloadDir },
    extraPrefsFirefox: {
      ...QUIET_FIREFOX,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoIdOf(extensionDir)]: uuid }),
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    extensionOrigin,
    downloadDir,
    uploadDir,
    async openExtensionPage(page) {
      const tab = await browser.newPage();
      // Not awaited: it would wait forever. A failure shows as the wait below running out.
      tab.goto(`${extensionOrigin}/${page}`).catch(() => undefined);
      const loaded = () => location.protocol === 'moz-extension:' && document.readyState === 'complete';
      // The realm asked can go away as Firefox leaves about:blank for the page (a protocol error,
      // which puppeteer may wrap, rather than a false answer): ask again until the page's own answers.
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          if (await tab.evaluate(loaded)) return tab;
        } catch (error) {
          const said = `${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`;
          if (!said.includes('Protocol error')) throw error;
        }
        if (Date.now() > deadline) throw new Error(`${page} did not load within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await browser.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
