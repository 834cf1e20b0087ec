/**
 * Bad feeds, in the built extension in Chromium, from a feed server the test runs on 127.0.0.1:
 * each gets a clear state in the options page's list, and nothing else changes (the other
 * feeds work, no story is stored twice or from a link that is not http). Each guard has a
 * negative control served beside it: the same thing just inside the limit, or without the one
 * fault, is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, type ItemSpec, rssFeed, startFeedServer } from '../support/feed-server';
import { storedFeedStories, watchedFeeds } from './feed-fixtures';
import { type Harness, startHarness } from './harness';
import { screenshot, seriousViolations, useScheme } from './pages/accessibility';
import type { OptionsPage } from './pages/options';

const HOSTILE_SUMMARY =
  '<img src=x onerror="document.title=\'pwned\'"><script>alert(1)</script><b>Bold</b> Xiaomi claims';

/** Feeds with one fault each, and their controls: [path, what the list must say]. */
const EXPECTED: [string, RegExp][] = [
  ['/malformed', /Failing since .*: The feed is broken XML and cannot be read/u],
  ['/html', /The address gives a web page \(HTML\), not a feed\./u],
  ['/image', /The address gives an image \(PNG\), not a feed\./u],
  ['/billion-laughs', /defines its own XML entities, which are refused for safety/u],
  ['/fifty-mb', /larger than 5 MB, so it was cut off/u],
  ['/endless', /larger than 5 MB, so it was cut off/u],
  ['/trickle', /took longer than 20 s to send the feed/u],
  ['/loop-a', /redirects in a loop/u],
  ['/to-ftp', /redirects in a loop, or to an address that is not http or https/u],
  ['/gone', /Stopped: The server says this feed is gone for good \(410\)/u],
  ['/ten-thousand.xml', /500 stories matchedWorking/u],
  ['/hostile.xml', /3 stories matchedWorking/u],
  ['/changing-guid.xml', /1 story matchedWorking/u],
  // Controls: inside the limit, or without the fault.
  ['/four-mb.xml', /1 story matchedWorking/u],
  ['/laughs-without-entities.xml', /1 story matchedWorking/u],
  ['/slow-but-finite.xml', /1 story matchedWorking/u],
  ['/moved', /Working/u],
];

function xiaomiItem(base: string, n: number, extra: Partial<ItemSpec> = {}): ItemSpec {
  return {
    title: `Xiaomi update number ${n}`,
    link: `${base}/items/${n}`,
    description: `Xiaomi said item ${n} was published.`,
    pubDate: new Date(Date.now() - n * 60_000).toUTCString(),
    ...extra,
  };
}

function serveBadFeeds(server: FeedServer): void {
  const base = server.url('').replace(/\/$/u, '');
  server.serve(
    '/ten-thousand.xml',
    rssFeed(
      'Ten thousand',
      base,
      Array.from({ length: 10_000 }, (_, i) => xiaomiItem(`${base}/many`, i)),
    ),
  );
  server.serve(
    '/hostile.xml',
    rssFeed('Hostile', base, [
      xiaomiItem(base, 1, { title: 'Xiaomi javascript link', link: 'javascript:alert(1)' }),
      xiaomiItem(base, 2, { title: 'Xiaomi data link', link: 'data:text/html,<script>alert(1)</script>' }),
      xiaomiItem(base, 3, { title: `Xiaomi ${'very long title '.repeat(6250)}`, link: `${base}/long` }),
      xiaomiItem(base, 4, {
        title: 'Xiaomi from the future',
        link: `${base}/future`,
        pubDate: 'Fri, 01 Jan 2100 00:00:00 GMT',
      }),
      xiaomiItem(base, 5, {
        title: 'Xiaomi twin one',
        link: `${base}/hostile-summary`,
        guid: 'twin',
        description: HOSTILE_SUMMARY,
      }),
      xiaomiItem(base, 6, { title: 'Xiaomi twin two', link: `${base}/twin-two`, guid: 'twin' }),
    ]),
  );
  let version = 0;
  server.serve('/changing-guid.xml', (_req, res) => {
    version += 1;
    res
      .writeHead(200, { 'Content-Type': 'application/rss+xml' })
      .end(rssFeed('Changing', base, [xiaomiItem(base, 7, { guid: `guid-${version}`, link: `${base}/same-story` })]));
  });
  const padding = `<!-- ${'x'.repeat(4 * 1024 * 1024)} -->`;
  server.serve('/four-mb.xml', rssFeed('Four MB', base, [xiaomiItem(base, 8)]).replace('<rss', `${padding}<rss`));
  server.serve('/laughs-without-entities.xml', rssFeed('Laughs', base, [xiaomiItem(base, 9)]));
  server.serve('/slow-but-finite.xml', (_req, res) => {
    const body = rssFeed('Slow', base, [xiaomiItem(base, 10)]);
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
    const half = Math.floor(body.length / 2);
    res.write(body.slice(0, half));
    setTimeout(() => res.end(body.slice(half)), 3000);
  });
}

function opml(urls: string[]): string {
  const outlines = urls.map((url) => `<outline type="rss" text="" xmlUrl="${url}"/>`).join('');
  return `<?xml version="1.0"?><opml version="2.0"><head><title>Bad</title></head><body>${outlines}</body></opml>`;
}

describe('bad feeds', () => {
  let harness: Harness;
  let server: FeedServer;
  let options: OptionsPage;
  beforeAll(async () => {
    harness = await startHarness();
    server = await startFeedServer();
    serveBadFeeds(server);
    harness.network.allowFeedServer(server.url('/'));
    options = await harness.openOptions();
    await options.addCompany('Xiaomi');
  });
  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  const feeds = () => options.page.getByRole('region', { name: 'News feeds' });

  it('gives each its own clear state, reads every control, and keeps what the guards allow', async () => {
    const urls = EXPECTED.map(([path]) => server.url(path));
    await feeds()
      .getByLabel('Import OPML')
      .setInputFiles({ name: 'bad.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml(urls)) });
    await expect.poll(() => watchedFeeds(options.page)).toHaveLength(EXPECTED.length);
    // The list keeps the file's order; each row not yet as expected is named by its path.
    const states = async () => {
      const rows = await watchedFeeds(options.page);
      return EXPECTED.filter(([, expected], i) => !expected.test(rows[i] ?? '')).map(([path]) => path);
    };
    // The trickling server is given up on after 20 s; everything else answers at once.
    await expect.poll(states, { timeout: 45_000, interval: 1000 }).toEqual([]);
    // The troubled states must read well too: checked with axe, photographed in both schemes.
    await options.page.setViewportSize({ width: 900, height: 900 });
    expect(await seriousViolations(options.page)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(options.page, scheme);
      await feeds()
        .getByRole('list', { name: 'Watched feeds' })
        .screenshot({ path: await screenshot(options.page, `feeds-bad-${scheme}`) });
    }
    await useScheme(options.page, 'light');

    const stored = await storedFeedStories(options.page);
    const urlsStored = stored.map((s) => s.url);
    expect(urlsStored.filter((u) => u.includes('/many/'))).toHaveLength(500);
    // The newest 500 of the 10,000: items 0 to 499.
    expect(urlsStored).toContain(server.url('/many/items/0'));
    expect(urlsStored).not.toContain(server.url('/many/items/500'));
    // No javascript: or data: link became a story; the http ones of the same feed did.
    expect(urlsStored.filter((u) => !u.startsWith('http'))).toEqual([]);
    const long = stored.find((s) => s.url === server.url('/long'));
    expect(long?.title.length).toBeLessThanOrEqual(300);
    const future = stored.find((s) => s.url === server.url('/future'));
    expect(future?.firstSeen).toBeLessThanOrEqual(Date.now());
    // One guid on two items: the second is dropped; a guid that changes on every read: one story.
    expect(urlsStored).toContain(server.url('/hostile-summary'));
    expect(urlsStored).not.toContain(server.url('/twin-two'));
    expect(urlsStored.filter((u) => u.endsWith('/same-story'))).toHaveLength(1);
  }, 90_000);

  it('stores nothing twice when the feeds are read again', async () => {
    const before = (await storedFeedStories(options.page)).length;
    // The trickling server would hold the check for its 20 s again.
    const trickle = feeds()
      .getByRole('listitem')
      .filter({ hasText: server.url('/trickle') });
    await trickle.getByRole('button', { name: 'Remove' }).click();
    await trickle.waitFor({ state: 'detached' });
    await feeds().getByRole('button', { name: 'Check feeds now' }).click();
    await expect
      .poll(() => feeds().getByRole('status').textContent(), { timeout: 45_000 })
      .toMatch(/^Checked \d+ feeds: 0 new stories\.$/u);
    expect((await storedFeedStories(options.page)).length).toBe(before);
  }, 60_000);

  it('shows hostile markup in a summary as text only (with a control that it is markup)', async () => {
    const popup = await harness.openPopup();
    await popup.search('Xiaomi twin one');
    const story = popup.story('Xiaomi twin one');
    await story.waitFor();
    expect(await story.locator('.snippet').textContent()).toBe('Bold Xiaomi claims');
    expect(await popup.page.locator('.stories img, .stories script, .stories b').count()).toBe(0);
    expect(await popup.page.title()).not.toBe('pwned');
    // The control: the same summary as markup would have made an image and a bold element.
    const asMarkup = await popup.page.evaluate((html) => {
      const box = document.createElement('template');
      box.innerHTML = html;
      return [box.content.querySelectorAll('img').length, box.content.querySelectorAll('b').length];
    }, HOSTILE_SUMMARY);
    expect(asMarkup).toEqual([1, 1]);
    await popup.page.close();
  });

  it('says what an OPML list nested past 100 levels left out, and imports the rest', async () => {
    const inner = `<outline type="rss" text="Deep" xmlUrl="${server.url('/deep.xml')}"/>`;
    let nested = inner;
    for (let i = 0; i < 101; i++) nested = `<outline text="Folder ${i}">${nested}</outline>`;
    const list = `<opml version="2.0"><body>${nested}<outline type="rss" text="Top" xmlUrl="${server.url('/top.xml')}"/></body></opml>`;
    await feeds()
      .getByLabel('Import OPML')
      .setInputFiles({ name: 'deep.opml', mimeType: 'text/x-opml', buffer: Buffer.from(list) });
    await expect
      .poll(() => feeds().getByRole('status').textContent())
      .toBe('Imported deep.opml: 1 feed added, 0 watched already. 1 feed nested deeper than 100 levels was left out.');
  });
});
