import { describe, expect, it, vi } from 'vitest';
import { NOTHING_FOUND, SuggestedCompanies } from '@/components/SuggestedCompanies';
import { createEntity, type TrackedEntity } from '@/utils/entities';
import type { CompanySuggestion } from '@/utils/suggest/suggestion';
import { CANNOT_READ_TAB } from '@/utils/suggest/tab-reading';
import { fakeClient } from './fake-client';
import { fireEvent, render, screen, within } from './testing';

const suggestion = (name: string, aliases: string[] = []): CompanySuggestion => ({
  name,
  aliases,
  mentions: 2,
  score: 0.9,
});
const FOUND = [
  suggestion('Xiaomi', ['Xiaomi Corp', 'Xiaomi Inc.']),
  suggestion('Samsung Electronics'),
  suggestion('Apple', ['AAPL']),
  suggestion('Nokia'),
  suggestion('Siemens'),
  suggestion('Sony'),
];

function show(found: CompanySuggestion[] | null | Error, entities: TrackedEntity[] = []) {
  const client = fakeClient({ entities, suggestions: { 7: found } });
  const onTracked = vi.fn();
  const view = render(<SuggestedCompanies client={client} tabId={7} entities={entities} onTracked={onTracked} />);
  return { client, onTracked, view };
}

describe('SuggestedCompanies', () => {
  it('lists up to five untracked companies, each with its spellings and a Track button', async () => {
    show(FOUND, [createEntity({ name: 'Apple' }, 0)]);
    const list = await screen.findByRole('list', { name: 'Also in this article' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.name')?.textContent)).toEqual([
      'Xiaomi',
      'Samsung Electronics',
      'Nokia',
      'Siemens',
      'Sony',
    ]);
    expect(items[0]?.textContent).toContain('also Xiaomi Corp, Xiaomi Inc.');
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Track Xiaomi', 'Track Samsung Electronics', 'Track Nokia', 'Track Siemens', 'Track Sony']);
  });

  it('tracks a company with one click, with its aliases, and takes it off the list', async () => {
    const { client, onTracked, view } = show(FOUND);
    fireEvent.click(await screen.findByRole('button', { name: 'Track Xiaomi' }));
    await vi.waitFor(() => expect(onTracked).toHaveBeenCalledOnce());
    const added = client.state.entities.find((e) => e.name === 'Xiaomi');
    expect(added?.aliases.map((a) => a.text)).toEqual(['Xiaomi', 'Xiaomi Corp', 'Xiaomi Inc.']);
    expect(screen.getByRole('status').textContent).toBe('Now tracking Xiaomi.');
    // The popup passes the new list down; the tracked company leaves the suggestions.
    view.rerender(
      <SuggestedCompanies client={client} tabId={7} entities={client.state.entities} onTracked={onTracked} />,
    );
    expect(screen.queryByRole('button', { name: 'Track Xiaomi' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Track Sony' })).toBeTruthy();
  });

  it('shows a refused add as an alert and keeps the suggestion', async () => {
    const { client } = show(FOUND);
    client.addEntity = async () => {
      throw new Error('"Xiaomi" is already tracked.');
    };
    fireEvent.click(await screen.findByRole('button', { name: 'Track Xiaomi' }));
    expect((await screen.findByRole('alert')).textContent).toBe('"Xiaomi" is already tracked.');
    expect(screen.getByRole('button', { name: 'Track Xiaomi' })).toBeTruthy();
  });

  it('says why when the tab cannot be read, and shows nothing when every company is tracked', async () => {
    show(new Error(CANNOT_READ_TAB));
    expect(await screen.findByText(CANNOT_READ_TAB)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows no list when everything found is already tracked', async () => {
    show([suggestion('Apple')], [createEntity({ name: 'Apple' }, 0)]);
    await vi.waitFor(() => expect(screen.queryByText(/Looking for companies/)).toBeNull());
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByText(NOTHING_FOUND)).toBeNull();
  });

  it('says nothing on a page that holds no article', async () => {
    show(null);
    await vi.waitFor(() => expect(screen.queryByText(/Looking for companies/)).toBeNull());
    expect(screen.queryByText(NOTHING_FOUND)).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('says so when the article names no company at all', async () => {
    show([]);
    expect(await screen.findByText(NOTHING_FOUND)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
