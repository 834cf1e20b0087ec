import { describe, expect, it } from 'vitest';
import { Options } from '@/components/Options';
import { createEntity } from '@/utils/entities';
import { fakeClient } from './fake-client';
import { fireEvent, render, screen, waitFor, within } from './testing';

describe('Options', () => {
  it('has every section, and an import shows up in the tracked list at once', async () => {
    const client = fakeClient();
    render(<Options client={client} save={() => {}} />);
    for (const name of ['Tracked companies', 'Import and export', 'Settings', 'Delete all data']) {
      expect(await screen.findByRole('heading', { name, level: 2 })).toBeTruthy();
    }
    fireEvent.change(screen.getByLabelText('Import companies from a file (JSON or CSV)'), {
      target: { files: [new File(['["Nvidia", "Arm"]'], 'mine.json')] },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Import 2 companies' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete Arm' })).toBeTruthy());
  });

  it('links every section from its menu', async () => {
    render(<Options client={fakeClient()} save={() => {}} />);
    await screen.findByRole('heading', { name: 'Settings', level: 2 });
    const menu = screen.getByRole('navigation', { name: 'Options sections' });
    for (const link of within(menu).getAllByRole('link')) {
      const target = document.getElementById(link.getAttribute('href')?.slice(1) ?? '');
      expect(target?.tagName, link.textContent ?? '').toBe('H2');
      expect(target?.textContent).toBe(link.textContent);
    }
    // Every section is in the menu, in page order.
    expect(
      within(menu)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent));
  });

  it('clears an error at the next action, wherever it is taken', async () => {
    render(<Options client={fakeClient({ entities: [createEntity({ name: 'Apple' }, 0)] })} save={() => {}} />);
    const form = within(screen.getByRole('form', { name: 'Add a company' }));
    fireEvent.input(form.getByLabelText('Name'), { target: { value: 'apple' } });
    fireEvent.pointerDown(form.getByRole('button', { name: 'Add' }));
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    expect((await form.findByRole('alert')).textContent).toBe('"Apple" is already tracked.');
    // Moving focus is no action: the message stays.
    fireEvent.keyDown(form.getByLabelText('Name'), { key: 'Tab' });
    expect(form.queryByRole('alert')).not.toBeNull();
    // Switching a setting elsewhere on the page is: the message goes.
    const panel = await screen.findByLabelText('Show the News Tracker panel on articles');
    fireEvent.pointerDown(panel);
    await waitFor(() => expect(form.queryByRole('alert')).toBeNull());
  });

  it('says a name is too long instead of cutting it, and adds nothing until it is shortened', async () => {
    const client = fakeClient();
    render(<Options client={client} save={() => {}} />);
    const form = within(screen.getByRole('form', { name: 'Add a company' }));
    const name = form.getByLabelText('Name') as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'A'.repeat(170) } });
    expect(form.getByText('170 of 200 characters.')).toBeTruthy();
    fireEvent.input(name, { target: { value: 'A'.repeat(5000) } });
    expect(name.value).toHaveLength(5000);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'A name can be at most 200 characters; this has 5,000.',
    );
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    expect((await form.findByRole('alert')).textContent).toBe('Nothing was added: shorten the fields marked above.');
    expect(client.state.entities).toEqual([]);
  });
});
