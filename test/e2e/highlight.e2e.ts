/**
 * Highlights as a person meets them, in the built extension in Chromium: companies added on the
 * options page, articles served from test/fixtures/highlight on 127.0.0.1. Highlights and the
 * closed panel are read through the DevTools protocol in an isolated world (PageProbe), so a
 * hostile page's patched built-ins cannot fool the test either.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { PageProbe, type SeenHighlight } from './highlight-helpers';
import type { PopupPage } from './pages/popup';

// The first colours of the palette new companies get, in the order they are added.
const XIAOMI = 'rgb(255, 213, 79)';
const SAMSUNG = 'rgb(129, 212, 250)';
const APPLE = 'rgb(165, 214, 167)';

const texts = (seen: SeenHighlight[]) => seen.map((h) => h.text);

describe('highlights in Chromium', () => {
  let harness: Harness;
  const open: Page[] = [];

  beforeAll(async () => {
    harness = await startHarness();
    const options = await harness.openOptions();
    await options.addCompany('Xiaomi');
    await options.addCompany('Samsung', ['Samsung Electronics']);
    await options.addCompany('Apple', [], { matchCase: true });
    // Tracked but on no test page (colour #f48fb1): nothing about it may reach any page.
    await options.addCompany('Nokia');
    await options.page.close();
  });
  afterAll(async () => harness?.close());

  async function read(path: string): Promise<{ page: Page; probe: PageProbe }> {
    for (const page of open.splice(0)) await page.close();
    const page = await harness.browser.context.newPage();
    open.push(page);
    await page.goto(harness.server.url(path));
    return { page, probe: await PageProbe.attach(page) };
  }

  async function settings() {
    const options = await harness.openOptions();
    await options.page.getByRole('heading', { name: 'Settings' }).waitFor();
    return options;
  }

  async function popupOver(article: Page): Promise<PopupPage> {
    const popup = await harness.openPopup();
    await article.bringToFront();
    await popup.page.reload();
    return popup;
  }

  it('paints every mention in its company’s colour without touching the page, and skips what is not prose', async () => {
    const { page, probe } = await read('/highlight/article.html');
    await expect.poll(async () => (await probe.highlights()).length).toBe(8);
    const seen = await probe.highlights();
    expect(texts(seen)).toEqual([
      'Xiaomi',
      'Samsung',
      'Xiaomi', // Xia<b>omi</b>: one mention across an inline element
      'Samsung\u00a0Electronics', // the longer alias wins, a non-breaking space counts as a space
      'Xiaomi', // Xiaomi’s
      'Samsung', // Samsung's
      'Xiaomi', // (Xiaomi)
      'Samsung', // "Samsung"
    ]);
    // "apple growers": Apple is tracked with match case. "Xiao</p><p>mi": a paragraph ends between.
    // Form fields, the editor, hidden text, noscript, script and style hold the names too, unpainted.
    for (const h of seen) expect(h.color).toBe(h.text.startsWith('Xiaomi') ? XIAOMI : SAMSUNG);

    // The DOM is the page's own, unchanged: no wrappers, the body as served.
    const unchanged = await probe.run(async () => {
      const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      return served.body.innerHTML === document.body.innerHTML;
    });
    expect(unchanged).toBe(true);

    // What the page can learn: which of its words are highlighted, in which colour, under random
    // names. Nothing about companies it does not mention.
    const registry = await probe.registry();
    expect(registry.names).toHaveLength(2);
    for (const name of registry.names) expect(name).toMatch(/^h[0-9a-f]{32}$/u);
    expect(registry.rules.join('\n')).not.toMatch(/f48fb1|244, 143, 177|nokia|apple|xiaomi|samsung/iu);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toMatch(/nokia/iu);
  });

  it('lists the companies in a closed panel that steps to the next and previous mention, and closes', async () => {
    const { page, probe } = await read('/highlight/article.html');
    await expect.poll(async () => (await probe.panel())?.text ?? '').toContain('Xiaomi');
    const panel = await probe.panel();
    expect(panel?.shadowRootType).toBe('closed');
    expect(panel?.text).toMatch(/Xiaomi 4/u);
    expect(panel?.text).toMatch(/Samsung 4/u);
    expect(panel?.text).not.toMatch(/Nokia|Apple/u);
    // The page sees one empty element, and its own scripts cannot open it.
    expect(await page.evaluate(() => document.querySelector('news-tracker-panel')?.outerHTML)).toBe(
      '<news-tracker-panel></news-tracker-panel>',
    );
    expect(await page.evaluate(() => [...document.documentElement.children].map((e) => e.shadowRoot))).not.toContain(
      expect.anything(),
    );

    /** The mention the panel stepped to (the one highlight with a raised priority), and where it is. */
    const focused = () =>
      probe.run(() => {
        for (const highlight of CSS.highlights.values()) {
          if (highlight.priority === 0) continue;
          for (const r of highlight) {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            const holder = r.startContainer.parentElement?.closest('[id], h1');
            return `${range.toString()} in ${holder?.id || holder?.localName}`;
          }
        }
        return null;
      });
    const position = async () => (await probe.panel())?.text.match(/\d+ of \d+/u)?.[0] ?? null;
    // A rule that could match any element makes the browser restyle the whole page at once (long
    // on a huge page): every rule, the stepped-to mention's too, lists the elements it paints.
    const rulesBefore = (await probe.registry()).rules;
    await probe.clickPanelButton('Next mention of Samsung');
    await expect.poll(focused).toBe('Samsung in h1');
    const rulesAfter = (await probe.registry()).rules;
    expect(rulesAfter.slice(0, rulesBefore.length)).toEqual(rulesBefore);
    expect(rulesAfter.slice(rulesBefore.length)).toEqual([
      expect.stringMatching(
        /^html:nth-child\(1\) > body:nth-child\(2\) > article:nth-child\(1\) > h1:nth-child\(1\)::highlight\(h[0-9a-f]{32}\) \{/u,
      ),
    ]);
    for (const rule of rulesAfter) {
      for (const selector of rule.slice(0, rule.indexOf(' {')).split(', ')) {
        expect(selector).toMatch(
          /^[a-z][a-z0-9-]*:nth-child\(\d+\)( > [a-z][a-z0-9-]*:nth-child\(\d+\))*::highlight\(h[0-9a-f]{32}\)$/u,
        );
      }
    }
    await probe.clickPanelButton('Next mention of Samsung');
    await expect.poll(focused).toBe('Samsung\u00a0Electronics in split');
    expect(await position()).toBe('2 of 4');
    await probe.clickPanelButton('Previous mention');
    await expect.poll(focused).toBe('Xiaomi in split');
    expect(await position()).toBe('3 of 8');
    for (const expected of ['2 of 8', '1 of 8', '8 of 8']) {
      await probe.clickPanelButton('Previous mention');
      await expect.poll(position).toBe(expected);
    }
    expect(await focused()).toBe('Samsung in punctuation');
    await probe.clickPanelButton('Next mention');
    await expect.poll(position).toBe('1 of 8');
    expect(await focused()).toBe('Xiaomi in h1');

    await probe.clickPanelButton('Close panel');
    await expect.poll(() => probe.panel()).toBeNull();
    // Closing the panel leaves the highlights.
    expect(await probe.highlights()).toHaveLength(8);
  });

  it('removes every highlight at once when switched off in the settings, and paints them again when on', async () => {
    const { probe } = await read('/highlight/article.html');
    await expect.poll(async () => (await probe.highlights()).length).toBe(8);
    const options = await settings();
    await options.page.getByLabel('Nowhere').check();
    await expect.poll(async () => (await probe.registry()).names).toEqual([]);
    expect(await probe.panel()).toBeNull();
    await options.page.getByLabel('On news articles (recommended)').check();
    await expect.poll(async () => (await probe.highlights()).length).toBe(8);
    await options.page.getByLabel('Show the News Tracker panel on articles').uncheck();
    await expect.poll(() => probe.panel()).toBeNull();
    expect(await probe.highlights()).toHaveLength(8);
    await options.page.getByLabel('Show the News Tracker panel on articles').check();

    // Pages that are not articles are left alone unless highlights are wanted everywhere.
    const shop = await read('/highlight/shop.html');
    await shop.page.waitForTimeout(500);
    expect(await shop.probe.highlights()).toEqual([]);
    await options.page.getByLabel('On every page').check();
    await expect.poll(async () => texts(await shop.probe.highlights())).toEqual(['Xiaomi', 'Samsung']);
    await options.page.getByLabel('On news articles (recommended)').check();
    await expect.poll(async () => (await shop.probe.registry()).names).toEqual([]);
    await options.page.close();
  });

  it('switches highlights off for the site from the popup, all at once, and back on', async () => {
    const { page, probe } = await read('/highlight/article.html');
    await expect.poll(async () => (await probe.highlights()).length).toBe(8);
    const popup = await popupOver(page);
    const toggle = popup.thisPage.getByRole('switch', { name: 'Highlights on this site' });
    await toggle.click();
    await expect.poll(async () => (await probe.registry()).names).toEqual([]);
    await toggle.click();
    await expect.poll(async () => (await probe.highlights()).length).toBe(8);
    await popup.page.close();
  });

  it('removes every highlight at once when the site is listed in the options as one to leave alone, and back', async () => {
    const { probe } = await read('/highlight/article.html');
    await expect.poll(async () => (await probe.highlights()).length).toBe(8);
    const options = await settings();
    const sites = options.page.getByLabel('Sites where News Tracker does nothing at all (one per line)');
    // Another site listed first: this page keeps its highlights (negative control).
    await sites.fill('example.com');
    await sites.blur(); // saved when the field is left, like every setting
    await options.page.waitForTimeout(500);
    expect(await probe.highlights()).toHaveLength(8);
    await sites.fill('example.com\n127.0.0.1');
    await sites.blur(); // saved when the field is left, like every setting
    await expect.poll(async () => (await probe.registry()).names).toEqual([]);
    expect(await probe.panel()).toBeNull();
    await sites.fill('');
    await sites.blur(); // saved when the field is left, like every setting
    await expect.poll(async () => (await probe.highlights()).length).toBe(8);
    await options.page.close();
  });

  it('finds late content, an open shadow root and one attached later', async () => {
    const { probe } = await read('/highlight/late.html');
    await expect
      .poll(async () => texts(await probe.highlights()), { timeout: 10_000 })
      .toEqual([
        'Xiaomi',
        'Xiaomi',
        'Samsung', // the paragraph added 400 ms after load
        'Xiaomi', // in the shadow root there from the start
        'Samsung', // in the shadow root attached 900 ms after load
      ]);
    const seen = await probe.highlights();
    expect(seen.map((h) => h.color)).toEqual([XIAOMI, XIAOMI, SAMSUNG, XIAOMI, SAMSUNG]);
    // Shadow trees get the highlight styles too (a document's ::highlight rules do not reach them).
    const shadowRules = await probe.run(() =>
      ['card-now', 'card-later'].map(
        (id) => document.getElementById(id)?.shadowRoot?.adoptedStyleSheets[0]?.cssRules.length ?? 0,
      ),
    );
    expect(shadowRules.every((n) => n >= 2)).toBe(true);
  });

  it('starts afresh after a single-page-app route change (pushState)', async () => {
    const { page, probe } = await read('/highlight/spa.html');
    await expect.poll(async () => texts(await probe.highlights())).toEqual(['Xiaomi', 'Xiaomi']);
    await page.getByRole('button', { name: 'Next story' }).click();
    await expect.poll(async () => texts(await probe.highlights()), { timeout: 10_000 }).toEqual(['Samsung', 'Samsung']);
    expect(page.url()).toMatch(/\/highlight\/spa-second-story$/u);
    expect((await probe.highlights())[0]?.color).toBe(SAMSUNG);
  });

  it('highlights inside same-origin frames of an article, a separate page and a srcdoc frame', async () => {
    const { probe } = await read('/highlight/frame.html');
    await expect.poll(async () => texts(await probe.highlights())).toEqual(['Samsung', 'Xiaomi', 'Samsung']);
    // The framed page is not an article itself; the page around it is.
    await expect.poll(async () => texts(await probe.highlights('frame-inner.html'))).toEqual(['Xiaomi', 'Apple']);
    expect((await probe.highlights('frame-inner.html')).map((h) => h.color)).toEqual([XIAOMI, APPLE]);
    await expect.poll(async () => texts(await probe.highlights('about:srcdoc'))).toEqual(['Samsung']);
  });

  it('works the same on a page that has replaced the built-ins an extension might use', async () => {
    const { page, probe } = await read('/highlight/hostile.html');
    await expect
      .poll(async () => texts(await probe.highlights()))
      .toEqual(['Xiaomi', 'Samsung', 'Xiaomi', 'Samsung', 'Samsung Electronics', 'Xiaomi']);
    const seen = await probe.highlights();
    expect(seen.map((h) => h.color)).toEqual([XIAOMI, SAMSUNG, XIAOMI, SAMSUNG, SAMSUNG, XIAOMI]);
    // The panel is there and shown, whatever the page's stylesheet says about appended elements.
    // The page took the panel's element name for a custom element of its own, so the host is a <div>.
    await expect.poll(async () => (await probe.panel())?.text ?? '').toMatch(/Xiaomi 3/u);
    const shown = await probe.run(() => {
      const host = [...document.documentElement.children].find((e) => e.localName === 'div') as HTMLElement;
      const style = getComputedStyle(host);
      return { display: style.display, visibility: style.visibility, width: host.getBoundingClientRect().width };
    });
    expect(shown.display).toBe('block');
    expect(shown.visibility).toBe('visible');
    expect(shown.width).toBeGreaterThan(100);
    await probe.clickPanelButton('Next mention');
    await expect.poll(async () => (await probe.panel())?.text ?? '').toContain('1 of 6');
    // The page's patches are in force for the page itself (negative control for the checks above).
    await expect(page.evaluate(() => [1, 2].map((n) => n * 2))).rejects.toThrow(/hostile page/u);
  });
  it('paints only what is near the screen, and a mention far down a 1 MB page within a frame of scrolling to it', async () => {
    const { probe } = await read('/highlight/long.html');
    // The whole page is read and counted (the panel), but only the headline's mention is painted.
    await expect.poll(async () => (await probe.panel())?.text ?? '', { timeout: 20_000 }).toMatch(/Xiaomi 1/u);
    expect((await probe.panel())?.text).toMatch(/Samsung 1/u);
    expect(texts(await probe.highlights())).toEqual(['Samsung']);

    // Scrolled to, the last paragraph's mention is painted by the next frame (or within 100 ms).
    const scrolled = await probe.run(async () => {
      const last = document.getElementById('last') as HTMLElement;
      const painted = () =>
        [...CSS.highlights.values()].some(
          (h) => h.priority === 0 && [...h].some((r) => r.startContainer === last.firstChild),
        );
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      await frame();
      const started = performance.now();
      last.scrollIntoView({ block: 'center' });
      // The frame after the scroll shows the paragraph; the one after that is the next frame.
      let frames = 0;
      while (!painted() && performance.now() - started < 5000) {
        await frame();
        frames++;
      }
      return { painted: painted(), frames, ms: performance.now() - started };
    });
    expect(scrolled.painted).toBe(true);
    expect(scrolled.frames <= 2 || scrolled.ms <= 100, JSON.stringify(scrolled)).toBe(true);
    await expect.poll(async () => texts(await probe.highlights())).toEqual(['Xiaomi']);

    // Back at the top, the panel steps to that mention: painted before the panel scrolls to it.
    await probe.run(() => scrollTo(0, 0));
    await expect.poll(async () => texts(await probe.highlights())).toEqual(['Samsung']);
    await probe.clickPanelButton('Next mention of Xiaomi');
    await expect.poll(async () => texts(await probe.highlights())).toEqual(['Xiaomi']);
    expect(await probe.run(() => scrollY > 100_000)).toBe(true);
  });
});
