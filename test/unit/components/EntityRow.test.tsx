import { describe, expect, it, vi } from 'vitest';
import { EntityRow } from '@/components/EntityRow';
import { createEntity } from '@/utils/entities';
import { fireEvent, render, screen, waitFor, within } from './testing';

const apple = createEntity({ name: 'Apple', aliases: ['AAPL'], watchlist: 'Smartphones' }, 0);

function show() {
  const onUpdate = vi.fn(async () => {});
  const onDelete = vi.fn(async () => {});
  render(
    <ul>
      <EntityRow entity={apple} watchlists={['Smartphones']} onUpdate={onUpdate} onDelete={onDelete} />
    </ul>,
  );
  return { onUpdate, onDelete };
}

describe('EntityRow', () => {
  it('shows the name, aliases and watchlist', () => {
    show();
    expect(screen.getByRole('listitem').textContent).toContain('Apple');
    expect(screen.getByText('also AAPL')).toBeTruthy();
    expect(screen.getByText('Smartphones')).toBeTruthy();
  });

  it('edits in place: name, aliases, colour, watchlist', async () => {
    const { onUpdate } = show();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Apple' }));
    const form = within(screen.getByRole('form', { name: 'Edit Apple' }));
    expect((form.getByLabelText('Aliases') as HTMLTextAreaElement).value).toBe('AAPL');
    fireEvent.input(form.getByLabelText('Name'), { target: { value: 'Apple Inc.' } });
    fireEvent.input(form.getByLabelText('Aliases'), { target: { value: 'AAPL\nApple' } });
    fireEvent.input(form.getByLabelText('Colour'), { target: { value: '#112233' } });
    fireEvent.input(form.getByLabelText('Watchlist'), { target: { value: 'Clients' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onUpdate).toHaveBeenCalledOnce());
    expect(onUpdate).toHaveBeenCalledWith(apple.id, {
      name: 'Apple Inc.',
      aliases: ['Apple Inc.', 'AAPL', 'Apple'].map((text) => ({ text, matchCase: false, wholeWord: true })),
      exclusions: [],
      color: '#112233',
      enabled: true,
      watchlist: 'Clients',
    });
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
  });

  it('refuses an empty name and keeps the form open', async () => {
    const { onUpdate } = show();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Apple' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: '  ' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Edit Apple' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A tracked company needs a name.');
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('cancels an edit without saving', () => {
    const { onUpdate } = show();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Apple' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Edit Apple' })).toBeTruthy();
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('switches tracking off and deletes', async () => {
    const { onUpdate, onDelete } = show();
    fireEvent.click(screen.getByRole('switch', { name: 'Track Apple' }));
    await waitFor(() => expect(onUpdate).toHaveBeenCalledWith(apple.id, { enabled: false }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete Apple' }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledWith(apple));
  });
});
