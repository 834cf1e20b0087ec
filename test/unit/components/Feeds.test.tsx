import { describe, expect, it, vi } from 'vitest';
import { Feeds } from '@/components/Feeds';
import { createEntity } from '@/utils/entities';
import { newWatchedFeed, type WatchedFeed } from '@/utils/feeds/watched';
import { memoryFeedClient } from '../../support/memory-feed-client';
import { fireEvent, render, screen, waitFor, within } from './testing';

const NOW = Date.UTC(2026, 2, 2, 9);
const xiaomi = createEntity({ name: 'Xiaomi' }, 0);
const nvidia = createEntity({ name: 'Nvidia' }, 1);

function feed(id: string, url: string, changes: Partial<WatchedFeed> = {}): WatchedFeed {
  return { ...newWatchedFeed(id, { url, title: null, siteUrl: null }, NOW - 3600_000), ...changes };
}

function setup(feeds: WatchedFeed[] = [], options: Parameters<typeof memoryFeedClient>[1] = {}) {
  const client = memoryFeedClient(feeds, { now: NOW, ...options });
  const save = vi.fn();
  render(<Feeds feeds={client} client={{ listEntities: async () => [xiaomi, nvidia] }} save={save} now={() => NOW} />);
  const region = screen.getByRole('region', { name: 'News feeds' });
  const watch = (address: string) => {
    fireEvent.input(within(region).getByLabelText('Feed or site address'), { target: { value: address } });
    fireEvent.click(within(region).getByRole('button', { name: 'Watch' }));
  };
  const status = () => within(region).getByRole('status').textContent;
  return { client, save, region, watch, status };
}

describe('Feeds', () => {
  it('lists each feed with its title, site, last check, matches and state in words', async () => {
    const { region } = setup([
      feed('f1', 'https://wire.example/rss', {
        title: 'Wire - Business',
        siteUrl: 'https://www.wire.example/business',
        status: 'working',
        lastCheckedAt: NOW - 5 * 60_000,
        matched: 12,
      }),
      feed('f2', 'https://down.example/rss', {
        status: 'failing',
        failingSince: Date.UTC(2026, 1, 27, 12),
        problem: 'The server has an error (503).',
      }),
      feed('f3', 'https://gone.example/rss', {
        status: 'stopped',
        problem: 'The server says this feed is gone for good (410), so it is no longer checked.',
      }),
      feed('f4', 'https://quiet.example/rss', {
        status: 'not-modified',
        paused: true,
        lastCheckedAt: NOW - 3 * 86_400_000,
      }),
    ]);
    const rows = await within(region).findAllByRole('listitem');
    expect(within(region).getByRole('list', { name: 'Watched feeds' })).toBeTruthy();
    expect(rows.map((r) => r.textContent)).toEqual([
      'Wire - Businesswire.exampleChecked 5 min ago12 stories matchedWorkingPauseRemove',
      'https://down.example/rssdown.exampleNever checked0 stories matchedFailing since Feb 27, 2026: The server has an error (503).PauseRemove',
      'https://gone.example/rssgone.exampleNever checked0 stories matchedStopped: The server says this feed is gone for good (410), so it is no longer checked.ResumeRemove',
      'https://quiet.example/rssquiet.exampleChecked 3 d ago0 stories matchedPausedResumeRemove',
    ]);
  });

  it('watches a feed by its address after asking for access to its site, and says what it found', async () => {
    const { client, watch, status, region } = setup([], { found: { 'news.example/rss': { title: 'News Example' } } });
    watch('news.example/rss');
    await waitFor(() => expect(status()).toBe('Watching News Example: 2 new stories about your companies.'));
    expect(client.accessAsked).toEqual(['https://news.example/rss']);
    expect((await within(region).findByRole('listitem')).textContent).toMatch(/^News Example/u);
    watch('news.example/rss');
    await waitFor(() => expect(status()).toBe('news.example/rss is watched already.'));
  });

  it('refuses an address that is not http(s), and one whose site the browser would not open, changing nothing', async () => {
    const { client, watch, region } = setup([], { access: false, found: { 'https://a.example/rss': { title: 'A' } } });
    watch('javascript:alert(1)');
    expect((await within(region).findByRole('alert')).textContent).toMatch(/^Give the address of a feed/u);
    watch('https://a.example/rss');
    await waitFor(() =>
      expect(within(region).getByRole('alert').textContent).toBe(
        'a.example was not opened to News Tracker, so it cannot read its feeds.',
      ),
    );
    expect(client.feeds).toEqual([]);
  });

  it('lets the person pick among a site’s feeds', async () => {
    const choices = ['Business', 'Markets', 'Sport'].map((t) => ({
      url: `https://site.example/${t}.xml`,
      title: `Site - ${t}`,
      siteUrl: null,
    }));
    const { client, watch, status, region } = setup([], { found: { 'site.example': { choices } } });
    watch('site.example');
    const picker = await within(region).findByRole('group', { name: 'This site offers 3 feeds' });
    expect(status()).toBe('This site offers several feeds: pick the ones to watch.');
    fireEvent.click(within(picker).getByRole('checkbox', { name: /Site - Markets/u }));
    fireEvent.click(within(picker).getByRole('button', { name: 'Watch the feeds ticked' }));
    await waitFor(() => expect(status()).toBe('Watching 2 more feeds.'));
    expect(client.feeds.map((f) => f.url)).toEqual([
      'https://site.example/Business.xml',
      'https://site.example/Markets.xml',
    ]);
    expect(within(region).queryByRole('group', { name: 'This site offers 3 feeds' })).toBeNull();
  });

  it('pauses, resumes and removes a feed, and checks them all now', async () => {
    const { client, region, status } = setup([
      feed('f1', 'https://a.example/rss', { title: 'A' }),
      feed('f2', 'https://b.example/rss', { title: 'B' }),
    ]);
    const row = async (name: string) =>
      (await within(region).findAllByRole('listitem')).find((r) => r.textContent?.startsWith(name)) as HTMLElement;
    fireEvent.click(within(await row('A')).getByRole('button', { name: 'Pause' }));
    await waitFor(async () => expect(within(await row('A')).getByRole('button', { name: 'Resume' })).toBeTruthy());
    expect(status()).toBe('Paused A.');
    fireEvent.click(within(await row('B')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(status()).toBe('Stopped watching B. The stories it found are kept.'));
    expect(client.feeds.map((f) => f.id)).toEqual(['f1']);
    fireEvent.click(within(region).getByRole('button', { name: 'Check feeds now' }));
    await waitFor(() => expect(status()).toBe('Checked 0 feeds: 0 new stories.'));
  });

  it('imports an OPML list (5,000 feeds at most, saying what it left out) and exports one', async () => {
    const { client, save, region, status } = setup();
    const outlines = Array.from(
      { length: 5003 },
      (_, i) => `<outline type="rss" text="F${i}" xmlUrl="https://f${i}.example/rss"/>`,
    );
    const file = new File([`<opml version="2.0"><body>${outlines.join('')}</body></opml>`], 'many.opml');
    fireEvent.change(within(region).getByLabelText('Import OPML'), { target: { files: [file] } });
    await waitFor(() =>
      expect(status()).toBe(
        'Imported many.opml: 5,000 feeds added, 0 watched already. 3 feeds past the first 5,000 were left out.',
      ),
    );
    expect(client.feeds).toHaveLength(5000);
    const exportButton = within(region).getByRole('button', { name: 'Export OPML' }) as HTMLButtonElement;
    await waitFor(() => expect(exportButton.disabled).toBe(false));
    fireEvent.click(exportButton);
    const [name, text, type] = save.mock.calls[0] ?? [];
    expect([name, type]).toEqual(['news-tracker-feeds.opml', 'text/x-opml;charset=utf-8']);
    expect(text).toContain('xmlUrl="https://f4999.example/rss"');
  }, 60_000);

  it('refuses a file that is not an OPML list, with the reason, adding nothing', async () => {
    const { client, region } = setup();
    const file = new File(['<rss version="2.0"><channel><title>x</title></channel></rss>'], 'feed.xml');
    fireEvent.change(within(region).getByLabelText('Import OPML'), { target: { files: [file] } });
    expect((await within(region).findByRole('alert')).textContent).toBe(
      'This file is a feed: watch its address instead.',
    );
    expect(client.feeds).toEqual([]);
  });

  it('saves the interval and the notices, per company when chosen', async () => {
    const { client, region } = setup();
    const every = (await within(region).findByLabelText('Check each feed every')) as HTMLSelectElement;
    expect(every.value).toBe('30');
    fireEvent.change(every, { target: { value: '360' } });
    await waitFor(async () => expect((await client.list()).options.intervalMinutes).toBe(360));
    expect((within(region).getByRole('radio', { name: 'Never' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(region).getByRole('radio', { name: 'About the companies I choose' }));
    const companies = await within(region).findByRole('group', { name: 'Companies to notify about' });
    fireEvent.click(within(companies).getByRole('checkbox', { name: 'Nvidia' }));
    await waitFor(async () =>
      expect((await client.list()).options).toEqual({
        intervalMinutes: 360,
        notify: 'chosen',
        notifyEntityIds: [nvidia.id],
      }),
    );
  });
});
