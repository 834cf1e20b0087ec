import { describe, expect, it, vi } from 'vitest';
import { DeleteAllData } from '@/components/DeleteAllData';
import { createEntity } from '@/utils/entities';
import { fakeClient, story } from './fake-client';
import { fireEvent, render, screen, waitFor } from './testing';

function setup() {
  const client = fakeClient({ entities: [createEntity({ name: 'Apple' }, 0)], stories: [story()] });
  const onDeleted = vi.fn();
  render(<DeleteAllData client={client} onDeleted={onDeleted} />);
  return { client, onDeleted };
}

describe('DeleteAllData', () => {
  it('deletes nothing until the second, explicit confirmation', async () => {
    const { client, onDeleted } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    expect(client.state.entities).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    await waitFor(() => expect(client.state.entities).toHaveLength(0));
    expect(client.state.stories).toHaveLength(0);
    expect(onDeleted).toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toMatch(/were deleted/);
  });

  it('can be cancelled', () => {
    const { client } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Yes, delete everything' })).toBeNull();
    expect(client.state.entities).toHaveLength(1);
  });
});
