import { useEffect, useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import type { DashboardStore } from '@/utils/dashboard/store';
import { SORT_LABELS, SORTS, type StoryFilter, type StorySort } from '@/utils/dashboard/story-order';
import type { StoryFact } from '@/utils/db/facts';
import type { TrackedEntity } from '@/utils/entities';
import type { StoryView } from '@/utils/stories';
import { exportFileName } from '@/utils/transfer/files';
import { storiesToCsv, storiesToJson } from '@/utils/transfer/stories';
import { StoryFilters } from '../StoryFilters';
import { StoryList } from '../StoryList';
import { type StoryPages, useStoryPages } from '../useStoryPages';
import { orderedFacts, useOrderedPages } from './useOrderedPages';
import { storiesText } from './words';

const SEARCH_DELAY_MS = 250;

export interface DashboardStoriesProps {
  client: StoreClient;
  store: DashboardStore;
  entities: readonly TrackedEntity[];
  /** Every story's fact, read once and shared with the exports. */
  allFacts: () => Promise<StoryFact[]>;
  now: number;
  save(fileName: string, text: string, type: string): void;
  /** Called after a story was deleted, so the charts can count again. */
  onDeleted(): void;
}

/** The full-width story list: the popup's filters and search, three orders, and exports of what is shown. */
export function DashboardStories(props: DashboardStoriesProps) {
  const { store, entities, allFacts, save } = props;
  const [filter, setFilter] = useState<StoryFilter>({});
  const [searchText, setSearchText] = useState('');
  const [sort, setSort] = useState<StorySort>('date');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const search = searchText.trim() || undefined;
    if (search === filter.search) return;
    const timer = setTimeout(() => setFilter((f) => ({ ...f, search })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, filter.search]);

  async function exportAs(format: 'csv' | 'json') {
    try {
      const ordered = await orderedFacts(store, allFacts, filter, sort);
      const records = await store.storiesByUrl(ordered.map((f) => f.url));
      const exportedAt = Date.now();
      const text = format === 'csv' ? storiesToCsv(records, entities) : storiesToJson(records, exportedAt);
      save(
        exportFileName('stories', format, exportedAt),
        text,
        format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
      );
      setNotice(`Exported ${storiesText(records.length)} as ${format.toUpperCase()}.`);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const listProps = { ...props, filter, sort, setNotice, setError };
  return (
    <section class="dash-section" aria-labelledby="stories-heading">
      <div class="section-head">
        <h2 id="stories-heading">Stories</h2>
        <div class="button-row">
          <button type="button" onClick={() => exportAs('csv')}>
            Export these stories (CSV)
          </button>
          <button type="button" onClick={() => exportAs('json')}>
            Export these stories (JSON)
          </button>
        </div>
      </div>
      <div class="story-controls">
        <StoryFilters
          entities={entities}
          filter={filter}
          searchText={searchText}
          onSearchText={setSearchText}
          onChange={setFilter}
        />
        <span class="inline-field">
          <label for="dashboard-order">Order</label>
          <select id="dashboard-order" value={sort} onChange={(e) => setSort(e.currentTarget.value as StorySort)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </span>
      </div>
      <Feedback notice={notice} error={error} />
      {sort === 'date' ? <NewestFirst {...listProps} /> : <Ordered {...listProps} />}
    </section>
  );
}

interface ListProps extends DashboardStoriesProps {
  filter: StoryFilter;
  sort: StorySort;
  setNotice(text: string): void;
  setError(text: string | null): void;
}

function NewestFirst(props: ListProps) {
  const pages = useStoryPages(props.client, props.filter);
  return <Listed {...props} pages={pages} />;
}

function Ordered(props: ListProps) {
  const pages = useOrderedPages(props.store, props.allFacts, props.filter, props.sort);
  return <Listed {...props} pages={pages} />;
}

/** The stories with the popup's actions on them; changes go through the background. */
function Listed({
  client,
  entities,
  now,
  pages,
  filter,
  setNotice,
  setError,
  onDeleted,
}: ListProps & { pages: StoryPages }) {
  async function act(work: () => Promise<void>) {
    try {
      await work();
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  const flag = (story: StoryView, flags: { read?: boolean; starred?: boolean }) =>
    act(async () => {
      await client.setStoryFlags(story.url, flags);
      pages.update(story.url, flags);
    });
  const filtered = Object.values(filter).some((v) => v !== undefined);
  return (
    <>
      {pages.error && (
        <p role="alert" class="error">
          {pages.error}
        </p>
      )}
      <StoryList
        stories={pages.stories}
        entities={entities}
        now={now}
        hasMore={pages.hasMore && !pages.error}
        loading={pages.loading}
        onLoadMore={pages.loadMore}
        onOpen={(story) => {
          if (!story.read) void flag(story, { read: true });
        }}
        onToggleRead={(story) => flag(story, { read: !story.read })}
        onToggleStar={(story) => flag(story, { starred: !story.starred })}
        onDelete={(story) =>
          act(async () => {
            await client.deleteStory(story.url);
            pages.remove(story.url);
            setNotice(`Deleted “${story.title}”.`);
            onDeleted();
          })
        }
      />
      {!pages.loading && pages.stories.length === 0 && !pages.error && (
        <p class="empty">{filtered ? 'No stories match these filters.' : 'No stories yet.'}</p>
      )}
    </>
  );
}
