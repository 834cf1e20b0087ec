import { describe, expect, it, vi } from 'vitest';
import { StoryList } from '@/components/StoryList';
import { story } from './fake-client';
import { fireEvent, render, screen } from './testing';

const noop = () => {};
const actions = { now: 0, onOpen: noop, onToggleRead: noop, onToggleStar: noop, onDelete: noop };

describe('StoryList', () => {
  it('lists the stories it is given, in order, under "Matched stories"', () => {
    render(
      <StoryList
        stories={[story({ title: 'First' }), story({ title: 'Second' })]}
        entities={[]}
        hasMore={false}
        loading={false}
        onLoadMore={noop}
        {...actions}
      />,
    );
    const list = screen.getByRole('list', { name: 'Matched stories' });
    expect([...list.querySelectorAll(':scope > li > .story-title')].map((a) => a.textContent)).toEqual([
      'First',
      'Second',
    ]);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('offers the next page while there is one', () => {
    const onLoadMore = vi.fn();
    render(
      <StoryList stories={[story()]} entities={[]} hasMore loading={false} onLoadMore={onLoadMore} {...actions} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(onLoadMore).toHaveBeenCalledOnce();
  });

  it('shows that the next page is loading and does not ask twice', () => {
    render(<StoryList stories={[story()]} entities={[]} hasMore loading onLoadMore={noop} {...actions} />);
    expect((screen.getByRole('button', { name: 'Loading…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
