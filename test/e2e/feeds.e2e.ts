/**
 * Watching news feeds, in the built extension in Chromium, against a feed server the test runs
 * on 127.0.0.1 (the network guard lets the service worker reach exactly that server): a site's
 * feeds found and picked on the options page, a feed watched by its address, their stories in
 * the popup (marked, filtered, counted on the badge), pause, remove, check now, OPML out and in,
 * and "Watch this site's news" from the popup. Both pages are checked with axe and photographed
 * in light and dark mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedServer } from '../support/feed-server';
import { globalBadge, SITE_TITLE, startNewsSite, storedFeedStories, watchedFeeds } from './feed-fixtures';
import { type Harness, startHarness } from './harness';
import { screenshot, seriousViolations, useScheme } from './pages/accessibility';
import type { OptionsPage } from './pages/options';

describe('watching news feeds', () => {
  let harness: Harness;
  let site: FeedServer;
  let options: OptionsPage;
  beforeAll(async () => {
    harness = await startHarness();
    site = await startNewsSite();
    harness.network.allowFeedServer(site.url('/'));
    options = await harness.openOptions();
    await options.addCompany('Xiaomi');
    await options.addCompany('Nvidia');
  });
  afterAll(async () => {
    await harness?.close();
    await site?.close();
  });

  const feeds = () => options.page.getByRole('region', { name: 'News feeds' });
  const status = () => feeds().getByRole('status');

  async function watch(address: string): Promise<void> {
    await feeds().getByLabel('Feed or site address').fill(address);
    await feeds().getByRole('button', { name: 'Watch', exact: true }).click();
  }

  it('finds a site’s feeds, lets the person pick, and watches the ones ticked', async () => {
    await watch(site.url('/'));
    const picker = feeds().getByRole('group', { name: 'This site offers 3 feeds' });
    await picker.waitFor();
    expect(await picker.getByRole('checkbox', { name: `${SITE_TITLE} - Business` }).isChecked()).toBe(true);
    await picker.getByRole('checkbox', { name: `${SITE_TITLE} - Markets` }).check();
    await picker.getByRole('button', { name: 'Watch the feeds ticked' }).click();
    await expect.poll(() => status().textContent()).toBe('Watching 2 more feeds.');
    await expect
      .poll(() => watchedFeeds(options.page), { timeout: 15_000 })
      .toEqual([
        expect.stringMatching(
          new RegExp(`^${SITE_TITLE} - Business127\\.0\\.0\\.1.*3 stories matchedWorkingPauseRemove$`, 'u'),
        ),
        expect.stringMatching(
          new RegExp(`^${SITE_TITLE} - Markets127\\.0\\.0\\.1.*1 story matchedWorkingPauseRemove$`, 'u'),
        ),
      ]);
    // Nothing else of the site was fetched: its page, then the two feeds ticked.
    expect(site.requests.map((r) => r.path)).toEqual(['/', '/business.xml', '/markets.xml']);
  });

  it('watches a feed given by its address, with one request', async () => {
    await watch(site.url('/tech.xml'));
    await expect
      .poll(() => status().textContent())
      .toBe(`Watching ${SITE_TITLE} - Technology: 1 new story about your companies.`);
    expect(site.requests.filter((r) => r.path === '/tech.xml')).toHaveLength(1);
    expect(await feeds().getByLabel('Feed or site address').inputValue()).toBe('');
    await watch(site.url('/tech.xml'));
    await expect.poll(() => status().textContent()).toBe(`${site.url('/tech.xml')} is watched already.`);
  });

  it('looks right and reads well in light and dark mode', async () => {
    await options.page.setViewportSize({ width: 900, height: 900 });
    await feeds().scrollIntoViewIfNeeded();
    expect(await seriousViolations(options.page)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(options.page, scheme);
      await feeds().screenshot({ path: await screenshot(options.page, `feeds-options-${scheme}`) });
    }
    await useScheme(options.page, 'light');
  });

  it('lists the feeds’ stories in the popup, marked, filtered, and counted on the badge', async () => {
    const article = await harness.browser.context.newPage();
    await article.goto(harness.server.url('/ui/chip-deal.html'));
    const popup = await harness.openPopup();
    await popup.page.setViewportSize({ width: 380, height: 900 });
    const titles = await popup.storyTitles(6, 10_000);
    expect(titles).toHaveLength(6);
    const fromFeed = popup.story('Xiaomi to build a second electric car plant near Beijing');
    expect(await fromFeed.getByText('Feed', { exact: true }).isVisible()).toBe(true);
    expect(
      await popup
        .story(titles.find((t) => t.startsWith('Nvidia and Arm')) ?? '')
        .getByText('Feed', { exact: true })
        .count(),
    ).toBe(0);
    expect(await globalBadge(harness)).toBe('5');
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(popup.page, scheme);
      await screenshot(popup.page, `feeds-popup-${scheme}`);
    }
    await useScheme(popup.page, 'light');
    expect(await seriousViolations(popup.page)).toEqual([]);
    await popup.toggleFilter('From feeds');
    await expect.poll(() => popup.storyLinks.allTextContents()).toHaveLength(5);
    expect((await popup.storyLinks.allTextContents()).some((t) => t.startsWith('Nvidia and Arm'))).toBe(false);
    // Opening a feed's story in the popup makes it read: one fewer on the badge.
    await popup
      .story('Xiaomi to build a second electric car plant near Beijing')
      .getByRole('button', { name: 'Mark read' })
      .click();
    await expect.poll(() => globalBadge(harness)).toBe('4');
    await popup.page.close();
    await article.close();
  });

  it('pauses, removes, checks now, and keeps the stories a removed feed found', async () => {
    const row = (name: string) =>
      feeds()
        .getByRole('listitem')
        .filter({ hasText: `${SITE_TITLE} - ${name}` });
    await row('Technology').getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => row('Technology').textContent()).toMatch(/PausedResumeRemove$/u);
    await row('Markets').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => watchedFeeds(options.page)).toHaveLength(2);
    const before = site.requests.length;
    await feeds().getByRole('button', { name: 'Check feeds now' }).click();
    await expect.poll(() => status().textContent()).toBe('Checked 1 feed: 0 new stories.');
    expect(site.requests.slice(before).map((r) => r.path)).toEqual(['/business.xml']);
    const stored = await storedFeedStories(options.page);
    expect(stored.map((s) => s.title)).toContain('Chip stocks lead the market higher; Nvidia gains 4%');
    expect(stored).toHaveLength(5);
  });

  it('does not bring back a story the person deleted while its feed still lists it', async () => {
    const gone = 'Xiaomi shares rise after record quarterly revenue';
    const popup = await harness.openPopup();
    await popup.story(gone).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => popup.storyLinks.allTextContents()).not.toContain(gone);
    await popup.page.close();
    const before = site.requests.length;
    await feeds().getByRole('button', { name: 'Check feeds now' }).click();
    await expect.poll(() => status().textContent()).toBe('Checked 1 feed: 0 new stories.');
    // The feed was read again in full (it has no validators), and still lists the story.
    expect(site.requests.slice(before).map((r) => r.path)).toEqual(['/business.xml']);
    const stored = (await storedFeedStories(options.page)).map((s) => s.title);
    expect(stored).not.toContain(gone);
    expect(stored).toHaveLength(4);
  });

  it('exports the watched feeds as OPML and imports a list back', async () => {
    const { name, text } = await options.export('Export OPML');
    expect(name).toBe('news-tracker-feeds.opml');
    expect(text).toContain(`xmlUrl="${site.url('/business.xml')}"`);
    expect(text).toContain(`xmlUrl="${site.url('/tech.xml')}"`);
    expect(text).not.toContain('markets.xml');
    const list = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="Folder"><outline text="Markets" type="rss" xmlUrl="${site.url('/markets.xml')}"/>
      <outline text="Business" type="rss" xmlUrl="${site.url('/business.xml')}"/></outline></body></opml>`;
    await feeds()
      .getByLabel('Import OPML')
      .setInputFiles({ name: 'mine.opml', mimeType: 'text/x-opml', buffer: Buffer.from(list) });
    await expect.poll(() => status().textContent()).toBe('Imported mine.opml: 1 feed added, 1 watched already.');
    await expect.poll(() => watchedFeeds(options.page)).toHaveLength(3);
  });
});

describe('“Watch this site’s news” in the popup', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    // The article's site serves its own feed: the worker may fetch from the test server here.
    harness.network.allowFeedServer(harness.server.origin);
    const options = await harness.openOptions();
    await options.addCompany('Xiaomi');
    await options.addCompany('Nvidia');
    await options.page.close();
  });
  afterAll(async () => harness?.close());

  // First, while no feed is watched: the offer is missing because the page names no feed.
  it('is not offered on an article without a feed (negative control)', async () => {
    const article = await harness.browser.context.newPage();
    await article.goto(harness.server.url('/ui/chip-deal.html'));
    const popup = await harness.openPopupOver(article);
    await popup.thisPage.getByText('News article', { exact: true }).waitFor();
    expect(await popup.thisPage.getByRole('button', { name: 'Watch this site’s news' }).count()).toBe(0);
  });
  it('is offered on an article whose page advertises a feed, fetches nothing until pressed, then lists its stories', async () => {
    const requested: string[] = [];
    harness.browser.context.on('request', (r) => {
      if (r.serviceWorker()) requested.push(r.url());
    });
    const article = await harness.browser.context.newPage();
    await article.goto(harness.server.url('/feeds/article-with-feed.html'));
    const popup = await harness.openPopupOver(article);
    const offer = popup.thisPage.getByRole('button', { name: 'Watch this site’s news' });
    await offer.waitFor();
    expect(requested).toEqual([]);
    await offer.click();
    await popup.thisPage
      .getByText('Watching Quayside Courier. Its stories about your companies will be listed here.')
      .waitFor();
    expect(requested).toEqual([harness.server.url('/feeds/quayside.xml')]);
    await popup.page.reload();
    expect(await popup.storyTitles(2)).toEqual(
      expect.arrayContaining(['Xiaomi opens a design studio in Milan', 'Xiaomi phone sales climb in Latin America']),
    );
    // The site is watched now: no second offer.
    await harness.openPopupOver(article);
    const again = await harness.openPopupOver(article);
    await again.thisPage.getByText('News article', { exact: true }).waitFor();
    expect(await again.thisPage.getByRole('button', { name: 'Watch this site’s news' }).count()).toBe(0);
  });
});
