/**
 * The story store in Chromium with the built extension: 50 tabs reporting at once, the per-tab
 * badge, a service worker stopped while its write transaction is open, and a tracked-list change
 * reaching pages already open.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ArticleSpec,
  articleHtml,
  businessStory,
  sportsStory,
  syndicatedCopy,
  TRACKED,
} from '../fixtures/store/articles';
import { type ExtensionBrowser, stopServiceWorkers } from '../support/chromium';
import type { StaticServer } from '../support/static-server';
import { report } from '../unit/db/story-fixtures';
import { type Harness, startHarness } from './harness';
import { highlightedTexts } from './highlight-helpers';
import {
  badges,
  heldWrite,
  holdWriteOf,
  readStore,
  runningServiceWorker,
  type StoreDump,
  send,
  sendOnce,
  storageKeys,
  storeProblems,
  waitForStories,
} from './store-tools';
import { listStoredStories } from './story-list';

const BUSINESS_GREEN = [46, 125, 50, 255];
const OTHER_GREY = [69, 90, 100, 255];

describe('the story store in Chromium', () => {
  let harness: Harness;
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let control: Page;
  const serve = (spec: ArticleSpec) => server.route(spec.path, { body: articleHtml(spec) });

  beforeAll(async () => {
    harness = await startHarness();
    ({ browser, server } = harness);
    control = await browser.openExtensionPage('options.html');
    for (const name of TRACKED) await send(control, 'ui:addEntity', { name });
  });
  afterAll(async () => harness?.close());

  describe('50 tabs reporting at once', () => {
    // 10 stories, each opened under 4 addresses; 5 of them syndicated by a wire service; 3
    // sports stories; 2 pages that are not articles. 18 stories in all.
    const stories = Array.from({ length: 10 }, (_, i) => businessStory(i + 1));
    const copies = stories.slice(0, 5).map((_, i) => syndicatedCopy(i + 1));
    const sports = [1, 2, 3].map(sportsStory);
    const variants = ['', '?utm_source=newsletter', '?fbclid=abc#comments', '#top'];
    let tabUrls: string[];

    beforeAll(async () => {
      for (const spec of [...stories, ...copies, ...sports]) serve(spec);
      tabUrls = [
        ...stories.flatMap((s) => variants.map((v) => server.url(s.path + v))),
        ...copies.map((c) => server.url(c.path)),
        ...sports.map((s) => server.url(s.path)),
        server.url('/pages/not-an-article.html'),
        server.url('/pages/not-an-article.html?second'),
      ];
      expect(tabUrls).toHaveLength(50);
      await Promise.all(
        tabUrls.map(async (url) => {
          const tab = await browser.context.newPage();
          await tab.goto(url);
        }),
      );
    });

    it('stores every story exactly once, and lists syndicated copies once with "also at"', async () => {
      const expected = [...stories, ...copies, ...sports].map((s) => s.canonical);
      const dump = await waitForStories(control, expected.length);
      expect(storeProblems(dump, expected)).toEqual([]);
      expect(dump.stories).toHaveLength(18);

      const page = await listStoredStories(control, { limit: 50 });
      expect(page.stories).toHaveLength(13);
      for (let n = 1; n <= 10; n++) {
        const listed = page.stories.filter((s) => s.title === businessStory(n).headline);
        expect(listed, `story ${n} is listed once`).toHaveLength(1);
        const alsoAt = listed[0]?.alsoAt.map((a) => a.url) ?? [];
        expect(alsoAt).toEqual(n <= 5 ? [expect.stringMatching(/^https:\/\/(wire|courier)\.example\//u)] : []);
      }
    });

    it('shows on each tab’s badge how many tracked companies its page names, green for business news', async () => {
      const shown = await badges(await runningServiceWorker(browser, control));
      for (const url of tabUrls) {
        const path = new URL(url).pathname;
        const story = [...stories, ...copies].find((s) => s.path === path);
        const sport = sports.find((s) => s.path === path);
        if (story) {
          expect(shown[url], url).toEqual({
            text: String(story.headline.split(' and ').length),
            color: BUSINESS_GREEN,
          });
        } else if (sport) {
          expect(shown[url], url).toEqual({ text: '1', color: OTHER_GREY });
        } else {
          // Not an article: nothing recorded, no badge.
          expect(shown[url], url).toBeUndefined();
        }
      }
      // Content scripts read storage.local: it holds what they need (contentState) and the sync
      // bookkeeping (the companies and settings they see already), nothing about other tabs.
      expect(await storageKeys(await runningServiceWorker(browser, control))).toEqual({
        local: ['contentState', 'sync'],
        session: [],
      });
      // Three counts are in use, so a badge that ignored the page would be caught.
      expect(new Set(Object.values(shown).map((b) => b.text))).toEqual(new Set(['1', '2', '3']));
    });
  });

  it('negative control: the store check catches a lost story, a copy stored twice and a half-written story', async () => {
    const sound = await readStore(control);
    expect(storeProblems(sound)).toEqual([]);
    const expected = sound.stories.map((s) => s.url);
    const [first, second] = sound.stories;
    if (!first || !second) throw new Error('the burst stored nothing');
    const broken: StoreDump = {
      ...sound,
      stories: [
        ...sound.stories.filter((s) => s !== second),
        { ...first, url: `${first.url}?utm_source=x`, groupId: null },
      ],
      facts: sound.facts.filter((f) => f.url !== first.url),
    };
    const problems = storeProblems(broken, expected).join('\n');
    expect(problems).toContain(`lost: ${second.url}`);
    expect(problems).toContain(`${first.url}?utm_source=x duplicates ${first.url}`);
    expect(problems).toContain(`no dashboard fact for ${first.url}`);
    expect(storeProblems({ ...sound, mirror: [] }).join('\n')).toContain('content scripts see []');
    const [company, stories] = Object.entries(sound.perCompany.counted)[0] ?? [];
    if (!company || !stories) throw new Error('the burst counted no company');
    const uncounted = { ...sound.perCompany, counted: { ...sound.perCompany.counted, [company]: stories - 1 } };
    expect(storeProblems({ ...sound, perCompany: uncounted })).toContain(
      `the dashboard counts ${stories - 1} stories about ${company}, the facts name it in ${stories}`,
    );
    const misfiled = sound.facts.map((f) => (f.url === first.url ? { ...f, sid: (first.sid ?? 0) + 1 } : f));
    expect(storeProblems({ ...sound, facts: misfiled })).toContain(
      `the fact of ${first.url} is not under its story's number`,
    );
  });

  describe('a service worker stopped while its write transaction is open', () => {
    const held = businessStory(42);
    const retried = businessStory(41);

    it('rolls the write back as a whole and keeps everything stored before (negative control: no retry)', async () => {
      serve(held);
      const before = await readStore(control);
      const worker = await runningServiceWorker(browser, control);
      await holdWriteOf(worker, held.canonical);
      // Sent once, without the extension's retry, so the interrupted write is not repeated.
      const payload = report({
        url: held.canonical,
        visitedUrl: server.url(held.path),
        title: held.headline,
        publisher: held.publisher,
      });
      const answer = sendOnce(control, 'content:reportStory', payload);
      await expect.poll(() => heldWrite(worker)).toBe(held.canonical);
      await stopServiceWorkers(control);
      expect(String(await answer)).toMatch(/closed before a response/u);

      const after = await readStore(control);
      expect(after.stories.map((s) => s.url)).not.toContain(held.canonical);
      expect(
        storeProblems(
          after,
          before.stories.map((s) => s.url),
        ),
      ).toEqual([]);
    });

    it('the story a tab was reporting is stored once the worker restarts, exactly once', async () => {
      serve(retried);
      const before = await readStore(control);
      const worker = await runningServiceWorker(browser, control);
      await holdWriteOf(worker, retried.canonical);
      const tab = await browser.context.newPage();
      await tab.goto(server.url(retried.path));
      await expect.poll(() => heldWrite(worker)).toBe(retried.canonical);
      await stopServiceWorkers(control);

      const expected = [...before.stories.map((s) => s.url), retried.canonical];
      const after = await waitForStories(control, expected.length);
      expect(storeProblems(after, expected)).toEqual([]);
      // The badge state lives outside the worker, so the restarted worker still shows it.
      const shown = await badges(await runningServiceWorker(browser, control));
      expect(shown[server.url(retried.path)]).toEqual({ text: '3', color: BUSINESS_GREEN });
    });
  });

  it('a company added or removed on the options page reaches every open tab without a reload', async () => {
    const story = { ...businessStory(60), path: '/business/2026/11/24/ericsson.html' };
    story.paragraphs = [...story.paragraphs, 'Ericsson, a supplier to both, said its orders were steady.'];
    serve(story);
    const urls = ['', '?second', '#third'].map((v) => server.url(story.path + v));
    const tabs = await Promise.all(
      urls.map(async (url) => {
        const tab = await browser.context.newPage();
        await tab.goto(url);
        // Gone if the page were reloaded: the change must reach the page as it is.
        await tab.evaluate(() => Object.assign(window, { openedOnce: true }));
        return tab;
      }),
    );
    const ericssonIn = async (tab: Page) => (await highlightedTexts(tab)).filter((t) => t === 'Ericsson').length;
    for (const tab of tabs) await expect.poll(() => highlightedTexts(tab)).toContain('Xiaomi');
    for (const tab of tabs) expect(await ericssonIn(tab)).toBe(0);

    const ericsson = await send(control, 'ui:addEntity', { name: 'Ericsson' });
    for (const tab of tabs) await expect.poll(() => ericssonIn(tab)).toBe(1);
    // Each page's badge follows: Xiaomi and now Ericsson.
    const badgeTexts = async () => {
      const shown = await badges(await runningServiceWorker(browser, control));
      return urls.map((url) => shown[url]?.text).join();
    };
    await expect.poll(badgeTexts).toBe('2,2,2');

    await send(control, 'ui:removeEntity', { id: ericsson.id });
    for (const tab of tabs) await expect.poll(() => ericssonIn(tab)).toBe(0);
    await expect.poll(badgeTexts).toBe('1,1,1');
    for (const tab of tabs) {
      await expect.poll(() => highlightedTexts(tab)).toContain('Xiaomi');
      expect(await tab.evaluate(() => (window as { openedOnce?: boolean }).openedOnce)).toBe(true);
    }
  });
});
