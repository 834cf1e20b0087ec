import { describe, expect, it } from 'vitest';
import { EntityManager } from '@/components/EntityManager';
import { createEntity } from '@/utils/entities';
import { fakeClient } from './fake-client';
import { fireEvent, render, screen, waitFor, within } from './testing';

const names = () =>
  [...screen.getByRole('list', { name: 'Tracked companies' }).querySelectorAll('.name')].map((n) => n.textContent);

function addForm() {
  return within(screen.getByRole('form', { name: 'Add a company' }));
}

describe('EntityManager', () => {
  it('adds a company with aliases, exclusions, match case and a watchlist', async () => {
    const client = fakeClient();
    render(<EntityManager client={client} />);
    const form = addForm();
    fireEvent.input(form.getByLabelText('Name'), { target: { value: 'Apple' } });
    fireEvent.input(form.getByLabelText('Aliases'), { target: { value: 'Apple Inc.\nAAPL, iPhone maker' } });
    fireEvent.input(form.getByLabelText('Exclude'), { target: { value: 'apple pie' } });
    fireEvent.input(form.getByLabelText('Watchlist'), { target: { value: 'Smartphones' } });
    fireEvent.click(form.getByLabelText('Match case'));
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(names()).toEqual(['Apple']));
    const [apple] = client.state.entities;
    expect(apple!.aliases.map((a) => [a.text, a.matchCase])).toEqual([
      ['Apple', true],
      ['Apple Inc.', true],
      ['AAPL', true],
      ['iPhone maker', true],
    ]);
    expect(apple!.exclusions).toEqual(['apple pie']);
    expect(apple!.watchlist).toBe('Smartphones');
    expect((form.getByLabelText('Name') as HTMLInputElement).value).toBe('');
  });

  it('shows why a company could not be added, keeping what was typed', async () => {
    render(<EntityManager client={fakeClient({ entities: [createEntity({ name: 'Apple' }, 0)] })} />);
    const form = addForm();
    fireEvent.input(form.getByLabelText('Name'), { target: { value: 'apple' } });
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    expect((await form.findByRole('alert')).textContent).toBe('"Apple" is already tracked.');
    expect((form.getByLabelText('Name') as HTMLInputElement).value).toBe('apple');
  });

  it('deletes a company and can undo it', async () => {
    const client = fakeClient({ entities: [createEntity({ name: 'Apple' }, 0), createEntity({ name: 'Arm' }, 1)] });
    render(<EntityManager client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Apple' }));
    await waitFor(() => expect(names()).toEqual(['Arm']));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(names()).toEqual(['Arm', 'Apple']));
  });

  it('shows one watchlist at a time', async () => {
    const client = fakeClient({
      entities: [
        createEntity({ name: 'Apple', watchlist: 'Smartphones' }, 0),
        createEntity({ name: 'Acme', watchlist: 'Clients' }, 1),
        createEntity({ name: 'Loose' }, 2),
      ],
    });
    render(<EntityManager client={client} />);
    await waitFor(() => expect(names()).toEqual(['Apple', 'Acme', 'Loose']));
    const select = screen.getByLabelText('Show watchlist') as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'Clients' } });
    await waitFor(() => expect(names()).toEqual(['Acme']));
    fireEvent.change(select, { target: { value: select.options[select.options.length - 1]!.value } });
    await waitFor(() => expect(names()).toEqual(['Loose']));
  });

  it('invites a first company when the list is empty', async () => {
    render(<EntityManager client={fakeClient()} />);
    await screen.findByText(/No companies yet/);
  });
});
