import { describe, expect, it, vi } from 'vitest';
import { DashboardStories } from '@/components/dashboard/DashboardStories';
import { PAGE_SIZE } from '@/components/useStoryPages';
import { memoryStoryReader } from '@/test/support/memory-reader';
import { createEntity } from '@/utils/entities';
import { fakeClient, story } from '../fake-client';
import { fireEvent, render, screen, waitFor } from '../testing';

const apple = { ...createEntity({ name: 'Apple' }, 0), id: 'apple' };

function setup(count: number) {
  // Story i is mentioned i times: relevance order is the reverse of the numbering.
  const records = Array.from({ length: count }, (_, i) =>
    story({
      url: `https://news.example/${i}`,
      title: `S${i}`,
      publisher: `Publisher ${String(i % 7)}`,
      mentions: [{ entityId: 'apple', count: i + 1, inHeadline: false, inLead: false }],
    }),
  );
  const client = fakeClient({ stories: records, entities: [apple] });
  const store = memoryStoryReader(client.state.stories, client.state.entities);
  const allFacts = () => store.factsSince(Number.NEGATIVE_INFINITY);
  render(
    <DashboardStories
      client={client}
      store={store}
      entities={[apple]}
      allFacts={allFacts}
      now={2_000_000}
      save={vi.fn()}
      onDeleted={vi.fn()}
    />,
  );
  return client;
}

const titles = () =>
  [...screen.getByRole('list', { name: 'Matched stories' }).querySelectorAll(':scope > li .story-title')].map(
    (a) => a.textContent,
  );

describe('DashboardStories in the other orders', () => {
  it('pages through the ordered stories, skipping one deleted meanwhile instead of repeating any', async () => {
    const client = setup(PAGE_SIZE + 5);
    await waitFor(() => expect(titles()).toHaveLength(PAGE_SIZE));
    fireEvent.change(screen.getByLabelText('Order'), { target: { value: 'relevance' } });
    await waitFor(() => expect(titles()[0]).toBe(`S${PAGE_SIZE + 4}`));
    expect(titles()).toHaveLength(PAGE_SIZE);
    // Deleted elsewhere (another tab) after the order was made: it was due on the next page.
    client.state.stories.splice(
      client.state.stories.findIndex((s) => s.title === 'S2'),
      1,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(titles()).toHaveLength(PAGE_SIZE + 4));
    expect(titles().slice(PAGE_SIZE)).toEqual(['S4', 'S3', 'S1', 'S0']);
    expect(new Set(titles()).size).toBe(titles().length);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  }, 15_000);

  it('orders by publisher and deletes through the store', async () => {
    const client = setup(9);
    fireEvent.change(await screen.findByLabelText('Order'), { target: { value: 'publisher' } });
    await waitFor(() => expect(titles().slice(0, 3)).toEqual(['S7', 'S0', 'S8']));
    const first = screen.getByRole('list', { name: 'Matched stories' }).querySelector(':scope > li')!;
    fireEvent.click(first.querySelector('button:last-child')!);
    await screen.findByText('Deleted “S7”.');
    expect(titles().slice(0, 2)).toEqual(['S0', 'S8']);
    expect(client.state.stories.map((s) => s.title)).not.toContain('S7');
  });
});
