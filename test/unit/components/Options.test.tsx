import { describe, expect, it } from 'vitest';
import { Options } from '@/components/Options';
import { fakeClient } from './fake-client';
import { fireEvent, render, screen, waitFor } from './testing';

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
});
