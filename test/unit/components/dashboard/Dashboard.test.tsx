import { describe, expect, it, vi } from 'vitest';
import { Dashboard, type DashboardProps } from '@/components/dashboard/Dashboard';
import { memoryStoryReader } from '@/test/support/memory-reader';
import { DAY_MS, namedZone } from '@/utils/dashboard/days';
import { createEntity, type TrackedEntity } from '@/utils/entities';
import type { StoryRecord } from '@/utils/stories';
import { fakeClient, story } from '../fake-client';
import { fireEvent, render, screen, waitFor, within } from '../testing';

const paris = namedZone('Europe/Paris');
// Noon in Paris on Tuesday 10 March 2026.
const NOW = Date.parse('2026-03-10T11:00:00Z');
const at = (iso: string) => Date.parse(iso);

const xiaomi: TrackedEntity = { ...createEntity({ name: 'Xiaomi', watchlist: 'Clients' }, 0), id: 'xiaomi' };
const apple: TrackedEntity = { ...createEntity({ name: 'Apple', watchlist: 'Clients' }, 1), id: 'apple' };
const arm: TrackedEntity = { ...createEntity({ name: 'Arm' }, 2), id: 'arm' };
const mention = (entityId: string, inHeadline = false) => ({ entityId, count: 1, inHeadline, inLead: false });

function stories(): StoryRecord[] {
  return [
    story({
      url: 'https://a.example/1',
      title: 'Xiaomi opens a data centre',
      publisher: 'Alpha',
      isBusiness: true,
      mentions: [mention('xiaomi', true)],
      firstSeen: at('2026-03-10T08:00:00Z'),
      lastSeen: at('2026-03-10T08:00:00Z'),
    }),
    story({
      url: 'https://b.example/2',
      title: 'Apple and Xiaomi settle a patent case',
      publisher: 'Beta',
      isBusiness: true,
      mentions: [mention('apple', true), mention('xiaomi')],
      firstSeen: at('2026-03-09T22:30:00Z'), // 23:30 in Paris on the 9th
      lastSeen: at('2026-03-09T22:30:00Z'),
    }),
    story({
      url: 'https://c.example/3',
      title: 'Arm <img src=x onerror=alert(1)> robot wins a prize',
      publisher: '<b>Gazette</b>',
      mentions: [mention('arm', true)],
      firstSeen: at('2026-03-09T10:00:00Z'),
      lastSeen: at('2026-03-09T10:00:00Z'),
    }),
    story({
      url: 'https://d.example/4',
      title: 'Xiaomi phones a year ago',
      publisher: 'Alpha',
      mentions: [mention('xiaomi')],
      firstSeen: NOW - 60 * DAY_MS,
      lastSeen: NOW - 60 * DAY_MS,
    }),
  ];
}

function setup(more: Partial<DashboardProps> = {}) {
  const records = stories();
  const client = fakeClient({ entities: [xiaomi, apple, arm], stories: records });
  const store = memoryStoryReader(client.state.stories, client.state.entities, paris);
  store.storiesByUrl = vi.fn(store.storiesByUrl);
  const mocks = { save: vi.fn(), copy: vi.fn(async (_text: string) => {}), print: vi.fn() };
  render(<Dashboard client={client} store={store} now={NOW} zone={paris} {...mocks} {...more} />);
  return { client, store, ...mocks };
}

/** A company's timeline: a figure named by the company, described by a sentence. */
const chart = (name: string) => screen.getByRole('figure', { name });
const described = (figure: HTMLElement) =>
  document.getElementById(figure.getAttribute('aria-describedby') ?? '')?.textContent?.trim();
const status = () => document.querySelector('.dashboard > [role="status"]')?.textContent;

describe('Dashboard', () => {
  it('titles each timeline with the company and its count, and describes it in words, counting local days', async () => {
    setup();
    await waitFor(() => expect(status()).toBe('3 stories about all tracked companies in the last 30 days.'));
    expect(chart('Xiaomi').querySelector('figcaption')?.textContent).toBe('Xiaomi2 stories · 2 business');
    expect(described(chart('Xiaomi'))).toBe(
      'Xiaomi: 2 stories in the last 30 days, 2 of them business news (100%). Busiest day: Tue, Mar 10, 2026, 1 story.',
    );
    expect(described(chart('Arm'))).toBe(
      'Arm: 1 story in the last 30 days, 0 of them business news (0%). Busiest day: Mon, Mar 9, 2026, 1 story.',
    );
  });

  it('names the companies without stories on one line instead of drawing empty charts', async () => {
    const client = fakeClient({ entities: [xiaomi, apple, arm], stories: stories().slice(0, 1) });
    const store = memoryStoryReader(client.state.stories, client.state.entities, paris);
    render(<Dashboard client={client} store={store} now={NOW} zone={paris} />);
    await screen.findByRole('figure', { name: 'Xiaomi' });
    expect(screen.queryByRole('figure', { name: 'Apple' })).toBeNull();
    expect(screen.getByText('No stories in the last 30 days: Apple, Arm.')).toBeTruthy();
    expect(screen.getByText('No stories in this period: Apple, Arm.')).toBeTruthy();
    expect(screen.getByText('No stories: Apple, Arm.')).toBeTruthy();
  });

  it('lists a day’s stories from the keyboard, announcing each day’s count', async () => {
    setup();
    const slider = await screen.findByRole('slider', { name: 'Day in Xiaomi’s timeline' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Tue, Mar 10, 2026: 1 story, 1 business news');
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Mon, Mar 9, 2026: 1 story, 1 business news');
    fireEvent.keyDown(slider, { key: 'Enter' });
    const list = await screen.findByRole('list', { name: 'Stories about Xiaomi on Mon, Mar 9, 2026' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Apple and Xiaomi settle a patent case']);
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Mon, Feb 9, 2026: 0 stories');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('list', { name: /^Stories about Xiaomi/u })).toBeNull();
  });

  it('grows the period on request, and compares one watchlist side by side', async () => {
    const { store } = setup();
    await waitFor(() => expect(status()).toMatch(/^3 stories/u));
    await screen.findByRole('heading', { name: 'Xiaomi (1 story)' });
    const digestReads = vi.mocked(store.storiesByUrl).mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: '90 days' }));
    await waitFor(() => expect(status()).toBe('4 stories about all tracked companies in the last 90 days.'));
    // The digest's week did not change, so its stories are not read again (once effects have run).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(vi.mocked(store.storiesByUrl).mock.calls.length).toBe(digestReads);
    expect(screen.getByRole('button', { name: '90 days' }).getAttribute('aria-pressed')).toBe('true');
    // Beyond a month, a bar is a week, the last one ending today.
    const slider = screen.getByRole('slider', { name: 'Week in Xiaomi’s timeline' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Mar 4 to Mar 10, 2026: 2 stories, 2 business news');
    expect(slider.getAttribute('aria-valuemax')).toBe('12');
    const shares = () =>
      within(screen.getByRole('list', { name: 'Share of voice' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(shares()).toEqual(['Xiaomi60% · 3 stories', 'Apple20% · 1 story', 'Arm20% · 1 story']);
    fireEvent.change(screen.getByLabelText('Companies'), { target: { value: 'Clients' } });
    await waitFor(() => expect(shares()).toEqual(['Xiaomi75% · 3 stories', 'Apple25% · 1 story']));
    expect(screen.queryByRole('slider', { name: 'Week in Arm’s timeline' })).toBeNull();
    expect(status()).toBe('3 stories about the Clients watchlist in the last 90 days.');
  });

  it('shows share of voice week by week, with the numbers in a table', async () => {
    setup();
    await waitFor(() => expect(status()).toMatch(/^3 stories/u));
    const rows = [...document.querySelectorAll('.week-table tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['Week', 'Xiaomi', 'Apple', 'Arm'],
      ['Feb 9 to Feb 10, 2026', '0', '0', '0'],
      ['Feb 11 to Feb 17, 2026', '0', '0', '0'],
      ['Feb 18 to Feb 24, 2026', '0', '0', '0'],
      ['Feb 25 to Mar 3, 2026', '0', '0', '0'],
      ['Mar 4 to Mar 10, 2026', '2 (50%)', '1 (25%)', '1 (25%)'],
    ]);
    const columns = document.querySelectorAll('.voice-weeks svg title');
    expect(columns[4]?.textContent).toBe('Mar 4 to Mar 10, 2026: Xiaomi 2, Apple 1, Arm 1');
    expect(columns[0]?.textContent).toBe('Feb 9 to Feb 10, 2026: no stories');
  });

  it('shows publishers and companies named together, with page text as plain text', async () => {
    setup();
    const arm = await screen.findByRole('list', { name: 'Top publishers for Arm' });
    expect(arm.textContent).toBe('<b>Gazette</b>1 story');
    expect(document.querySelector('.dashboard img:not(.brand-mark), .dashboard b')).toBeNull();
    const pair = screen.getByText('Xiaomi and Apple: 1 story');
    fireEvent.click(pair);
    fireEvent(pair.closest('details')!, new Event('toggle'));
    expect(
      within(await screen.findByRole('list', { name: 'Stories naming Xiaomi and Apple' }))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Apple and Xiaomi settle a patent case']);
  });

  it('sorts the story list by relevance, and exports what the filter shows', async () => {
    const { save } = setup();
    const titles = () =>
      [...screen.getByRole('list', { name: 'Matched stories' }).querySelectorAll(':scope > li .story-title')].map(
        (a) => a.textContent,
      );
    await waitFor(() => expect(titles()).toHaveLength(4));
    fireEvent.change(screen.getByLabelText('Order'), { target: { value: 'relevance' } });
    await waitFor(() =>
      expect(titles()).toEqual([
        'Apple and Xiaomi settle a patent case',
        'Xiaomi opens a data centre',
        'Arm <img src=x onerror=alert(1)> robot wins a prize',
        'Xiaomi phones a year ago',
      ]),
    );
    fireEvent.click(within(screen.getByRole('group', { name: 'Company' })).getByRole('button', { name: 'Xiaomi' }));
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Export these stories (CSV)' }));
    await screen.findByText('Exported 3 stories as CSV.');
    const [name, csv, type] = save.mock.calls[0] as [string, string, string];
    expect(name).toMatch(/^news-tracker-stories-\d{4}-\d\d-\d\d\.csv$/u);
    expect(type).toBe('text/csv;charset=utf-8');
    const rows = csv.trimEnd().split('\r\n');
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual([
      'Apple and Xiaomi settle a patent case',
      'Xiaomi opens a data centre',
      'Xiaomi phones a year ago',
    ]);
  });

  it('stars a story through the store from the dashboard list', async () => {
    const { client } = setup();
    const list = await screen.findByRole('list', { name: 'Matched stories' });
    const item = await within(list).findByText('Xiaomi opens a data centre');
    fireEvent.click(within(item.closest('li')!).getByRole('button', { name: 'Star' }));
    await waitFor(() => expect(client.state.stories.find((s) => s.url === 'https://a.example/1')?.starred).toBe(true));
  });

  it('makes the weekly digest printable, copyable and downloadable', async () => {
    const { copy, save, print } = setup();
    const digest = await screen.findByRole('article', { name: 'News digest, Wed, Mar 4, 2026 to Tue, Mar 10, 2026' });
    expect(
      within(digest)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['Xiaomi (1 story)', 'Apple (1 story)', 'Arm (1 story)']);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await screen.findByText('Copied the digest as Markdown.');
    expect(copy.mock.calls[0]?.[0]).toMatch(/^# News digest, /u);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as plain text' }));
    await screen.findByText('Copied the digest as plain text.');
    expect(copy.mock.calls[1]?.[0]).toContain('* Apple and Xiaomi settle a patent case');
    fireEvent.click(screen.getByRole('button', { name: 'Download HTML' }));
    expect(save).toHaveBeenCalledWith(
      'news-digest-2026-03-10.html',
      expect.stringContaining('<!doctype html>'),
      'text/html;charset=utf-8',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('says why copying failed rather than failing silently', async () => {
    setup({
      copy: async () => {
        throw new Error('Document is not focused.');
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy as Markdown' }));
    expect((await screen.findByText(/^Could not copy/u)).textContent).toBe('Could not copy: Document is not focused.');
  });

  it('shows a store failure as a readable alert', async () => {
    const store = memoryStoryReader([]);
    store.dayCounts = async () => {
      throw new Error('The story database is unavailable.');
    };
    setup({ store });
    expect((await screen.findByRole('alert')).textContent).toBe('The story database is unavailable.');
  });

  it('points a first-time user to the options page', async () => {
    render(<Dashboard client={fakeClient()} store={memoryStoryReader([])} now={NOW} zone={paris} />);
    await screen.findByRole('heading', { name: 'No companies tracked yet' });
    expect(screen.getByRole('link', { name: 'options page' }).getAttribute('href')).toBe('options.html');
  });
});
