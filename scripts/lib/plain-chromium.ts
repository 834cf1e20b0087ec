/** Debian's Chromium without any extension, for the baselines a benchmark measures beside the extension. */
import { type Browser, chromium } from 'playwright-core';
import { findChromium } from '../../test/support/chromium';

export function launchPlainChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      // This machine has no internet: without these Chromium keeps trying to reach Google.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
