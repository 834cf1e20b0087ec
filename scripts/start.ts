/**
 * `npm start`: builds the extension, serves the bundled demo article on 127.0.0.1 and opens
 * Chromium with News Tracker loaded and a few companies already tracked. With a display it
 * stays open for you to explore; without one it runs the same demo headless, prints what the
 * extension found, and exits.
 */
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension } from '../test/support/chromium';
import { startStaticServer } from '../test/support/static-server';

const DEMO_COMPANIES = [
  { name: 'Xiaomi', aliases: ['Xiaomi Corp'] },
  { name: 'Apple', aliases: [], matchCase: true },
  { name: 'Samsung', aliases: ['Samsung Electronics'] },
];

function build(): void {
  console.log('Building the extension…');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed; see the output above.');
}

async function trackDemoCompanies(options: Page): Promise<void> {
  for (const company of DEMO_COMPANIES) {
    await options.evaluate(async (payload) => {
      // Runs in the options page, an extension page allowed to send privileged messages.
      // A company already tracked from an earlier run is refused, which is fine here.
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      await chrome.runtime.sendMessage({ type: 'ui:addEntity', payload });
    }, company);
  }
}

async function main(): Promise<void> {
  build();
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const server = await startStaticServer('test/fixtures');
  const browser = await launchWithExtension({ headless });
  const options = await browser.openExtensionPage('options.html');
  await trackDemoCompanies(options);
  await options.reload();

  const article = await browser.context.newPage();
  await article.goto(server.url('/demo/business-article.html'));
  await article.bringToFront();
  const paintedRanges = () =>
    article.evaluate(() => {
      let ranges = 0;
      for (const highlight of CSS.highlights.values()) ranges += highlight.size;
      return ranges;
    });
  // Mentions are painted a frame's share at a time: read until the count holds for half a second.
  let highlighted = 0;
  for (let steady = 0, attempt = 0; steady < 3 && attempt < 100; attempt++) {
    const now = await paintedRanges();
    steady = now > 0 && now === highlighted ? steady + 1 : 0;
    highlighted = now;
    await article.waitForTimeout(200);
  }

  const popup = await browser.openExtensionPage('popup.html');
  const storyLinks = popup.getByRole('list', { name: 'Matched stories' }).getByRole('link');
  // The content script reports the story right after painting; give the background a moment.
  for (let attempt = 0; attempt < 20 && (await storyLinks.count()) === 0; attempt++) {
    await popup.waitForTimeout(250);
    await popup.reload();
  }
  const stories = await storyLinks.allTextContents();

  console.log(`\nBuilt extension: ${EXTENSION_DIR}`);
  console.log(`Demo article:    ${server.url('/demo/business-article.html')}`);
  console.log(`Tracked:         ${DEMO_COMPANIES.map((c) => c.name).join(', ')}`);
  console.log(`Highlighted:     ${highlighted} mentions on the demo article`);
  console.log(`Stories stored:  ${stories.length}`);
  for (const title of stories) console.log(`  - ${title}`);

  if (headless) {
    console.log('\nNo display found, so the demo ran headless. Load the extension yourself: see README.md.');
    await browser.close();
    await server.close();
    return;
  }
  await popup.close();
  await article.bringToFront();
  console.log('\nChromium is open with News Tracker loaded. Close the browser window to stop.');
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
