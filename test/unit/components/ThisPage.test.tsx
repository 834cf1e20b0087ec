import { describe, expect, it, vi } from 'vitest';
import { ThisPage, type ThisPageProps } from '@/components/ThisPage';
import { createEntity } from '@/utils/entities';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import type { PageStanding } from '@/utils/stories';
import { cleanup, fireEvent, render, screen, waitFor, within } from './testing';

const xiaomi = createEntity({ name: 'Xiaomi' }, 0);
const URL_ = 'https://news.example/a';

function show(props: Partial<ThisPageProps> = {}) {
  const onSettingsChange = vi.fn(async (_: Settings) => {});
  render(
    <ThisPage
      url={URL_}
      status={{ url: URL_, isArticle: true, isBusiness: true, mentions: [{ entityId: xiaomi.id, count: 3 }] }}
      entities={[xiaomi]}
      settings={DEFAULT_SETTINGS}
      onSettingsChange={onSettingsChange}
      {...props}
    />,
  );
  return { onSettingsChange, region: screen.getByRole('region', { name: 'This page' }) };
}

describe('ThisPage', () => {
  it('says whether the page is a business news article and which tracked companies it names, how often', () => {
    const { region } = show();
    expect(within(region).getByText('News article')).toBeTruthy();
    expect(within(region).getByText('Business news')).toBeTruthy();
    const found = within(region).getByRole('list', { name: 'Tracked companies in the article' });
    expect(within(found).getByRole('listitem').textContent).toBe('Xiaomi3, 3 mentions');
  });

  it('switches highlights off for this site only, and back on', async () => {
    const { onSettingsChange } = show({ settings: { ...DEFAULT_SETTINGS, highlightOffSites: ['other.example'] } });
    const toggle = screen.getByRole('switch', { name: 'Highlights on this site' }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() => expect(onSettingsChange).toHaveBeenCalledOnce());
    expect(onSettingsChange.mock.calls[0]![0].highlightOffSites).toEqual(['other.example', 'news.example']);
  });

  it('shows the switch off on a site where highlights are off, and turning it on removes the site', async () => {
    const { onSettingsChange } = show({ settings: { ...DEFAULT_SETTINGS, highlightOffSites: ['news.example'] } });
    const toggle = screen.getByRole('switch', { name: 'Highlights on this site' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(onSettingsChange.mock.calls[0]![0].highlightOffSites).toEqual([]));
  });

  it('shows a failed save as an alert', async () => {
    const { onSettingsChange } = show();
    onSettingsChange.mockRejectedValueOnce(new Error('Could not save settings.'));
    fireEvent.click(screen.getByRole('switch', { name: 'Highlights on this site' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save settings.');
  });

  it('explains pages it cannot or did not look at', () => {
    show({ url: null, status: null });
    expect(screen.getByText(/works on web pages/)).toBeTruthy();
  });

  it('says when the whole site is switched off', () => {
    show({ settings: { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] } });
    expect(screen.getByText(/switched off on news.example/)).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('has a place for suggested companies', () => {
    show({ suggestions: <p>Suggestions go here</p> });
    expect(within(screen.getByRole('region', { name: 'This page' })).getByText('Suggestions go here')).toBeTruthy();
  });

  it('says when nothing tracked is on a page that is not an article', () => {
    show({ status: { url: URL_, isArticle: false, isBusiness: false, mentions: [] } });
    expect(screen.getByText('Not a news article')).toBeTruthy();
    expect(screen.getByText('No tracked companies on this page.')).toBeTruthy();
  });

  describe('the person’s word on the page', () => {
    const reading = (over: Partial<PageStanding> = {}): PageStanding => ({
      url: URL_,
      storyUrl: URL_,
      isArticle: false,
      isBusiness: false,
      mentions: [{ entityId: xiaomi.id, count: 2 }],
      recorded: false,
      notNews: false,
      ...over,
    });

    it('offers "Record this page" where the page was not taken for news but names a tracked company', async () => {
      const onRecordPage = vi.fn(async () => true);
      show({ status: null, standing: reading(), onRecordPage });
      expect(screen.getByText('Not a news article')).toBeTruthy();
      const found = screen.getByRole('list', { name: 'Tracked companies on this page' });
      expect(within(found).getByRole('listitem').textContent).toBe('Xiaomi2, 2 mentions');
      expect(screen.getByRole('status').textContent).toBe('Not recognised as a news story, so it was not recorded.');
      fireEvent.click(screen.getByRole('button', { name: 'Record this page' }));
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).toBe('Recorded: the page is in your stories and highlighted.'),
      );
      expect(onRecordPage).toHaveBeenCalledOnce();
    });

    it('offers nothing to record where the page names no tracked company, or is recorded already', () => {
      show({ status: null, standing: reading({ mentions: [] }), onRecordPage: vi.fn() });
      expect(screen.queryByRole('button', { name: 'Record this page' })).toBeNull();
      expect(screen.getByText('No tracked companies on this page.')).toBeTruthy();
    });

    it('says why an address marked not news is not recorded, and lets the person record it after all', () => {
      show({ standing: reading({ isArticle: false, notNews: true }), onRecordPage: vi.fn() });
      expect(screen.getByRole('status').textContent).toBe(
        'You said this address is not a news story, so it is not recorded.',
      );
      expect(screen.getByRole('button', { name: 'Record this page' })).toBeTruthy();
    });

    it('offers "Not a news story" for a recorded page, and says what it did', async () => {
      const onNotNews = vi.fn(async () => {});
      show({ standing: reading({ isArticle: true, recorded: true }), onNotNews, onRecordPage: vi.fn() });
      expect(screen.queryByRole('button', { name: 'Record this page' })).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Not a news story' }));
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).toBe('Removed. This address will not be recorded again.'),
      );
      expect(onNotNews).toHaveBeenCalledOnce();
    });

    it('calls a page recorded by hand on an earlier visit a news article, with "Not a news story"', () => {
      show({ status: null, standing: reading({ isArticle: false, recorded: true }), onNotNews: vi.fn() });
      expect(screen.getByText('News article', { exact: true })).toBeTruthy();
      expect(screen.queryByText('Not a news article')).toBeNull();
      expect(screen.getByRole('list', { name: 'Tracked companies in the article' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Not a news story' })).toBeTruthy();
    });

    it('shows a failed recording as an alert', async () => {
      show({ status: null, standing: reading(), onRecordPage: vi.fn(async () => Promise.reject(new Error('Gone.'))) });
      fireEvent.click(screen.getByRole('button', { name: 'Record this page' }));
      expect((await screen.findByRole('alert')).textContent).toBe('Gone.');
    });

    it('switches "Treat pages on this site as news" on and off for this site only', async () => {
      const { onSettingsChange } = show({
        status: null,
        standing: reading(),
        settings: { ...DEFAULT_SETTINGS, newsSites: ['other.example'] },
      });
      const toggle = screen.getByRole('switch', { name: 'Treat pages on this site as news' }) as HTMLInputElement;
      expect(toggle.checked).toBe(false);
      fireEvent.click(toggle);
      await waitFor(() =>
        expect(onSettingsChange.mock.calls[0]![0].newsSites).toEqual(['other.example', 'news.example']),
      );
    });

    it('offers the site switch only where a page naming a company was passed over, or while it is on', () => {
      const name = 'Treat pages on this site as news';
      show();
      expect(screen.queryByRole('switch', { name })).toBeNull();
      cleanup();
      show({ status: null, standing: reading({ mentions: [] }) });
      expect(screen.queryByRole('switch', { name })).toBeNull();
      cleanup();
      show({ settings: { ...DEFAULT_SETTINGS, newsSites: ['news.example'] } });
      expect((screen.getByRole('switch', { name }) as HTMLInputElement).checked).toBe(true);
      cleanup();
      show({ status: null, standing: reading() });
      expect((screen.getByRole('switch', { name }) as HTMLInputElement).checked).toBe(false);
    });

    it('names the companies only elsewhere on an article’s page apart from the story’s', () => {
      const apple = createEntity({ name: 'Apple' }, 1);
      show({
        entities: [xiaomi, apple],
        status: {
          url: URL_,
          isArticle: true,
          isBusiness: false,
          mentions: [{ entityId: xiaomi.id, count: 3 }],
          elsewhere: [{ entityId: apple.id, count: 1 }],
        },
      });
      const found = screen.getByRole('list', { name: 'Tracked companies in the article' });
      expect(
        within(found)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(['Xiaomi3, 3 mentions']);
      expect(screen.getByText('Elsewhere on the page, not in the story: Apple')).toBeTruthy();
    });
  });
});
