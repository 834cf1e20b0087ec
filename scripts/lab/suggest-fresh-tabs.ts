/**
 * Lab, not a benchmark: what the first run of a script costs a fresh tab, without the popup.
 *
 *   npx wxt build && npx tsx scripts/lab/suggest-fresh-tabs.ts [name=file.js ...]
 *
 * Each script (default: the built suggest-read.js, the reader the popup injects where no content script offers one, beside a one-token script) is injected once into
 * its own fresh tab on a site of its own (so a renderer in which nothing is compiled or cached
 * yet), the scripts taking turns; printed are the medians of the extension page's wall time and
 * the tab's main-thread CPU time (DevTools' ThreadTime). Without the popup opening at the same
 * moment, these vary far less than `npm run bench -- --only suggest.inject` on a busy machine,
 * so a change of a millisecond or two to the tab's own work can be seen. A script may be any
 * file; its completion value is what executeScript returns (a bundle of a TypeScript entry made
 * with esbuild's --format=iife, followed by `;name.default`, is one way to time a part alone).
 * The extension is copied, with the scripts added and host access to every site (the shipped one
 * reaches http and https pages), so no toolbar press is needed. NEWS_TRACKER_RUNS (default 10) runs per script; with
 * NEWS_TRACKER_TRACKED=1 a company is tracked first, so the content script keeps the article.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from '../lib/chromium';
import { median } from '../lib/figures';
import { startStaticServer } from '../lib/static-server';
import { trackCompany } from '../lib/track-company';

const RUNS = Number(process.env.NEWS_TRACKER_RUNS ?? 10);
const PAGE = '/suggest/xiaomi-results.html';
const SETTLE_MS = 1200;

const given = process.argv.slice(2).map((arg) => arg.split('=') as [string, string]);
const scripts: [string, string][] =
  given.length > 0
    ? given
    : [
        ['trivial', ''],
        ['suggest-read', path.join(EXTENSION_DIR, 'suggest-read.js')],
      ];

const copy = mkdtempSync(path.join(tmpdir(), 'news-tracker-lab-'));
cpSync(EXTENSION_DIR, copy, { recursive: true });
const manifest = JSON.parse(readFileSync(path.join(copy, 'manifest.json'), 'utf8'));
writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['<all_urls>'] }));
for (const [name, file] of scripts)
  writeFileSync(path.join(copy, `lab-${name}.js`), file ? readFileSync(file, 'utf8') : '0');

const server = await startStaticServer('test/fixtures');
const port = new URL(server.url('/')).port;
const browser = await launchWithExtension({ extensionDir: copy, args: ['--host-resolver-rules=MAP *.test 127.0.0.1'] });
const times = new Map<string, { wall: number[]; cpu: number[] }>(
  scripts.map(([name]) => [name, { wall: [], cpu: [] }]),
);
try {
  if (process.env.NEWS_TRACKER_TRACKED === '1') await trackCompany(browser, 'Xiaomi');
  const caller = await browser.openExtensionPage('manifest.json');
  let site = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const [name] of scripts) {
      const url = `http://site${site++}.test:${port}${PAGE}`;
      const tab = await browser.context.newPage();
      await tab.goto(url);
      await tab.waitForTimeout(SETTLE_MS);
      const cdp = await browser.context.newCDPSession(tab);
      await cdp.send('Performance.enable');
      const threadTime = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
      const cpuBefore = await threadTime();
      const wall = (await caller.evaluate(`(async () => {
        const [tab] = await chrome.tabs.query({ url: ${JSON.stringify(url)} });
        const began = performance.now();
        await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['/lab-${name}.js'] });
        return performance.now() - began;
      })()`)) as number;
      const cpu = ((await threadTime()) - cpuBefore) * 1000;
      times.get(name)?.wall.push(wall);
      times.get(name)?.cpu.push(cpu);
      await cdp.detach();
      await tab.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(copy, { recursive: true, force: true });
}
for (const [name, { wall, cpu }] of times) {
  const range = (values: number[]) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;
  console.log(
    `${name.padEnd(16)} wall ${median(wall).toFixed(1)} ms (${range(wall)})   tab CPU ${median(cpu).toFixed(1)} ms (${range(cpu)})`,
  );
}
