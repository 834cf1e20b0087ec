import { describe, expect, it } from 'vitest';
import { SyncSetting } from '@/components/SyncSetting';
import { fakeClient } from './fake-client';
import { fireEvent, render, screen, waitFor } from './testing';

const SWITCH = { name: 'Sync companies and settings across browsers' };

describe('SyncSetting', () => {
  it('shows the switch on, says stories stay here, and turns sync off and on', async () => {
    const client = fakeClient({ sync: { enabled: true, problem: null, lastSynced: Date.now() - 5 * 60_000 } });
    render(<SyncSetting client={client} />);
    const toggle = (await screen.findByRole('checkbox', SWITCH)) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(toggle.getAttribute('aria-describedby')).toBe('sync-explained sync-state');
    expect(screen.getByText(/Stories stay on this device\./)).toBeTruthy();
    expect(screen.getByText('Last synced 5 min ago.')).toBeTruthy();

    fireEvent.click(toggle);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Sync is off/));
    expect(toggle.checked).toBe(false);
    expect((await client.getSync()).enabled).toBe(false);
    expect(screen.queryByText(/^Last synced/)).toBeNull();
    fireEvent.click(toggle);
    await waitFor(() => expect((screen.getByRole('checkbox', SWITCH) as HTMLInputElement).checked).toBe(true));
  });

  it('says why sync is paused beside the switch, and not once it is off', async () => {
    const problem = 'Sync is paused: your companies and settings need 130 KB, more than the 100 KB…';
    const client = fakeClient({ sync: { enabled: true, problem, lastSynced: 1 } });
    render(<SyncSetting client={client} />);
    const line = await screen.findByText(problem);
    expect(line.id).toBe('sync-state');
    expect(line.className).toBe('error');
    expect(screen.queryByText(/^Last synced/)).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', SWITCH));
    await waitFor(() => expect(screen.queryByText(problem)).toBeNull());
  });
});
