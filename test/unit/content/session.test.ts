import { describe, expect, it } from 'vitest';
import type { TopPage } from '@/utils/content/environment';
import { startContentSession } from '@/utils/content/session';
import { createEntity, type TrackedEntity } from '@/utils/entities';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import type { PageStatus, StoryReport } from '@/utils/stories';
import { marked, markedTexts, openShadowRoots, panelShadow, sessionController } from './page-view';

const xiaomi = createEntity({ name: 'Xiaomi' }, 0);
const samsung = createEntity({ name: 'Samsung' }, 1);
const body =
  '<article><h1>Xiaomi and Samsung race for Europe</h1>' +
  '<p>Xiaomi said on Monday it would open a data centre in Ireland, a move that follows Samsung.</p>' +
  '<p>Analysts expect Xiaomi to grow its share of the European phone market this year.</p></article>';
const head =
  '<title>Xiaomi and Samsung race for Europe</title><meta property="og:type" content="article">' +
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Xiaomi and Samsung race for Europe","articleSection":"Business"}</script>';

openShadowRoots();

interface StartOptions {
  entities?: TrackedEntity[];
  settings?: Partial<Settings>;
  article?: boolean;
  url?: () => string;
  frame?: { topPage: () => TopPage | null };
}

function start(options: StartOptions = {}) {
  document.head.innerHTML = options.article === false ? '<title>Shop</title>' : head;
  document.body.innerHTML = body;
  const reports: StoryReport[] = [];
  const statuses: PageStatus[] = [];
  const controller = sessionController();
  const session = startContentSession(
    {
      document,
      url: options.url ?? (() => 'https://news.example/business/xiaomi-ireland'),
      isTopFrame: options.frame === undefined,
      topPage: options.frame?.topPage,
      quietMs: 50,
      signal: controller.signal,
      report: async (r) => void reports.push(r),
      reportStatus: async (s) => void statuses.push(s),
      hostCheckMs: 50,
    },
    { entities: options.entities ?? [xiaomi, samsung], settings: { ...DEFAULT_SETTINGS, ...options.settings } },
  );
  return { session, reports, statuses, controller };
}

/** A new content state: the settings changed from the defaults, the list as `start` tracks by default. */
const state = (settings: Partial<Settings> = {}, entities = [xiaomi, samsung]) => ({
  entities,
  settings: { ...DEFAULT_SETTINGS, ...settings },
});

const panelText = () => panelShadow()?.textContent ?? null;

describe('the content-script session', () => {
  it('highlights tracked companies on an article, shows the panel and reports the story and the page', async () => {
    const { session, reports, statuses } = start();
    await session.idle();
    expect(statuses.at(-1)).toEqual({
      url: 'https://news.example/business/xiaomi-ireland',
      isArticle: true,
      isBusiness: true,
      mentions: [
        { entityId: xiaomi.id, count: 3 },
        { entityId: samsung.id, count: 2 },
      ],
      elsewhere: [],
    });
    expect(marked('Xiaomi')).toBe(3);
    expect(marked('Samsung')).toBe(2);
    expect(panelText()).toContain('Xiaomi3');
    expect(reports).toHaveLength(1);
    expect(reports[0]?.mentions.map((m) => [m.entityId, m.count > 0, m.inHeadline])).toEqual([
      [xiaomi.id, true, true],
      [samsung.id, true, true],
    ]);
  });

  it('does nothing on a page that is not an article while highlights are for articles only', async () => {
    const { session, reports } = start({ article: false });
    await session.idle();
    expect(markedTexts()).toEqual([]);
    expect(reports).toEqual([]);
    expect(panelText()).toBeNull();
  });

  it('highlights every page when the scope is all, but records only articles', async () => {
    const { session, reports, statuses } = start({ article: false, settings: { highlightScope: 'all' } });
    await session.idle();
    expect(marked('Xiaomi')).toBe(3);
    expect(reports).toEqual([]);
    // The popup still learns what the page mentions, for its per-site switch and the badge.
    expect(statuses.at(-1)?.isArticle).toBe(false);
    expect(statuses.at(-1)?.mentions).toContainEqual({ entityId: xiaomi.id, count: 3 });
  });

  it('does nothing at all on a disabled site', async () => {
    const { session, reports } = start({ settings: { disabledSites: ['news.example'] } });
    await session.idle();
    expect(markedTexts()).toEqual([]);
    expect(reports).toEqual([]);
  });

  it('records but does not highlight where highlights are off for the site', async () => {
    const { session, reports } = start({ settings: { highlightOffSites: ['news.example'] } });
    await session.idle();
    expect(markedTexts()).toEqual([]);
    expect(reports).toHaveLength(1);
  });

  it('respects "record only business news"', async () => {
    const { session, reports } = start({ settings: { recordOnlyBusiness: true } });
    await session.idle();
    expect(marked('Xiaomi')).toBe(3);
    // The fixture is business news by its section and URL path, so it is still recorded.
    expect(reports).toHaveLength(1);
  });

  it('removes every highlight at once when highlights are switched off, and repaints when on again', async () => {
    const { session } = start();
    await session.idle();
    await session.onStateChanged(state({ highlightOffSites: ['news.example'] }));
    expect(markedTexts()).toEqual([]);
    expect(document.querySelectorAll('news-tracker-mark')).toHaveLength(0);
    expect(panelText()).toBeNull();
    await session.onStateChanged(state());
    await session.idle();
    expect(marked('Xiaomi')).toBe(3);
  });

  it('follows tracked-list changes without a reload', async () => {
    const { session, reports } = start({ entities: [xiaomi] });
    await session.idle();
    expect(marked('Samsung')).toBe(0);
    await session.onStateChanged(state({}, [samsung]));
    await session.idle();
    expect(marked('Xiaomi')).toBe(0);
    expect(marked('Samsung')).toBe(2);
    expect(reports).toHaveLength(2);
  });

  it('finds late content in batches', async () => {
    const { session } = start();
    await session.idle();
    const p = document.createElement('p');
    p.textContent = 'Samsung responded on Tuesday.';
    document.querySelector('article')?.append(p);
    await expect.poll(() => marked('Samsung')).toBe(3);
  });

  it('finds shadow roots attached after the first scan', async () => {
    const { session } = start();
    await session.idle();
    const host = document.createElement('news-card');
    document.body.append(host);
    await new Promise((r) => setTimeout(r, 200));
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Samsung in a shadow root</p>';
    await expect.poll(() => marked('Samsung')).toBe(3);
  });

  it('steps through mentions from the panel and can be closed', async () => {
    const { session } = start();
    await session.idle();
    const shadow = panelShadow();
    const next = shadow?.querySelector<HTMLButtonElement>('button[title="Next mention of Samsung"]');
    next?.click();
    next?.click();
    expect(shadow?.textContent).toContain('2 of 2');
    shadow?.querySelector<HTMLButtonElement>('button[title="Close panel"]')?.click();
    expect(panelText()).toBeNull();
  });

  it('leaves nothing behind when the extension context ends', async () => {
    const { session, controller } = start();
    await session.idle();
    controller.abort();
    expect(markedTexts()).toEqual([]);
    expect(panelText()).toBeNull();
    expect(document.querySelectorAll('news-tracker-mark')).toHaveLength(0);
  });

  it('ignores its own DOM writes: the wrapping fallback does not rescan what it just wrapped', async () => {
    const { session } = start();
    await session.idle();
    const marks = [...document.querySelectorAll('news-tracker-mark')];
    expect(marks.length).toBe(5);
    // Longer than the batch delay: a rescan would unwrap and wrap again, making new elements.
    await new Promise((r) => setTimeout(r, 400));
    const after = [...document.querySelectorAll('news-tracker-mark')];
    expect(after.length).toBe(5);
    expect(after.every((mark, i) => mark === marks[i])).toBe(true);
  });

  it('highlights a same-origin frame when the page around it is an article, and follows that site’s settings', async () => {
    const articleTop = document.implementation.createHTMLDocument('Xiaomi and Samsung race for Europe');
    articleTop.head.innerHTML = head;
    articleTop.body.innerHTML = body;
    const topPage = () => ({ document: articleTop, url: 'https://news.example/business/xiaomi-ireland' });
    const frameUrl = () => 'about:srcdoc';
    const { session, reports, statuses } = start({ article: false, url: frameUrl, frame: { topPage } });
    await session.idle();
    expect(marked('Xiaomi')).toBe(3);
    // Frames never record stories, report the page or show the panel: the top page does.
    expect(reports).toEqual([]);
    expect(statuses).toEqual([]);
    expect(panelText()).toBeNull();
    await session.onStateChanged(state({ highlightOffSites: ['news.example'] }));
    expect(markedTexts()).toEqual([]);
  });

  it('leaves a frame alone when the page around it cannot be read (another origin)', async () => {
    const { session } = start({
      article: false,
      url: () => 'https://widgets.example/',
      frame: { topPage: () => null },
    });
    await session.idle();
    expect(markedTexts()).toEqual([]);
  });

  it('starts afresh after a single-page-app navigation, once the new page has rendered', async () => {
    let url = 'https://news.example/business/xiaomi-ireland';
    const { session, reports } = start({ url: () => url });
    await session.idle();
    expect(marked('Xiaomi')).toBe(3);
    url = 'https://news.example/business/samsung-results';
    const navigated = session.onLocationChanged();
    // The app renders the new story in two steps after changing the address, its head too.
    document.head.innerHTML = head.replaceAll('Xiaomi and Samsung race for Europe', 'Samsung results');
    const article = document.querySelector('article') as HTMLElement;
    article.innerHTML = '<h1>Samsung results</h1>';
    await new Promise((r) => setTimeout(r, 20));
    article.insertAdjacentHTML('beforeend', '<p>Samsung beat forecasts; Samsung shares rose.</p>');
    await navigated;
    await session.idle();
    expect(marked('Xiaomi')).toBe(0);
    expect(marked('Samsung')).toBe(3);
    // The new story is recorded under its own address, with what the new page says.
    expect(reports.at(-1)?.visitedUrl).toBe(url);
    expect(reports.at(-1)?.title).toBe('Samsung results');
    expect(reports.at(-1)?.mentions.map((m) => m.entityId)).toEqual([samsung.id]);
  });
});
