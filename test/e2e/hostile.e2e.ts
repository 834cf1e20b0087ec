/**
 * Hostile and extreme pages (test/fixtures/hostile/), in one Chromium with the built extension.
 * Each page must pass every check in hostile-checks.ts (the page still works, nothing threw,
 * no extension task of 50 ms or more), and its results must stay correct: exactly the expected
 * words are highlighted, and the story is recorded with its title and the right number of
 * mentions. Highlights are read from a fresh isolated world, because one of these pages
 * replaces the built-ins Playwright would use in its own world.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackedEntity } from '../../utils/entities';
import { callProtocol, openStatePage } from './extension-state';
import { type Harness, startHarness } from './harness';
import { highlightedTexts, PageProbe } from './highlight-helpers';
import { countHighlightsAsRead, readPageStatus, type Visit, visitHostilePage } from './hostile-checks';
import { countHighlights } from './isolated-world';
import { listStoredStories } from './story-list';

/** A strict policy: nothing inline, no connections, no frames, Trusted Types required. */
const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** A page under a trace on a busy two-core machine: the 200,000-element page takes about 20 s there. */
const PAGE_TIMEOUT_MS = 120_000;

describe('hostile and extreme pages', () => {
  let harness: Harness;
  let state: Page;
  let xiaomi: TrackedEntity;
  let aramco: TrackedEntity;
  let teva: TrackedEntity;

  beforeAll(async () => {
    harness = await startHarness();
    harness.server.route('/hostile/strict-csp.html', {
      body: readFileSync('test/fixtures/hostile/strict-csp.html', 'utf8'),
      headers: { 'content-security-policy': STRICT_CSP },
    });
    state = await openStatePage(harness.browser);
    xiaomi = await callProtocol(state, 'ui:addEntity', { name: 'Xiaomi', aliases: ['小米'] });
    aramco = await callProtocol(state, 'ui:addEntity', { name: 'Saudi Aramco', aliases: ['أرامكو'] });
    teva = await callProtocol(state, 'ui:addEntity', { name: 'Teva', aliases: ['טבע'] });
  });
  afterAll(async () => harness?.close());

  /**
   * Opens `path`, waits until `ready` holds and the highlights are `expected`, and requires
   * every hostile-page check to pass (hostile-checks.ts).
   */
  async function visit(
    path: string,
    expected: Record<string, number>,
    ready: (page: Page) => Promise<boolean> = async () => true,
  ): Promise<Visit> {
    const visited = await visitHostilePage(harness, path, async (page) => {
      await expect.poll(() => ready(page), { timeout: 30_000, interval: 250 }).toBe(true);
      await expect.poll(() => countHighlights(page), { timeout: 30_000, interval: 250 }).toEqual(expected);
    });
    expect(visited.problems).toEqual([]);
    return visited;
  }

  /**
   * `visit` for a page many screens long, where only the mentions near the screen are painted:
   * the panel counts every mention, and at the top only a few are painted. Then (the load's checks
   * done) each mention is scrolled to and must be painted.
   */
  async function visitLong(path: string, company: string, expected: Record<string, number>): Promise<Visit> {
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    const visited = await visitHostilePage(harness, path, async (page) => {
      const probe = await PageProbe.attach(page);
      await expect
        .poll(async () => (await probe.panel())?.text ?? '', { timeout: 60_000, interval: 250 })
        .toContain(`${company} ${total}`);
      await probe.detach();
      const atTop = Object.values(await countHighlights(page)).reduce((a, b) => a + b, 0);
      expect(atTop).toBeGreaterThan(0);
      expect(atTop).toBeLessThan(total / 4);
    });
    expect(visited.problems).toEqual([]);
    expect(await countHighlightsAsRead(visited.page, Object.keys(expected))).toEqual(expected);
    return visited;
  }

  /** The story recorded for `path`: its title and how often each company is mentioned. */
  async function recorded(path: string): Promise<{ title: string; mentions: Record<string, number> }> {
    const url = harness.server.url(path);
    await expect
      .poll(async () => (await listStoredStories(state, { limit: 100 })).stories.some((s) => s.url === url), {
        timeout: 10_000,
      })
      .toBe(true);
    const { stories } = await listStoredStories(state, { limit: 100 });
    const story = stories.find((s) => s.url === url);
    if (!story) throw new Error(`No story for ${url}`);
    return {
      title: story.title,
      mentions: Object.fromEntries(story.mentions.map((m) => [m.entityId, m.count])),
    };
  }

  it(
    '200,000 elements',
    async () => {
      const { status, page } = await visitLong('/hostile/elements.html', 'Xiaomi', { Xiaomi: 41 });
      expect(status.checks.elements).toBeGreaterThanOrEqual(200_000);
      expect(await recorded('/hostile/elements.html')).toEqual({
        title: 'Xiaomi opens a warehouse with 40,000 shelves',
        mentions: { [xiaomi.id]: 41 },
      });
      await page.close();
    },
    PAGE_TIMEOUT_MS,
  );

  it(
    '5,000 levels of nesting',
    async () => {
      const { status, page } = await visit('/hostile/deep-nesting.html', { Xiaomi: 6 });
      expect(status.checks.depth).toBe(5000);
      expect(await recorded('/hostile/deep-nesting.html')).toEqual({
        title: 'Xiaomi reaches the bottom of a 5,000-level page',
        mentions: { [xiaomi.id]: 6 },
      });
      await page.close();
    },
    PAGE_TIMEOUT_MS,
  );

  it(
    '5 MB of text',
    async () => {
      const { status, page } = await visitLong('/hostile/big-text.html', 'Xiaomi', { Xiaomi: 101 });
      expect(status.checks.characters).toBeGreaterThanOrEqual(5_000_000);
      expect(await recorded('/hostile/big-text.html')).toEqual({
        title: 'Xiaomi annual report runs to five megabytes',
        mentions: { [xiaomi.id]: 101 },
      });
      await page.close();
    },
    PAGE_TIMEOUT_MS,
  );

  it(
    'a mutation storm: thousands of changes a second for ten seconds',
    async () => {
      const stormOver = async (page: Page) => (await readPageStatus(page)).checks.stormOver === true;
      const { status, page } = await visit('/hostile/mutation-storm.html', { Xiaomi: 11 }, stormOver);
      expect(status.checks.changesPerSecond).toBeGreaterThan(2000);
      const story = await recorded('/hostile/mutation-storm.html');
      expect(story.title).toBe('Xiaomi shares swing in a live ticker');
      expect(story.mentions[xiaomi.id]).toBeGreaterThanOrEqual(1);
      await page.close();
    },
    PAGE_TIMEOUT_MS,
  );

  it(
    'a page that replaces Array, Node, Element, Document, JSON, Promise and MutationObserver in its world',
    async () => {
      const replaced = async (page: Page) => (await readPageStatus(page)).checks.replacementsIntact !== undefined;
      const { status, page } = await visit('/hostile/hostile-globals.html', { Xiaomi: 3 }, replaced);
      expect(status.checks.replacements).toBeGreaterThan(200);
      expect(status.checks.replacementsIntact).toBe(true);
      expect(status.checks.tripped, 'nothing called the page’s replaced built-ins').toEqual([]);
      expect(await recorded('/hostile/hostile-globals.html')).toEqual({
        title: "Xiaomi page rewrites the browser's built-ins",
        mentions: { [xiaomi.id]: 3 },
      });
      await page.close();
    },
    PAGE_TIMEOUT_MS,
  );

  it(
    'a strict Content-Security-Policy',
    async () => {
      const { status, page } = await visit('/hostile/strict-csp.html', { Xiaomi: 2 });
      expect(status.checks.policyEnforced, 'the page’s policy is in force').toBe(true);
      // The panel is styled although the page allows no inline style: it floats over the page.
      expect(await page.locator('news-tracker-panel').evaluate((host) => getComputedStyle(host).position)).toBe(
        'fixed',
      );
      expect(await recorded('/hostile/strict-csp.html')).toEqual({
        title: 'Xiaomi publishes behind a strict security policy',
        mentions: { [xiaomi.id]: 2 },
      });
      await page.close();
    },
    PAGE_TIMEOUT_MS,
  );

  it(
    'closed shadow roots',
    async () => {
      // Closed roots are the page's secret from extensions too: the light DOM and the open root
      // are highlighted, the closed roots are left alone, and the page's components still work.
      const ready = async (page: Page) => (await readPageStatus(page)).checks.componentsWork !== undefined;
      const { status, page } = await visit('/hostile/closed-shadow.html', { Xiaomi: 3 }, ready);
      expect(status.checks).toMatchObject({ componentsWork: true, closedStayClosed: true });
      expect(await recorded('/hostile/closed-shadow.html')).toEqual({
        title: 'Xiaomi results hide in shadow roots',
        mentions: { [xiaomi.id]: 2 },
      });
      await page.close();
    },
    PAGE_TIMEOUT_MS,
  );

  it(
    'nested, sandboxed, about:blank, srcdoc and data: frames',
    async () => {
      const { page } = await visit('/hostile/frames.html', { Xiaomi: 1 });
      const frameTexts = async (selector: string) => {
        const frame = await (await page.locator(selector).elementHandle())?.contentFrame();
        if (!frame) throw new Error(`No frame ${selector}`);
        return { frame, texts: await highlightedTexts(frame) };
      };
      let { frame } = await frameTexts('#nested');
      for (let level = 1; level <= 3; level++) {
        // Each frame's content script starts on its own: wait for it, as for the page.
        const inFrame = frame;
        await expect.poll(() => highlightedTexts(inFrame), { message: `nested level ${level}` }).toEqual(['Xiaomi']);
        const child = frame.childFrames()[0];
        if (level < 3 && child) frame = child;
      }
      expect(frame.childFrames()).toHaveLength(0);
      for (const selector of ['#sandboxed', '#sandboxed-scripts', '#srcdoc', '#blank']) {
        // What the frame holds, for the failure message: whether News Tracker styled or painted
        // anything there, and where the frame is (mentions are painted as they come near the screen).
        const inside = async () => {
          const { frame: f } = await frameTexts(selector);
          const box = await page.locator(selector).boundingBox();
          const held = await f.evaluate(
            () =>
              `${document.readyState}, ${document.visibilityState}, ${document.adoptedStyleSheets.length} adopted style sheets, ` +
              `${CSS.highlights.size} highlights of ${[...CSS.highlights.values()].map((h) => h.size).join('+') || 0} ranges`,
          );
          return `${held}; at ${JSON.stringify(box)} in a ${JSON.stringify(page.viewportSize())} viewport`;
        };
        // As a reader would: the frame is on the screen when its highlights are looked for.
        await page.locator(selector).scrollIntoViewIfNeeded();
        await expect
          .poll(async () => (await frameTexts(selector)).texts, { message: selector })
          .toEqual(['Xiaomi'])
          .catch(async (error: Error) => {
            error.message += `\n${selector} holds: ${await inside()}`;
            throw error;
          });
      }
      // Content scripts never run in data: frames (an opaque origin the manifest does not match).
      expect((await frameTexts('#data')).texts).toEqual([]);
      expect(await recorded('/hostile/frames.html')).toEqual({
        title: 'Xiaomi story told in frames',
        mentions: { [xiaomi.id]: 1 },
      });
      await page.close();
    },
    PAGE_TIMEOUT_MS,
  );

  it(
    'right-to-left and mixed scripts',
    async () => {
      const { page } = await visit('/hostile/rtl-mixed.html', {
        Xiaomi: 5,
        小米: 3,
        أرامكو: 3,
        'Saudi Aramco': 1,
        טבע: 2,
      });
      expect(await recorded('/hostile/rtl-mixed.html')).toEqual({
        title: 'Xiaomi و أرامكو: شراكة جديدة',
        mentions: { [xiaomi.id]: 8, [aramco.id]: 4, [teva.id]: 2 },
      });
      await page.close();
    },
    PAGE_TIMEOUT_MS,
  );

  it(
    'invalid and hostile JSON-LD: broken, huge, 20,000 deep, prototype-pollution keys',
    async () => {
      const ready = async (page: Page) => (await readPageStatus(page)).checks.hostileBlocks !== undefined;
      const { status, page } = await visit('/hostile/json-ld.html', { Xiaomi: 2 }, ready);
      expect(status.checks.hostileBlocks, 'hostile blocks before the real one').toBe(5);
      expect(await recorded('/hostile/json-ld.html')).toEqual({
        title: 'Xiaomi page carries hostile structured data',
        mentions: { [xiaomi.id]: 2 },
      });
      await page.close();
    },
    PAGE_TIMEOUT_MS,
  );
});
