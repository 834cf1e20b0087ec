import { useEffect, useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import type { StoryView } from '@/utils/stories';
import type { StoryListProps } from './StoryList';
import type { StoryFilter, StoryPages } from './useStoryPages';

const SEARCH_DELAY_MS = 250;

export interface StoryListState {
  filter: StoryFilter;
  setFilter(filter: StoryFilter): void;
  /** The search box's text; it becomes the filter's search once typing pauses. */
  searchText: string;
  setSearchText(text: string): void;
  clearFilters(): void;
  /** What the last action said, and what went wrong with it. */
  notice: string;
  error: string | null;
  say(notice: string): void;
  /** Runs an action; its failure becomes `error`, its success clears it. */
  run(work: () => Promise<void>): Promise<void>;
}

/**
 * What the popup's story list (StoryBrowser) and the dashboard's (DashboardStories) share: the
 * filters with a search typed ahead of them, and what the last action said.
 */
export function useStoryList(): StoryListState {
  const [filter, setFilter] = useState<StoryFilter>({});
  const [searchText, setSearchText] = useState('');
  const [notice, say] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const search = searchText.trim() || undefined;
    if (search === filter.search) return;
    const timer = setTimeout(() => setFilter((f) => ({ ...f, search })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, filter.search]);

  return {
    filter,
    setFilter,
    searchText,
    setSearchText,
    clearFilters() {
      setFilter({});
      setSearchText('');
    },
    notice,
    error,
    say,
    async run(work) {
      try {
        await work();
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
  };
}

type StoryActions = Pick<StoryListProps, 'onOpen' | 'onToggleRead' | 'onToggleStar' | 'onDelete' | 'onNotNews'>;

/**
 * The actions on a listed story, through the client, each shown in the list at once without
 * loading it again. Opening an unread story marks it read.
 */
export function storyActions(
  client: StoreClient,
  pages: StoryPages,
  list: StoryListState,
  onDeleted?: () => void,
): StoryActions {
  const flag = (story: StoryView, flags: { read?: boolean; starred?: boolean }) =>
    list.run(async () => {
      await client.setStoryFlags(story.url, flags);
      pages.update(story.url, flags);
    });
  return {
    onOpen: (story) => {
      if (!story.read) void flag(story, { read: true });
    },
    onToggleRead: (story) => flag(story, { read: !story.read }),
    onToggleStar: (story) => flag(story, { starred: !story.starred }),
    onDelete: (story) =>
      list.run(async () => {
        await client.deleteStory(story.url);
        pages.remove(story.url);
        list.say(`Deleted “${story.title}”.`);
        onDeleted?.();
      }),
    onNotNews: (story) =>
      list.run(async () => {
        await client.markNotNews(story.url);
        pages.remove(story.url);
        list.say(`Removed “${story.title}”. Its address will not be recorded again.`);
        onDeleted?.();
      }),
  };
}
