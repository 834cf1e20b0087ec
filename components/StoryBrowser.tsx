import { useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import type { TrackedEntity } from '@/utils/entities';
import type { StoryOrder } from '@/utils/stories';
import { AllReadIcon } from './icons';
import { StoryFilters } from './StoryFilters';
import { StoryList } from './StoryList';
import { storyActions, useStoryList } from './useStoryList';
import { useStoryCount, useStoryPages } from './useStoryPages';

export interface StoryBrowserProps {
  client: StoreClient;
  entities: readonly TrackedEntity[];
  now?: number;
}

export const ORDER_LABELS: Record<StoryOrder, string> = { published: 'Newest first', read: 'Recently read' };

/** "1 story", "1,204 stories". */
export const storyCountText = (n: number) => (n === 1 ? '1 story' : `${n.toLocaleString()} stories`);

/** The popup's stories: how many match, their order, filters, the paged list, and the actions on it. */
export function StoryBrowser({ client, entities, now = Date.now() }: StoryBrowserProps) {
  const list = useStoryList();
  const [order, setOrder] = useState<StoryOrder>('published');
  const [generation, setGeneration] = useState(0);
  const [deletions, setDeletions] = useState(0);
  const pages = useStoryPages(client, { ...list.filter, order }, generation);
  const count = useStoryCount(client, list.filter, generation + deletions);

  const markAllRead = () =>
    list.run(async () => {
      const marked = await client.markAllRead();
      list.say(marked === 1 ? 'Marked 1 story read.' : `Marked ${marked} stories read.`);
      setGeneration((g) => g + 1);
    });

  const filtered = Object.values(list.filter).some((v) => v !== undefined);
  return (
    <section class="story-browser" aria-labelledby="stories-heading">
      <div class="section-head">
        <h2 id="stories-heading">Stories</h2>
        <span class="story-count">{count !== null && storyCountText(count)}</span>
        <select
          class="order"
          aria-label="Order"
          value={order}
          onChange={(e) => setOrder(e.currentTarget.value as StoryOrder)}
        >
          {Object.entries(ORDER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
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
        {...storyActions(client, pages, list, () => setDeletions((d) => d + 1))}
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
