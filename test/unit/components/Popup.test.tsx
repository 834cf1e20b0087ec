import { describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/Popup';
import { createEntity } from '@/utils/entities';
import { fakeClient, story } from './fake-client';
import { fireEvent, render, screen, within } from './testing';

const apple = createEntity({ name: 'Apple' }, 0);
const tab = async () => ({ id: 7, url: 'https://news.example/a' });

describe('Popup', () => {
  it('welcomes a new user and sends them to add companies', async () => {
    const openOptions = vi.fn();
    render(<Popup client={fakeClient()} getActiveTab={tab} openOptions={openOptions} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add companies' }));
    expect(openOptions).toHaveBeenCalled();
    expect(screen.queryByRole('list', { name: 'Matched stories' })).toBeNull();
  });

  it('shows this page and the matched stories once companies are tracked', async () => {
    const client = fakeClient({
      entities: [apple],
      stories: [
        story({ title: 'Apple story', mentions: [{ entityId: apple.id, count: 1, inHeadline: true, inLead: true }] }),
      ],
      pageStatus: {
        7: {
          url: 'https://news.example/a',
          isArticle: true,
          isBusiness: false,
          mentions: [{ entityId: apple.id, count: 2 }],
        },
      },
    });
    render(<Popup client={client} getActiveTab={tab} openOptions={() => {}} />);
    const region = await screen.findByRole('region', { name: 'This page' });
    expect(within(region).getByText('Not business news')).toBeTruthy();
    const stories = await screen.findByRole('list', { name: 'Matched stories' });
    expect(await within(stories).findByRole('link', { name: 'Apple story' })).toBeTruthy();
  });

  it('saves the per-site highlight switch through the store', async () => {
    const client = fakeClient({ entities: [apple] });
    render(<Popup client={client} getActiveTab={tab} openOptions={() => {}} />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Highlights on this site' }));
    await vi.waitFor(async () => expect((await client.getSettings()).highlightOffSites).toEqual(['news.example']));
    await vi.waitFor(() =>
      expect((screen.getByRole('switch', { name: 'Highlights on this site' }) as HTMLInputElement).checked).toBe(false),
    );
  });

  it('says so when storage is in trouble', async () => {
    render(
      <Popup client={fakeClient({ storageProblem: 'Storage is full.' })} getActiveTab={tab} openOptions={() => {}} />,
    );
    expect((await screen.findByRole('alert')).textContent).toBe('Storage is full.');
  });

  it('offers the article’s untracked companies in "This page" and tracks one with a click', async () => {
    const client = fakeClient({
      entities: [apple],
      suggestions: { 7: [{ name: 'Xiaomi', aliases: ['Xiaomi Corp'], mentions: 3, score: 0.9 }] },
    });
    render(<Popup client={client} getActiveTab={tab} openOptions={() => {}} />);
    const region = await screen.findByRole('region', { name: 'This page' });
    fireEvent.click(await within(region).findByRole('button', { name: 'Track Xiaomi' }));
    await vi.waitFor(() => expect(within(region).queryByRole('button', { name: 'Track Xiaomi' })).toBeNull());
    expect(client.state.entities.map((e) => e.name)).toEqual(['Apple', 'Xiaomi']);
    expect(within(region).getByRole('status').textContent).toBe('Now tracking Xiaomi.');
  });

  it('asks for the article’s suggestions as it opens, while the background is still answering', async () => {
    const client = fakeClient({
      entities: [apple],
      suggestions: { 7: [{ name: 'Xiaomi', aliases: [], mentions: 3, score: 0.9 }] },
    });
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const pageStatus = client.getPageStatus.bind(client);
    client.getPageStatus = async (tabId) => answered.then(() => pageStatus(tabId));
    const suggestCompanies = vi.spyOn(client, 'suggestCompanies');
    render(<Popup client={client} getActiveTab={tab} openOptions={() => {}} />);
    await vi.waitFor(() => expect(suggestCompanies).toHaveBeenCalledWith(7));
    expect(screen.queryByRole('region', { name: 'This page' })).toBeNull();
    answer();
    const region = await screen.findByRole('region', { name: 'This page' });
    expect(await within(region).findByRole('button', { name: 'Track Xiaomi' })).toBeTruthy();
    // Asked once: the list shown is that answer, not a second reading of the tab.
    expect(suggestCompanies).toHaveBeenCalledTimes(1);
  });

  it('suggests nothing on a page the content script found is not an article', async () => {
    const client = fakeClient({
      entities: [apple],
      pageStatus: { 7: { url: 'https://news.example/a', isArticle: false, isBusiness: false, mentions: [] } },
      suggestions: { 7: [{ name: 'Xiaomi', aliases: [], mentions: 3, score: 0.9 }] },
    });
    render(<Popup client={client} getActiveTab={tab} openOptions={() => {}} />);
    await screen.findByText('Not a news article');
    expect(screen.queryByRole('button', { name: 'Track Xiaomi' })).toBeNull();
  });

  it('records the page from "This page" when asked, lists the story, and can take it back', async () => {
    const client = fakeClient({
      entities: [apple],
      pageReadings: {
        7: {
          url: 'https://news.example/a',
          storyUrl: 'https://news.example/a',
          isArticle: false,
          isBusiness: false,
          mentions: [{ entityId: apple.id, count: 2 }],
        },
      },
    });
    render(<Popup client={client} getActiveTab={tab} openOptions={() => {}} />);
    const region = await screen.findByRole('region', { name: 'This page' });
    fireEvent.click(await within(region).findByRole('button', { name: 'Record this page' }));
    const stories = await screen.findByRole('list', { name: 'Matched stories' });
    expect(await within(stories).findByRole('link', { name: 'Recorded by hand: https://news.example/a' })).toBeTruthy();
    fireEvent.click(await within(region).findByRole('button', { name: 'Not a news story' }));
    await vi.waitFor(() => expect(within(stories).queryAllByRole('link')).toEqual([]));
    expect(await within(region).findByText('Removed. This address will not be recorded again.')).toBeTruthy();
    // The way back: the person may record it after all.
    expect(await within(region).findByRole('button', { name: 'Record this page' })).toBeTruthy();
  });
});
