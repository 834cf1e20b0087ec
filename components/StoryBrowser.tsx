import { useEffect, useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import type { TrackedEntity } from '@/utils/entities';
import type { StoryView } from '@/utils/stories';
import { StoryFilters } from './StoryFilters';
import { StoryList } from './StoryList';
import { type StoryFilter, useStoryPages } from './useStoryPages';

const SEARCH_DELAY_MS = 250;

export interface StoryBrowserProps {
  client: StoreClient;
  entities: readonly TrackedEntity[];
  now?: number;
}

/** The popup's stories: filters, the paged list, and the actions on it. */
export function StoryBrowser({ client, entities, now = Date.now() }: StoryBrowserProps) {
  const [filter, setFilter] = useState<StoryFilter>({});
  const [searchText, setSearchText] = useState('');
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const pages = useStoryPages(client, filter, generation);

  useEffect(() => {
    const search = searchText.trim() || undefined;
    if (search === filter.search) return;
    const timer = setTimeout(() => setFilter((f) => ({ ...f, search })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, filter.search]);

  async function act(work: () => Promise<void>) {
    try {
      await work();
      setActionError(null);
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
    }
  }

  const setRead = (story: StoryView, read: boolean) =>
    act(async () => {
      await client.setStoryFlags(story.url, { read });
      pages.update(story.url, { read });
    });

  const filtered = Object.values(filter).some((v) => v !== undefined);
  return (
    <section class="story-browser" aria-labelledby="stories-heading">
      <div class="section-head">
        <h2 id="stories-heading">Stories</h2>
        <button
          type="button"
          onClick={() =>
            act(async () => {
              const count = await client.markAllRead();
              setNotice(count === 1 ? 'Marked 1 story read.' : `Marked ${count} stories read.`);
              setGeneration((g) => g + 1);
            })
          }
        >
          Mark all read
        </button>
      </div>
      <StoryFilters
        entities={entities}
        filter={filter}
        searchText={searchText}
        onSearchText={setSearchText}
        onChange={setFilter}
      />
      <Feedback notice={notice} error={actionError ?? pages.error} />
      <StoryList
        stories={pages.stories}
        entities={entities}
        now={now}
        hasMore={pages.hasMore && !pages.error}
        loading={pages.loading}
        onLoadMore={pages.loadMore}
        onOpen={(story) => {
          if (!story.read) void setRead(story, true);
        }}
        onToggleRead={(story) => setRead(story, !story.read)}
        onToggleStar={(story) => {
          const starred = !story.starred;
          return act(async () => {
            await client.setStoryFlags(story.url, { starred });
            pages.update(story.url, { starred });
          });
        }}
        onDelete={(story) =>
          act(async () => {
            await client.deleteStory(story.url);
            pages.remove(story.url);
            setNotice(`Deleted “${story.title}”.`);
          })
        }
      />
      {!pages.loading && pages.stories.length === 0 && !pages.error && (
        <EmptyStories
          filtered={filtered}
          entities={entities}
          onClear={() => {
            setFilter({});
            setSearchText('');
          }}
        />
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
