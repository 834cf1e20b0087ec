/**
 * The content session taking the person's word: what a page's text names (the popup's "This
 * page"), "Record this page", "Not a news story" (and a report the background refuses), and
 * sites treated as news; and the panel and the status counting what the story counts.
 */
import { describe, expect, it } from 'vitest';
import { startContentSession } from '@/utils/content/session';
import { createEntity } from '@/utils/entities';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import type { PageStatus, StoryReport } from '@/utils/stories';
import { marked, markedTexts, openShadowRoots, panelShadow, sessionController } from './page-view';

const xiaomi = createEntity({ name: 'Xiaomi' }, 0);
const samsung = createEntity({ name: 'Samsung' }, 1);
const URL_ = 'https://shop.example/blog/xiaomi-opens';
const ARTICLE_URL = 'https://news.example/business/xiaomi-ireland';
openShadowRoots();

/** A shop's blog post (not taken for an article) naming Xiaomi, with Samsung only in its menu. */
const POST =
  '<ul class="menu"><li><a href="/samsung">Samsung</a></li><li><a href="/phones">Phones</a></li></ul>' +
  '<main><h2>Xiaomi opens in Dublin</h2><p>Xiaomi opens its first shop in Dublin on Friday. ' +
  'Xiaomi phones will be on sale there.</p></main>';
/** An article naming Xiaomi in its text and Samsung only in a menu beside it. */
const ARTICLE_HEAD =
  '<title>Xiaomi moves its European data to Ireland</title><meta property="og:type" content="article">' +
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Xiaomi moves its European data to Ireland","articleSection":"Business"}</script>';
const ARTICLE =
  '<nav><ul><li><a href="/samsung">Samsung</a></li><li><a href="/xiaomi">Xiaomi</a></li></ul></nav>' +
  '<article><h1>Xiaomi moves its European data to Ireland</h1>' +
  '<p>Xiaomi said on Monday it would move the data of its European users to a new centre in Ireland this year.</p>' +
  '<p>The company expects the move to be finished by the autumn, and said customers would notice nothing.</p></article>';

interface Start {
  article?: boolean;
  settings?: Partial<Settings>;
  /** What the background answers to a report: saved, or refused as not news. */
  saved?: boolean;
}

function start({ article = false, settings = {}, saved = true }: Start = {}) {
  document.head.innerHTML = article ? ARTICLE_HEAD : '<title>Xiaomi opens in Dublin | Shop</title>';
  document.body.innerHTML = article ? ARTICLE : POST;
  const reports: StoryReport[] = [];
  const statuses: PageStatus[] = [];
  const controller = sessionController();
  const session = startContentSession(
    {
      document,
      url: () => (article ? ARTICLE_URL : URL_),
      isTopFrame: true,
      signal: controller.signal,
      report: async (r) => {
        reports.push(r);
        return { saved };
      },
      reportStatus: async (s) => void statuses.push(s),
      hostCheckMs: 50,
    },
    { entities: [xiaomi, samsung], settings: { ...DEFAULT_SETTINGS, ...settings } },
  );
  return { session, reports, statuses };
}

const panelText = () => panelShadow()?.querySelector('.sections')?.textContent ?? null;

describe('the content session takes the person’s word', () => {
  it('tells the popup what a page not taken for an article names, without recording or highlighting it', async () => {
    const { session, reports, statuses } = start();
    expect(await session.readPage()).toEqual({
      url: URL_,
      storyUrl: URL_,
      isArticle: false,
      isBusiness: false,
      mentions: [{ entityId: xiaomi.id, count: 3 }],
    });
    await session.idle();
    expect(reports).toEqual([]);
    expect(statuses).toEqual([]);
    expect(markedTexts()).toEqual([]);
  });

  it('records and highlights the page when the person says it is news, even where only business news is kept', async () => {
    const { session, reports, statuses } = start({ settings: { recordOnlyBusiness: true } });
    await session.idle();
    expect(await session.setVerdict(`${URL_}?other`, true)).toEqual({ applied: false, recorded: false });
    expect(reports).toEqual([]);

    expect(await session.setVerdict(URL_, true)).toEqual({ applied: true, recorded: true });
    await session.idle();
    expect(reports.map((r) => [r.url, r.mentions.map((m) => [m.entityId, m.count])])).toEqual([
      [URL_, [[xiaomi.id, 3]]],
    ]);
    expect(marked('Xiaomi')).toBe(3);
    expect(statuses.at(-1)).toMatchObject({ isArticle: true, mentions: [{ entityId: xiaomi.id, count: 3 }] });
    expect((await session.readPage())?.isArticle).toBe(true);
  });

  it('stops treating the page as an article when the person says it is not news', async () => {
    const { session, statuses } = start({ article: true });
    await session.idle();
    expect(marked('Xiaomi')).toBeGreaterThan(0);
    expect(await session.setVerdict(ARTICLE_URL, false)).toEqual({ applied: true, recorded: false });
    expect(markedTexts()).toEqual([]);
    expect(panelShadow()).toBeNull();
    // The badge and "This page" are told, so they no longer show the page's companies.
    expect(statuses.at(-1)).toMatchObject({ isArticle: false, mentions: [] });
  });

  it('takes a refused report (an address marked not news) as the same word, and sends it once', async () => {
    const { session, reports } = start({ article: true, saved: false });
    await session.idle();
    expect(reports).toHaveLength(1);
    expect(markedTexts()).toEqual([]);
    await session.onStateChanged({
      entities: [xiaomi, samsung],
      settings: { ...DEFAULT_SETTINGS, notifications: true },
    });
    expect(reports).toHaveLength(1);
  });

  it('handles every page of a site treated as news as an article, and no other site’s', async () => {
    const other = start({ settings: { newsSites: ['elsewhere.example'] } });
    await other.session.idle();
    expect(other.reports).toEqual([]);
    expect(markedTexts()).toEqual([]);

    const { session, reports } = start({ settings: { newsSites: ['shop.example'] } });
    await session.idle();
    expect(reports.map((r) => r.url)).toEqual([URL_]);
    expect(marked('Xiaomi')).toBe(3);
  });

  it('counts in the panel and the status what the story counts, and the menu’s names apart', async () => {
    const { session, reports, statuses } = start({ article: true });
    await session.idle();
    expect(reports[0]?.mentions.map((m) => [m.entityId, m.count])).toEqual([[xiaomi.id, 2]]);
    // Highlighted: Samsung in the menu, Xiaomi in the menu, the headline and the text.
    expect([marked('Xiaomi'), marked('Samsung')]).toEqual([3, 1]);
    expect(statuses.at(-1)).toMatchObject({
      isArticle: true,
      mentions: [{ entityId: xiaomi.id, count: 2 }],
      elsewhere: [{ entityId: samsung.id, count: 1 }],
    });
    expect(panelText()).toBe('In the articleXiaomi2‹›Elsewhere on the pageXiaomi1‹›Samsung1‹›');
  });
});
