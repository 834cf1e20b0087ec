import { describe, expect, it, vi } from 'vitest';
import { ImportExport } from '@/components/ImportExport';
import { createEntity } from '@/utils/entities';
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
    expect(preview.getByRole('heading').textContent).toBe('list.csv: 1 to add, 1 to change, 1 skipped');
    expect(preview.getByRole('list', { name: 'To add' }).textContent).toBe('Nvidia');
    expect(preview.getByRole('list', { name: 'To change' }).textContent).toBe('Apple: colour');
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
});
