import { describe, expect, it, vi } from 'vitest';
import { BulkAdd } from '@/components/BulkAdd';
import { createEntity } from '@/utils/entities';
import { fakeClient } from './fake-client';
import { fireEvent, render, screen, waitFor } from './testing';

describe('BulkAdd', () => {
  it('adds every pasted name, one per line, and says which were skipped', async () => {
    const client = fakeClient({ entities: [createEntity({ name: 'Apple' }, 0)] });
    const onAdded = vi.fn();
    render(<BulkAdd client={client} onAdded={onAdded} />);
    fireEvent.input(screen.getByLabelText('Names, one per line'), {
      target: { value: 'Nvidia\n\nApple\nProcter & Gamble, Co.\nNvidia\n' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add all' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Added 2 of 3. Skipped: Apple ("Apple" is already tracked).'),
    );
    expect(client.state.entities.map((e) => e.name)).toEqual(['Apple', 'Nvidia', 'Procter & Gamble, Co.']);
    expect(onAdded).toHaveBeenCalled();
  });

  it('asks for names when none were pasted', async () => {
    render(<BulkAdd client={fakeClient()} onAdded={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add all' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Paste at least one name, one per line.');
  });
});
