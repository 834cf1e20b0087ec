import { useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import type { TrackedEntity } from '@/utils/entities';
import type { StoryOrder } from '@/utils/stories';
import { ActiveFilters, FilterMenu } from './FilterMenu';
import { AllReadIcon } from './icons';
import { SearchBox } from './StoryFilters';
import { StoryList } from './StoryList';
import { storyActions, useStoryList } from './useStoryList';
import { useStoryCount, useStoryPages } from './useStoryPages';

export interface StoryBrowserProps {
  client: StoreClient;
  entities: readonly TrackedEntity[];
  now?: number;
  /** Raised when stories change elsewhere on the page (recorded or removed from "This page"): the list loads again. */
  changes?: number;
}

/** "1 story", "1,204 stories". */
export const storyCountText = (n: number) => (n === 1 ? '1 story' : `${n.toLocaleString()} stories`);

/**
 * The popup's stories: one toolbar (search, how many match, filters and order, mark all read),
 * what is filtered, then the paged list with the actions on each story.
 */
export function StoryBrowser({ client, entities, now = Date.now(), changes = 0 }: StoryBrowserProps) {
  const list = useStoryList();
  const [order, setOrder] = useState<StoryOrder>('published');
  const [generation, setGeneration] = useState(0);
  const [deletions, setDeletions] = useState(0);
  const pages = useStoryPages(client, { ...list.filter, order }, generation + changes);
  const count = useStoryCount(client, list.filter, generation + deletions + changes);

  const markAllRead = () =>
    list.run(async () => {
      const marked = await client.markAllRead();
      list.say(marked === 1 ? 'Marked 1 story read.' : `Marked ${marked} stories read.`);
      setGeneration((g) => g + 1);
    });
  const menu = { entities, filter: list.filter, onChange: list.setFilter, order, onOrder: setOrder };
  const clear = () => {
    list.clearFilters();
    setOrder('published');
  };

  const filtered = Object.values(list.filter).some((v) => v !== undefined);
  return (
    <section class="story-browser" aria-labelledby="stories-heading">
      <h2 id="stories-heading" class="visually-hidden">
        Stories
      </h2>
      <div class="story-toolbar">
        <SearchBox text={list.searchText} onText={list.setSearchText} />
        <span class="story-count" role="status">
          {count !== null && storyCountText(count)}
        </span>
        <FilterMenu {...menu} />
        <button
          type="button"
          class="icon-button"
          aria-label="Mark all read"
          title="Mark all read"
          onClick={markAllRead}
        >
          <AllReadIcon />
        </button>
      </div>
      <ActiveFilters {...menu} onClear={clear} />
      <Feedback notice={list.notice} error={list.error ?? pages.error} />
      <StoryList
        stories={pages.stories}
        entities={entities}
        now={now}
        hasMore={pages.hasMore && !pages.error}
        loading={pages.loading}
        onLoadMore={pages.loadMore}
        {...storyActions(client, pages, list, () => setDeletions((d) => d + 1))}
      />
      {!pages.loading && pages.stories.length === 0 && !pages.error && (
        <EmptyStories filtered={filtered} entities={entities} onClear={clear} />
      )}
    </section>
  );
}

interface EmptyStoriesProps {
  filtered: boolean;
  entities: readonly TrackedEntity[];
  onClear(): void;
}

function EmptyStories({ filtered, entities, onClear }: EmptyStoriesProps) {
  if (filtered) {
    return (
      <div class="empty">
        <p>No stories match these filters.</p>
        <button type="button" onClick={onClear}>
          Clear filters
        </button>
      </div>
    );
  }
  return (
    <p class="empty">
      No stories yet. Read a news article that mentions {trackedExamples(entities)}, and it will appear here.
    </p>
  );
}

/** "Xiaomi", "Xiaomi or Nvidia", up to three names, then "or another company you track". */
export function trackedExamples(entities: readonly TrackedEntity[]): string {
  if (entities.length === 0) return 'a company you track';
  const names = entities.slice(0, 3).map((e) => e.name);
  if (entities.length > names.length) names.push('another company you track');
  return new Intl.ListFormat('en', { type: 'disjunction' }).format(names);
}
