import { describe, expect, it, vi } from 'vitest';
import { ThisPage, type ThisPageProps } from '@/components/ThisPage';
import { createEntity } from '@/utils/entities';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { fireEvent, render, screen, waitFor, within } from './testing';

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
});
