import { describe, expect, it, vi } from 'vitest';
import { ImportExport } from '@/components/ImportExport';
import { createEntity } from '@/utils/entities';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { BOM } from '@/utils/transfer/csv';
import { fakeClient, story } from './fake-client';
import { fireEvent, render, screen, waitFor, within } from './testing';

const apple = createEntity({ name: 'Apple' }, 0);

function setup() {
  const client = fakeClient({ entities: [apple], stories: [story({ title: 'A story' })] });
  const save = vi.fn();
  const onImported = vi.fn();
  render(<ImportExport client={client} onImported={onImported} save={save} />);
  const pick = (name: string, text: string) =>
    fireEvent.change(screen.getByLabelText('Import companies from a file (JSON or CSV)'), {
      target: { files: [new File([text], name)] },
    });
  return { client, save, onImported, pick };
}

describe('ImportExport', () => {
  it('exports companies and stories as JSON and CSV', async () => {
    const { save } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Export companies (CSV)' }));
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    const [name, text, type] = save.mock.calls[0]!;
    expect(name).toMatch(/^news-tracker-companies-\d{4}-\d\d-\d\d\.csv$/);
    expect(text.startsWith(`${BOM}Name,`)).toBe(true);
    expect(type).toBe('text/csv;charset=utf-8');
    fireEvent.click(screen.getByRole('button', { name: 'Export stories (JSON)' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(JSON.parse(save.mock.calls[1]![1]).items[0].title).toBe('A story');
    expect(screen.getByRole('status').textContent).toBe('Exported 1 stories.');
  });

  it('previews an import, then writes it only when confirmed', async () => {
    const { client, pick, onImported } = setup();
    pick('list.csv', 'Name,Colour\nApple,#000000\nNvidia,\nnvidia,\n');
    const preview = within(await screen.findByRole('region', { name: 'Import preview' }));
    expect(preview.getByRole('heading', { level: 3 }).textContent).toBe('list.csv: 1 to add, 1 to change, 1 skipped');
    expect(preview.getByRole('list', { name: 'To add' }).textContent).toBe('Nvidia');
    expect(preview.getByRole('list', { name: 'To change' }).textContent).toBe(`AppleColour: ${apple.color} → #000000`);
    expect(preview.getByRole('list', { name: 'Skipped' }).textContent).toBe(
      'nvidia: listed more than once in the file',
    );
    expect(client.state.entities).toHaveLength(1);
    fireEvent.click(preview.getByRole('button', { name: 'Import 2 companies' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported list.csv: 1 added, 1 changed.'));
    expect(client.state.entities.map((e) => [e.name, e.color])).toEqual([
      ['Apple', '#000000'],
      ['Nvidia', expect.any(String)],
    ]);
    expect(onImported).toHaveBeenCalled();
  });

  it('merges Apple imported with only an alias: the preview says old → new, and its watchlist and colour stay', async () => {
    const client = fakeClient({
      entities: [
        createEntity({ name: 'Apple', aliases: ['Apple Inc'], watchlist: 'Big Tech' }, 0),
        createEntity({ name: 'Microsoft', watchlist: 'Big Tech' }, 1),
      ],
    });
    render(<ImportExport client={client} onImported={vi.fn()} save={vi.fn()} />);
    const before = structuredClone(client.state.entities);
    fireEvent.change(screen.getByLabelText('Import companies from a file (JSON or CSV)'), {
      target: { files: [new File(['{"name":"Apple","aliases":["AAPL"]}'], 'apple.json')] },
    });
    const preview = within(await screen.findByRole('region', { name: 'Import preview' }));
    expect(preview.getByRole('heading', { level: 3 }).textContent).toBe('apple.json: 0 to add, 1 to change, 0 skipped');
    const change = within(preview.getByRole('list', { name: 'To change' })).getAllByRole('listitem');
    expect(change.map((li) => li.textContent)).toEqual([
      'AppleAliases: Apple Inc → Apple Inc, AAPL',
      'Aliases: Apple Inc → Apple Inc, AAPL',
    ]);
    expect(preview.getByText(/an import never removes one/).textContent).toMatch(
      /Details the file leaves out stay as they are/,
    );
    expect(client.state.entities).toEqual(before);
    fireEvent.click(preview.getByRole('button', { name: 'Import 1 company' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Imported apple.json: 0 added, 1 changed.'),
    );
    const [apple, microsoft] = client.state.entities;
    expect(apple!.aliases.map((a) => a.text)).toEqual(['Apple', 'Apple Inc', 'AAPL']);
    expect(apple!.watchlist).toBe('Big Tech');
    expect(apple!.color).toBe(before[0]!.color);
    expect(apple!.color).not.toBe(microsoft!.color);
  });

  it('refuses a broken file with the line at fault, and changes nothing', async () => {
    const { client, pick } = setup();
    pick('bad.csv', 'Name,Enabled\nNvidia,yes\nArm,sometimes\n');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'bad.csv: Line 3, column "enabled": expected yes or no. Nothing was imported.',
    );
    expect(screen.queryByRole('region', { name: 'Import preview' })).toBeNull();
    expect(client.state.entities.map((e) => e.name)).toEqual(['Apple']);
  });

  it('cancels a previewed import', async () => {
    const { client, pick } = setup();
    pick('one.json', '["Nvidia"]');
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Import preview' })).toBeNull();
    expect(client.state.entities).toHaveLength(1);
  });

  it('carries the settings in the JSON backup, and an import adds the sites it lists to the person’s own', async () => {
    const client = fakeClient({
      entities: [apple],
      settings: { ...DEFAULT_SETTINGS, newsSites: ['wire.example'], highlightScope: 'all' },
    });
    const save = vi.fn();
    render(<ImportExport client={client} onImported={vi.fn()} save={save} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export companies (JSON)' }));
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    const backup = JSON.parse(save.mock.calls[0]![1]);
    expect(backup.items.map((e: { name: string }) => e.name)).toEqual(['Apple']);
    expect(backup.settings).toMatchObject({ newsSites: ['wire.example'], highlightScope: 'all' });

    // A backup from another computer: the same company, two news sites (one known here) and other choices.
    backup.settings = { ...backup.settings, newsSites: ['wire.example', 'Shop.Example'], highlightScope: 'off' };
    fireEvent.change(screen.getByLabelText('Import companies from a file (JSON or CSV)'), {
      target: { files: [new File([JSON.stringify(backup)], 'backup.json')] },
    });
    const preview = within(await screen.findByRole('region', { name: 'Import preview' }));
    expect(preview.getByRole('list', { name: 'Sites to add to your settings' }).textContent).toBe(
      'Sites treated as news: shop.example',
    );
    fireEvent.click(preview.getByRole('button', { name: 'Import 1 site' }));
    await waitFor(async () => expect((await client.getSettings()).newsSites).toEqual(['wire.example', 'shop.example']));
    // Only the sites are added: the other settings here stay as they are.
    expect((await client.getSettings()).highlightScope).toBe('all');
  });

  it('refuses a backup whose settings list something that is not a site, and changes nothing', async () => {
    const { client, pick } = setup();
    pick('bad.json', JSON.stringify({ items: [{ name: 'Nvidia' }], settings: { newsSites: ['javascript:alert(1)'] } }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'bad.json: The file’s settings.newsSites[0] is not a site. Nothing was imported.',
    );
    expect(client.state.entities.map((e) => e.name)).toEqual(['Apple']);
    expect((await client.getSettings()).newsSites).toEqual([]);
  });
});
