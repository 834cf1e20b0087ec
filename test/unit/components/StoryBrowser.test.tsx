import { describe, expect, it } from 'vitest';
import { StoryBrowser, trackedExamples } from '@/components/StoryBrowser';
import { PAGE_SIZE } from '@/components/useStoryPages';
import { createEntity } from '@/utils/entities';
import { fakeClient, story } from './fake-client';
import { fireEvent, render, screen, waitFor, within } from './testing';

const apple = createEntity({ name: 'Apple' }, 0);
const arm = createEntity({ name: 'Arm' }, 1);
const NOW = Date.UTC(2026, 10, 25, 12);
const mention = (entityId: string) => [{ entityId, count: 1, inHeadline: false, inLead: false }];

const titles = () =>
  [...screen.getByRole('list', { name: 'Matched stories' }).querySelectorAll(':scope > li .story-title')].map(
    (a) => a.textContent,
  );

function setup() {
  const client = fakeClient({
    entities: [apple, arm],
    stories: [
      story({ title: 'Apple opens store', mentions: mention(apple.id), lastSeen: 3, snippets: ['new shop'] }),
      story({ title: 'Arm licenses chips', mentions: mention(arm.id), lastSeen: 2, starred: true }),
      story({ title: 'Apple and Arm', mentions: [...mention(apple.id), ...mention(arm.id)], lastSeen: 1, read: true }),
    ],
  });
  render(<StoryBrowser client={client} entities={[apple, arm]} now={10} />);
  return client;
}

describe('StoryBrowser', () => {
  it('lists stories newest first and filters by company, unread and starred', async () => {
    setup();
    await waitFor(() => expect(titles()).toEqual(['Apple opens store', 'Arm licenses chips', 'Apple and Arm']));
    fireEvent.click(screen.getByRole('button', { name: 'Arm' }));
    await waitFor(() => expect(titles()).toEqual(['Arm licenses chips', 'Apple and Arm']));
    fireEvent.click(screen.getByRole('button', { name: 'Unread' }));
    await waitFor(() => expect(titles()).toEqual(['Arm licenses chips']));
    fireEvent.click(screen.getByRole('button', { name: 'Arm' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unread' }));
    fireEvent.click(screen.getByRole('button', { name: 'Starred' }));
    await waitFor(() => expect(titles()).toEqual(['Arm licenses chips']));
  });

  it('says how many stories match, and what is filtered, with a way to turn each off', async () => {
    setup();
    await screen.findByText('3 stories');
    fireEvent.click(screen.getByRole('button', { name: 'Arm' }));
    await screen.findByText('2 stories');
    expect(screen.getByRole('button', { name: 'Filters, 1 on' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unread' }));
    await screen.findByText('1 story');
    fireEvent.click(screen.getByRole('button', { name: /^Arm\W+stop$/u }));
    await screen.findByText('2 stories');
    fireEvent.click(screen.getByRole('button', { name: /^Unread\W+stop$/u }));
    await screen.findByText('3 stories');
    expect(screen.queryByRole('button', { name: /stop$/u })).toBeNull();
  });

  it('orders by when stories were published, or by when they were last read', async () => {
    const client = fakeClient({
      entities: [apple],
      stories: [
        story({ title: 'Old news read today', publishedTime: '2016-03-12T09:00:00Z', firstSeen: NOW, lastSeen: NOW }),
        story({ title: 'Fresh', publishedTime: null, firstSeen: NOW - 3600_000, lastSeen: NOW - 3600_000 }),
      ],
    });
    render(<StoryBrowser client={client} entities={[apple]} now={NOW} />);
    await waitFor(() => expect(titles()).toEqual(['Fresh', 'Old news read today']));
    fireEvent.change(screen.getByRole('combobox', { name: 'Order' }), { target: { value: 'read' } });
    await waitFor(() => expect(titles()).toEqual(['Old news read today', 'Fresh']));
    expect(screen.getByRole('button', { name: /^Recently read\W+stop$/u })).toBeTruthy();
  });

  it('marks the stories a feed found and shows only those under "From feeds"', async () => {
    const client = fakeClient({
      entities: [apple],
      stories: [
        story({ title: 'Apple opens store', mentions: mention(apple.id), lastSeen: 3, feedId: 'f1' }),
        story({ title: 'Apple read on its page', mentions: mention(apple.id), lastSeen: 2 }),
      ],
    });
    render(<StoryBrowser client={client} entities={[apple]} now={10} />);
    await waitFor(() => expect(titles()).toEqual(['Apple opens store', 'Apple read on its page']));
    const items = [
      ...screen.getByRole('list', { name: 'Matched stories' }).querySelectorAll<HTMLElement>(':scope > li'),
    ];
    expect(items.map((li) => within(li).queryByText('Feed', { exact: true }) !== null)).toEqual([true, false]);
    fireEvent.click(screen.getByRole('button', { name: 'From feeds' }));
    await waitFor(() => expect(titles()).toEqual(['Apple opens store']));
    expect(screen.getByRole('button', { name: 'From feeds' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('searches after typing stops, and offers to clear filters when nothing matches', async () => {
    setup();
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search stories' }), { target: { value: 'shop' } });
    await waitFor(() => expect(titles()).toEqual(['Apple opens store']));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search stories' }), {
      target: { value: 'nothing like it' },
    });
    await screen.findByText('No stories match these filters.');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(titles()).toHaveLength(3));
  });

  it('stars, marks read, deletes and marks all read, through the store', async () => {
    const client = setup();
    await waitFor(() => expect(titles()).toHaveLength(3));
    const first = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('Apple opens store'))!;
    fireEvent.click(within(first).getByRole('button', { name: 'Star' }));
    await waitFor(() =>
      expect(within(first).getByRole('button', { name: 'Star' }).getAttribute('aria-pressed')).toBe('true'),
    );
    expect(client.state.stories[0]!.starred).toBe(true);
    fireEvent.click(within(first).getByRole('button', { name: 'Mark read' }));
    await within(first).findByRole('button', { name: 'Mark unread' });
    expect(client.state.stories[0]!.read).toBe(true);
    fireEvent.click(within(first).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(titles()).toEqual(['Arm licenses chips', 'Apple and Arm']));
    expect(client.state.stories.map((s) => s.title)).not.toContain('Apple opens store');
    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await screen.findByText('Marked 1 story read.');
    expect(client.state.stories.every((s) => s.read)).toBe(true);
  });

  it('pages through many stories instead of loading them all', async () => {
    const client = fakeClient({
      entities: [apple],
      stories: Array.from({ length: PAGE_SIZE * 2 + 5 }, (_, i) => story({ title: `S${i}`, lastSeen: 1000 - i })),
    });
    render(<StoryBrowser client={client} entities={[apple]} now={2000} />);
    await waitFor(() => expect(titles()).toHaveLength(PAGE_SIZE));
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(titles()).toHaveLength(PAGE_SIZE * 2));
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(titles()).toHaveLength(PAGE_SIZE * 2 + 5));
    expect(titles().at(-1)).toBe(`S${PAGE_SIZE * 2 + 4}`);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('shows a store failure as a readable alert', async () => {
    const client = fakeClient();
    client.listStories = async () => {
      throw new Error('The story database is unavailable.');
    };
    render(<StoryBrowser client={client} entities={[]} />);
    expect((await screen.findByRole('alert')).textContent).toBe('The story database is unavailable.');
  });

  it('tells a new user what to do when there are no stories yet', async () => {
    render(<StoryBrowser client={fakeClient()} entities={[apple]} />);
    await screen.findByText('No stories yet. Read a news article that mentions Apple, and it will appear here.');
  });

  it('names up to three tracked companies as a plain list of choices, and says when there are more', () => {
    const named = (...names: string[]) => trackedExamples(names.map((name, i) => createEntity({ name }, i)));
    expect(named()).toBe('a company you track');
    expect(named('Apple', 'Nvidia')).toBe('Apple or Nvidia');
    expect(named('Apple', 'Nvidia', 'Lyft')).toBe('Apple, Nvidia, or Lyft');
    expect(named('Apple', 'Nvidia', 'Lyft', 'Xiaomi')).toBe('Apple, Nvidia, Lyft, or another company you track');
  });
});
