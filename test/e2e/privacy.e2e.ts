import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../support/chromium';
import { callProtocol, openStatePage, snapshotStorage } from './extension-state';
import { type Harness, startHarness } from './harness';

describe('network guard', () => {
  it('catches requests from the service worker, an extension page and content scripts (negative control)', async () => {
    const harness = await startHarness({ extensionDir: path.resolve('test/fixtures/leaky-extension') });
    try {
      const page = await harness.browser.context.newPage();
      await page.goto(harness.server.url('/pages/not-an-article.html'));
      await harness.browser.openExtensionPage('page.html');
      const expected = [
        /^service worker chrome-extension:\/\/\w+\/background\.js -> http:\/\/127\.0\.0\.2:9\/from-background$/mu,
        /^extension page chrome-extension:\/\/\w+\/page\.html -> http:\/\/127\.0\.0\.2:9\/from-extension-page$/mu,
        /^content script chrome-extension:\/\/\w+\/content\.js in .* -> http:\/\/127\.0\.0\.2:9\/from-content-script$/mu,
        // Same server as the page: only the initiator stack gives it away.
        /^content script chrome-extension:\/\/\w+\/content\.js in .* -> http:\/\/127\.0\.0\.1:\d+\/.*from-content-script-same-origin$/mu,
      ];
      await expect
        .poll(() => expected.filter((line) => !line.test(harness.network.violations().join('\n'))), { timeout: 5000 })
        .toEqual([]);
    } finally {
      await harness.close({ leaksExpected: true });
    }
  });

  it('sees no request from News Tracker while it reads, records and lists a story', async () => {
    const harness = await startHarness();
    try {
      const options = await harness.openOptions();
      await options.addCompany('Xiaomi');
      const article = await harness.browser.context.newPage();
      await article.goto(harness.server.url('/demo/business-article.html'));
      const popup = await harness.openPopup();
      expect(await popup.storyTitles(1)).toHaveLength(1);
      expect(harness.network.violations()).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});

/** What test/fixtures/hostile/spy.js found out, channel by channel. */
type Loot = Record<string, string[] | string | null>;

/** Things only News Tracker knows: a company not named on the page, its alias, a stored story, settings. */
const SECRETS = [
  'Zyxel',
  'Nightjar',
  'private-bank.example',
  'my-employer.example',
  'quiet-wire.example',
  'kestrel-layoffs',
];

/** The channels of `loot` in which any of `secrets` turns up. */
function leakingChannels(loot: Loot, secrets: readonly string[]): string[] {
  return Object.entries(loot)
    .filter(([, found]) => secrets.some((s) => JSON.stringify(found).toLowerCase().includes(s.toLowerCase())))
    .map(([channel]) => channel);
}

async function spy(harness: Harness): Promise<Loot> {
  const page = await harness.browser.context.newPage();
  await page.goto(harness.server.url(`/hostile/spy.html?id=${harness.browser.extensionId}`));
  const loot = JSON.parse((await page.locator('#loot').textContent({ timeout: 20_000 })) ?? '{}') as Loot;
  await page.close();
  return loot;
}

describe('what a web page can learn or change', () => {
  it('catches an extension that hands its tracked list to the page in five ways (negative control)', async () => {
    const harness = await startHarness({ extensionDir: path.resolve('test/fixtures/chatty-extension') });
    try {
      const loot = await spy(harness);
      expect(leakingChannels(loot, SECRETS).sort()).toEqual([
        'attributes',
        'highlightNames',
        'messagesReceived',
        'newGlobals',
        'panelReadable',
      ]);
    } finally {
      await harness.close();
    }
  });

  it('catches an extension that takes orders from pages (negative control)', async () => {
    const harness = await startHarness({ extensionDir: path.resolve('test/fixtures/open-door-extension') });
    try {
      const state = await harness.browser.openExtensionPage('manifest.json');
      const loot = await spy(harness);
      expect(loot.externalReply).toMatch(/accepted/u);
      await expect.poll(async () => snapshotStorage(state)).toMatch(/Planted by the page/u);
    } finally {
      await harness.close();
    }
  });

  it('a page learns nothing of the tracked list, stories or settings, and its messages change nothing', async () => {
    const harness = await startHarness();
    try {
      const state = await openStatePage(harness.browser);
      const xiaomi = await callProtocol(state, 'ui:addEntity', { name: 'Xiaomi' });
      const secret = await callProtocol(state, 'ui:addEntity', {
        name: 'Zyxel Secret Holdings',
        aliases: ['Nightjar'],
      });
      await callProtocol(state, 'content:reportStory', {
        url: 'https://wire.example/business/nightjar-merger',
        visitedUrl: 'https://wire.example/business/nightjar-merger',
        title: 'Confidential: Nightjar merger talks',
        publisher: null,
        byline: null,
        publishedTime: null,
        lang: 'en',
        section: null,
        isBusiness: true,
        businessScore: 0.9,
        mentions: [{ entityId: secret.id, count: 1, inHeadline: true, inLead: true }],
        snippets: ['Nightjar merger talks'],
      });
      const settings = await callProtocol(state, 'ui:getSettings', {});
      await callProtocol(state, 'ui:saveSettings', {
        ...settings,
        disabledSites: ['private-bank.example'],
        highlightOffSites: ['my-employer.example'],
        newsSites: ['quiet-wire.example'],
      });
      // An address the person said is not a news story: kept where no page can learn it.
      await callProtocol(state, 'ui:markNotNews', { url: 'https://wire.example/business/kestrel-layoffs' });
      const before = await callProtocol(state, 'ui:exportData', {});

      const loot = await spy(harness);
      expect(leakingChannels(loot, [...SECRETS, xiaomi.id, secret.id])).toEqual([]);
      // What the page may see: which of its own words are highlighted, under random names...
      expect(loot.highlightNames).toEqual([expect.stringMatching(/^h[0-9a-f]{32}$/u)]);
      expect((await spy(harness)).highlightNames).not.toEqual(loot.highlightNames);
      // ...and an empty element that hosts the panel, whose closed shadow root it cannot open.
      expect(loot.addedElements).toEqual(['<news-tracker-panel></news-tracker-panel>']);
      expect(loot.panelReadable).toEqual(['shadowRoot=null', 'innerText=', 'textContent=']);
      expect(loot.newGlobals).toEqual([]);
      expect(loot.messagesReceived).toEqual([]);
      // Pages have no channel to the extension; messages posted to the window are ignored.
      expect(loot.externalReply).toBe('no extension messaging in this page');
      const after = await callProtocol(state, 'ui:exportData', {});
      expect(after.entities).toEqual(before.entities);
      expect(after.stories.map((s) => s.title).sort()).toEqual(
        [...before.stories.map((s) => s.title), "Xiaomi story on a page that spies on its readers' extensions"].sort(),
      );
      expect(await snapshotStorage(state)).not.toMatch(/planted/iu);
    } finally {
      await harness.close();
    }
  });
});

/**
 * Tries, inside an extension page, everything a strict policy forbids, and returns what was
 * allowed. Each attempt is judged by its effect or by the policy's own violation report.
 * (eval is not tried here: code run through DevTools is exempt from the eval rule, so the
 * manifest check in test/unit/security/csp.test.ts covers it.)
 */
async function allowedByPolicy(page: Page, serverOrigin: string): Promise<string[]> {
  return page.evaluate(async (origin) => {
    const refused = new Set<string>();
    document.addEventListener('securitypolicyviolation', (e) => refused.add(e.effectiveDirective));
    const allowed: string[] = [];
    const inline = document.createElement('script');
    inline.textContent = 'document.documentElement.dataset.inlineRan = "yes"';
    document.head.append(inline);
    const remote = document.createElement('script');
    remote.src = `${origin}/hostile/page-alive.js`;
    document.head.append(remote);
    // Connections may go to http(s) only (the worker fetches feeds under the same policy): a
    // WebSocket is another scheme, refused.
    try {
      new WebSocket(`${origin.replace(/^http/u, 'ws')}/socket`).addEventListener('error', () => {});
    } catch {
      refused.add('connect-src');
    }
    const image = new Image();
    image.src = `${origin}/hostile/pixel.png`;
    const frame = document.createElement('iframe');
    frame.src = `${origin}/pages/not-an-article.html`;
    document.body.append(frame);
    const styled = document.createElement('div');
    document.body.append(styled);
    styled.setAttribute('style', 'color: rgb(255, 0, 0)');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (document.documentElement.dataset.inlineRan === 'yes') allowed.push('inline script');
    if ('pageAlive' in window) allowed.push('remote script');
    const byDirective: [string, string][] = [
      ['connect-src', 'connection'],
      ['img-src', 'remote image'],
      ['frame-src', 'frame'],
      ['style-src-attr', 'inline style'],
    ];
    for (const [directive, what] of byDirective) if (!refused.has(directive)) allowed.push(what);
    return allowed;
  }, serverOrigin);
}

describe('the extension pages’ Content-Security-Policy', () => {
  it('catches an extension page under Chromium’s default policy (negative control)', async () => {
    const harness = await startHarness({ extensionDir: path.resolve('test/fixtures/lax-csp-extension') });
    try {
      const popup = await harness.browser.openExtensionPage('popup.html');
      expect(await allowedByPolicy(popup, harness.server.origin)).toEqual(
        expect.arrayContaining(['connection', 'remote image', 'frame', 'inline style']),
      );
    } finally {
      // Its connection, image and frame reached the test server: the network guard saw them too.
      await harness.close({ leaksExpected: true });
    }
  });

  it('refuses inline and remote code, WebSockets, remote images, frames and inline styles on every extension page', async () => {
    const harness = await startHarness();
    try {
      // Every page the extension ships, so a new one is covered without editing this test.
      const pages = readdirSync(EXTENSION_DIR).filter((file) => file.endsWith('.html'));
      expect(pages).toEqual(expect.arrayContaining(['popup.html', 'options.html']));
      for (const page of pages) {
        const tab = await harness.browser.openExtensionPage(page);
        expect(await allowedByPolicy(tab, harness.server.origin), page).toEqual([]);
        // The page itself still works under the policy.
        expect(await tab.locator('#app').textContent()).not.toBe('');
      }
    } finally {
      await harness.close();
    }
  });
});
