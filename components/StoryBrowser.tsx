import { useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import type { TrackedEntity } from '@/utils/entities';
import { StoryFilters } from './StoryFilters';
import { StoryList } from './StoryList';
import { storyActions, useStoryList } from './useStoryList';
import { useStoryPages } from './useStoryPages';

export interface StoryBrowserProps {
  client: StoreClient;
  entities: readonly TrackedEntity[];
  now?: number;
  /** Raised when stories change elsewhere on the page (recorded or removed from "This page"): the list loads again. */
  changes?: number;
}

/** The popup's stories: filters, the paged list, and the actions on it. */
export function StoryBrowser({ client, entities, now = Date.now(), changes = 0 }: StoryBrowserProps) {
  const list = useStoryList();
  const [generation, setGeneration] = useState(0);
  const pages = useStoryPages(client, list.filter, generation + changes);

  const markAllRead = () =>
    list.run(async () => {
      const count = await client.markAllRead();
      list.say(count === 1 ? 'Marked 1 story read.' : `Marked ${count} stories read.`);
      setGeneration((g) => g + 1);
    });

  const filtered = Object.values(list.filter).some((v) => v !== undefined);
  return (
    <section class="story-browser" aria-labelledby="stories-heading">
      <div class="section-head">
        <h2 id="stories-heading">Stories</h2>
        <button type="button" onClick={markAllRead}>
          Mark all read
        </button>
      </div>
      <StoryFilters
        entities={entities}
        filter={list.filter}
        searchText={list.searchText}
        onSearchText={list.setSearchText}
        onChange={list.setFilter}
      />
      <Feedback notice={list.notice} error={list.error ?? pages.error} />
      <StoryList
        stories={pages.stories}
        entities={entities}
        now={now}
        hasMore={pages.hasMore && !pages.error}
        loading={pages.loading}
        onLoadMore={pages.loadMore}
        {...storyActions(client, pages, list)}
      />
      {!pages.loading && pages.stories.length === 0 && !pages.error && (
        <EmptyStories filtered={filtered} entities={entities} onClear={list.clearFilters} />
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
  const names = entities.slice(0, 3).map((e) => e.name);
  return (
    <p class="empty">
      No stories yet. Read a news article that mentions {names.length > 0 ? names.join(', ') : 'a tracked company'} and
      it will appear here.
    </p>
  );
}
