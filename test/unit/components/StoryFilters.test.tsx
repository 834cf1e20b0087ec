import { describe, expect, it, vi } from 'vitest';
import { StoryFilters } from '@/components/StoryFilters';
import { createEntity } from '@/utils/entities';
import { fireEvent, render, screen } from './testing';

const apple = createEntity({ name: 'Apple' }, 0);
const arm = createEntity({ name: 'Arm' }, 1);

function show(filter = {}) {
  const onChange = vi.fn();
  const onSearchText = vi.fn();
  render(
    <StoryFilters
      entities={[apple, arm]}
      filter={filter}
      searchText=""
      onSearchText={onSearchText}
      onChange={onChange}
    />,
  );
  return { onChange, onSearchText };
}

describe('StoryFilters', () => {
  it('filters by one company at a time, and a second press clears it', () => {
    const { onChange } = show();
    fireEvent.click(screen.getByRole('button', { name: 'Arm' }));
    expect(onChange).toHaveBeenLastCalledWith({ entityId: arm.id });
  });

  it('shows the chosen company as pressed and clears it on a second press', () => {
    const { onChange } = show({ entityId: apple.id, unread: true });
    expect(screen.getByRole('button', { name: 'Apple' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Arm' }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Apple' }));
    expect(onChange).toHaveBeenLastCalledWith({ entityId: undefined, unread: true });
  });

  it('toggles unread and starred', () => {
    const { onChange } = show({ unread: true });
    fireEvent.click(screen.getByRole('button', { name: 'Unread' }));
    expect(onChange).toHaveBeenLastCalledWith({ unread: undefined });
    fireEvent.click(screen.getByRole('button', { name: 'Starred' }));
    expect(onChange).toHaveBeenLastCalledWith({ unread: true, starred: true });
  });

  it('passes what is typed in "Search stories" on', () => {
    const { onSearchText } = show();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search stories' }), { target: { value: 'chips' } });
    expect(onSearchText).toHaveBeenCalledWith('chips');
  });
});
