import { describe, expect, it } from 'vitest';
import { SettingsForm } from '@/components/SettingsForm';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { fakeClient } from './fake-client';
import { fireEvent, render, screen, waitFor } from './testing';

async function setup(settings?: Partial<Settings>) {
  const client = fakeClient(settings ? { settings: { ...DEFAULT_SETTINGS, ...settings } } : {});
  render(<SettingsForm client={client} />);
  await screen.findByRole('group', { name: 'Highlight tracked companies' });
  return client;
}

describe('SettingsForm', () => {
  it('starts from the defaults: highlight on news articles, record every news article', async () => {
    await setup();
    expect((screen.getByLabelText('On news articles (recommended)') as HTMLInputElement).checked).toBe(true);
    expect(
      (screen.getByLabelText(/Every news article that mentions a tracked company/) as HTMLInputElement).checked,
    ).toBe(true);
    expect((screen.getByLabelText('Notify me about new stories') as HTMLInputElement).checked).toBe(false);
  });

  it('saves each choice as it is made', async () => {
    const client = await setup();
    fireEvent.click(screen.getByLabelText('On every page'));
    await waitFor(async () => expect((await client.getSettings()).highlightScope).toBe('all'));
    fireEvent.click(screen.getByLabelText('Only business news'));
    await waitFor(async () => expect((await client.getSettings()).recordOnlyBusiness).toBe(true));
    fireEvent.click(screen.getByLabelText('Show the News Tracker panel on articles'));
    await waitFor(async () => expect((await client.getSettings()).showPanel).toBe(false));
    fireEvent.change(screen.getByLabelText(/days/), { target: { value: '30' } });
    await waitFor(async () => expect((await client.getSettings()).retentionDays).toBe(30));
    fireEvent.change(screen.getByLabelText(/stories \(0 for no limit\)/), { target: { value: '1000' } });
    await waitFor(async () => expect((await client.getSettings()).retentionCount).toBe(1000));
  });

  it('shows a choice at once while it is saved, and puts it back when the save is refused', async () => {
    const client = fakeClient();
    const { rerender } = render(<SettingsForm client={client} />);
    await screen.findByRole('group', { name: 'Highlight tracked companies' });
    let refuse: (error: Error) => void = () => {};
    client.saveSettings = () => new Promise((_, reject) => (refuse = reject));
    const everyPage = screen.getByLabelText('On every page') as HTMLInputElement;
    fireEvent.click(everyPage);
    // Still saving, and already shown as chosen: a re-render meanwhile (the page's other parts
    // update on every click) must not undo the click.
    rerender(<SettingsForm client={client} />);
    expect(everyPage.checked).toBe(true);
    refuse(new Error('The disk is full.'));
    expect((await screen.findByRole('alert')).textContent).toBe('The disk is full.');
    expect(everyPage.checked).toBe(false);
    expect((screen.getByLabelText('On news articles (recommended)') as HTMLInputElement).checked).toBe(true);
  });

  it('turns typed sites into hostnames when the field is left, like every setting, and refuses what is not a site', async () => {
    const client = await setup();
    // Saved as every other setting is: no button of its own.
    expect(screen.queryByRole('button')).toBeNull();
    const sites = screen.getByLabelText(/Sites where News Tracker does nothing/);
    fireEvent.input(sites, { target: { value: 'https://www.Example.com/news\nother.example' } });
    expect((await client.getSettings()).disabledSites).toEqual([]);
    fireEvent.change(sites);
    await waitFor(async () =>
      expect((await client.getSettings()).disabledSites).toEqual(['www.example.com', 'other.example']),
    );
    fireEvent.input(sites, { target: { value: 'good.example\nnot a site!' } });
    fireEvent.change(sites);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not a site: site!/);
    expect((await client.getSettings()).disabledSites).toEqual(['www.example.com', 'other.example']);
  });

  it('refuses a retention that is not a whole number', async () => {
    const client = await setup();
    fireEvent.change(screen.getByLabelText(/days/), { target: { value: '2.5' } });
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a whole number, 0 or more.');
    expect((await client.getSettings()).retentionDays).toBe(0);
  });

  it('lists the sites treated as news, each removable, and says how to add one when there is none', async () => {
    const client = await setup({ newsSites: ['wire.example', 'shop.example'] });
    const list = screen.getByRole('list', { name: 'Sites treated as news' });
    expect([...list.querySelectorAll('li > span')].map((s) => s.textContent)).toEqual(['wire.example', 'shop.example']);
    fireEvent.click(screen.getByRole('button', { name: 'Stop treating wire.example as news' }));
    await waitFor(async () => expect((await client.getSettings()).newsSites).toEqual(['shop.example']));
    expect(screen.getByRole('status').textContent).toBe('wire.example is no longer treated as news.');
    fireEvent.click(screen.getByRole('button', { name: 'Stop treating shop.example as news' }));
    await screen.findByText(/None yet\. On a page News Tracker did not take for news/);
    expect(screen.queryByRole('list', { name: 'Sites treated as news' })).toBeNull();
  });
});
