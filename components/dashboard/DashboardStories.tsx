import { useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import { isStoreOrder, SORT_LABELS, SORTS, type StorySort } from '@/utils/dashboard/story-order';
import type { StoryFact } from '@/utils/db/facts';
import type { StoryReader } from '@/utils/db/reader';
import type { TrackedEntity } from '@/utils/entities';
import { type StoryRecord, storyDate } from '@/utils/stories';
import { exportFileName } from '@/utils/transfer/files';
import { storiesToCsv, storiesToJson } from '@/utils/transfer/stories';
import { StoryFilters } from '../StoryFilters';
import { StoryList } from '../StoryList';
import { type StoryListState, storyActions, useStoryList } from '../useStoryList';
import { type StoryPages, useStoryPages } from '../useStoryPages';
import { orderedFacts, useOrderedPages } from './useOrderedPages';
import { storiesText } from './words';

export interface DashboardStoriesProps {
  client: StoreClient;
  store: StoryReader;
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
  const list = useStoryList();
  const { filter } = list;
  const [sort, setSort] = useState<StorySort>('published');

  const exportAs = (format: 'csv' | 'json') =>
    list.run(async () => {
      const ordered = await orderedFacts(store, allFacts, filter, sort);
      const records = inOrder(await store.storiesByUrl(ordered.map((f) => f.url)), sort);
      const exportedAt = Date.now();
      const text = format === 'csv' ? storiesToCsv(records, entities) : storiesToJson(records, exportedAt);
      save(
        exportFileName('stories', format, exportedAt),
        text,
        format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
      );
      list.say(`Exported ${storiesText(records.length)} as ${format.toUpperCase()}.`);
    });

  const listProps = { ...props, list, sort };
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
          searchText={list.searchText}
          onSearchText={list.setSearchText}
          onChange={list.setFilter}
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
      <Feedback notice={list.notice} error={list.error} />
      {isStoreOrder(sort) ? <NewestFirst {...listProps} /> : <Ordered {...listProps} />}
    </section>
  );
}

interface ListProps extends DashboardStoriesProps {
  list: StoryListState;
  sort: StorySort;
}

/** Exported stories in the list's order: the facts know when a story was first read, not when it was published. */
function inOrder(records: StoryRecord[], sort: StorySort): StoryRecord[] {
  if (sort === 'published') return records.sort((a, b) => storyDate(b) - storyDate(a));
  if (sort === 'read') return records.sort((a, b) => b.lastSeen - a.lastSeen);
  return records;
}

function NewestFirst(props: ListProps) {
  const order = props.sort === 'read' ? 'read' : 'published';
  const pages = useStoryPages(props.client, { ...props.list.filter, order });
  return <Listed {...props} pages={pages} />;
}

function Ordered(props: ListProps) {
  const pages = useOrderedPages(props.store, props.allFacts, props.list.filter, props.sort);
  return <Listed {...props} pages={pages} />;
}

/** The stories with the popup's actions on them; changes go through the background. */
function Listed({ client, entities, now, pages, list, onDeleted }: ListProps & { pages: StoryPages }) {
  const filtered = Object.values(list.filter).some((v) => v !== undefined);
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
        {...storyActions(client, pages, list, onDeleted)}
      />
      {!pages.loading && pages.stories.length === 0 && !pages.error && (
        <p class="empty">{filtered ? 'No stories match these filters.' : 'No stories yet.'}</p>
      )}
    </>
  );
}
