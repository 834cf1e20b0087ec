import { describe, expect, it } from 'vitest';
import { Welcome } from '@/components/welcome/Welcome';
import { createEntity, ENTITY_COLORS } from '@/utils/entities';
import { fakeClient } from '../fake-client';
import { fireEvent, render, screen, waitFor, within } from '../testing';

function setup(entities = [createEntity({ name: 'Siemens' }, 0)], firefox = false) {
  const client = fakeClient({ entities });
  render(<Welcome client={client} firefox={firefox} />);
  const tracked = () => screen.queryByRole('list', { name: 'Companies you track' });
  const trackedNames = () =>
    within(tracked() as HTMLElement)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
  return { client, trackedNames };
}

describe('the welcome page', () => {
  it('says what News Tracker does and promises privacy in one sentence', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to News Tracker');
    const privacy = screen.getByText(/Private by design/u).parentElement?.textContent ?? '';
    expect(privacy).toMatch(/nothing about you or what you read ever leaves this browser/u);
    expect(privacy.split(/[.!?](\s|$)/u).filter((s) => s.trim().length > 0)).toHaveLength(1);
  });

  it('tracks a typed company through the client, clears the field, and lists it', async () => {
    const { client, trackedNames } = setup();
    const field = screen.getByLabelText('Company name') as HTMLInputElement;
    fireEvent.input(field, { target: { value: '  Deutsche   Bank ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Track' }));
    await screen.findByText('Now tracking Deutsche Bank.');
    expect(field.value).toBe('');
    expect(client.state.entities.map((e) => e.name)).toEqual(['Siemens', 'Deutsche Bank']);
    await waitFor(() => expect(trackedNames()).toEqual(['Siemens', 'Deutsche Bank']));
  });

  it('says why a name is refused, keeps what was typed, and clears the message on the next keystroke', async () => {
    setup();
    const field = screen.getByLabelText('Company name') as HTMLInputElement;
    fireEvent.click(screen.getByRole('button', { name: 'Track' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Type the name of a company first.');
    fireEvent.input(field, { target: { value: 'siemens' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.submit(screen.getByRole('form', { name: 'Track a company' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Siemens.* is already tracked\./u);
    expect(field.value).toBe('siemens');
    fireEvent.input(field, { target: { value: 'Siemens Energy' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tracks a well-known example with its other name, and untracks it when pressed again', async () => {
    const { client, trackedNames } = setup([]);
    expect(screen.getByText('No companies yet.')).toBeTruthy();
    const alphabet = screen.getByRole('button', { name: 'Alphabet · Google' });
    expect(alphabet.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(alphabet);
    await waitFor(() => expect(alphabet.getAttribute('aria-pressed')).toBe('true'));
    expect(client.state.entities.map((e) => e.aliases.map((a) => a.text))).toEqual([['Alphabet', 'Google']]);
    expect(trackedNames()).toEqual(['Alphabet']);
    fireEvent.click(alphabet);
    await waitFor(() => expect(alphabet.getAttribute('aria-pressed')).toBe('false'));
    expect(client.state.entities).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('Stopped tracking Alphabet.');
  });

  it('shows highlights on a sample paragraph, in the colours of the companies tracked, and the pinning steps of the browser', async () => {
    setup([createEntity({ name: 'Apple', color: ENTITY_COLORS[0] }, 0)]);
    const marks = () =>
      [...document.querySelectorAll<HTMLElement>('figure mark')].map((m) => [m.textContent, m.style.background]);
    await waitFor(() => expect(marks()[2]).toEqual(['Apple', ENTITY_COLORS[0]]));
    expect(marks()).toEqual([
      ['Nvidia', ENTITY_COLORS[1]],
      ['Microsoft', ENTITY_COLORS[2]],
      ['Apple', ENTITY_COLORS[0]],
    ]);
    expect(screen.getByText('Click the pin beside News Tracker.')).toBeTruthy();
    render(<Welcome client={fakeClient()} firefox />);
    expect(screen.getByText('Click the gear beside News Tracker and choose “Pin to Toolbar”.')).toBeTruthy();
  });
});
