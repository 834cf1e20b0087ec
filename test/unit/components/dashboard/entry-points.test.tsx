import { describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/Options';
import { Popup } from '@/components/Popup';
import { fakeClient } from '../fake-client';
import { fireEvent, render, screen } from '../testing';

const tab = async () => null;

describe('ways into the dashboard', () => {
  it('the popup opens it from its header', async () => {
    const openDashboard = vi.fn();
    render(<Popup client={fakeClient()} getActiveTab={tab} openOptions={vi.fn()} openDashboard={openDashboard} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Dashboard' }));
    expect(openDashboard).toHaveBeenCalledTimes(1);
  });

  it('the popup shows no dashboard button where it cannot open one', async () => {
    render(<Popup client={fakeClient()} getActiveTab={tab} openOptions={vi.fn()} />);
    await screen.findByRole('button', { name: 'Options' });
    expect(screen.queryByRole('button', { name: 'Dashboard' })).toBeNull();
  });

  it('the options page links to it in a new tab', () => {
    render(<Options client={fakeClient()} />);
    const link = screen.getByRole('link', { name: 'Open the dashboard' });
    expect(link.getAttribute('href')).toBe('dashboard.html');
    expect(link.getAttribute('target')).toBe('_blank');
  });
});
