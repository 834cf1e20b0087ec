import type { TrackedEntity } from '@/utils/entities';
import type { StoryFilter } from './useStoryPages';

export interface StoryFiltersProps {
  entities: readonly TrackedEntity[];
  filter: StoryFilter;
  /** What is typed in the search box, ahead of the debounced filter. */
  searchText: string;
  onSearchText(text: string): void;
  onChange(filter: StoryFilter): void;
}

/** Company chips (one at a time), unread, starred and from-feeds toggles, and the search box. */
export function StoryFilters({ entities, filter, searchText, onSearchText, onChange }: StoryFiltersProps) {
  const toggle = (key: 'unread' | 'starred' | 'fromFeeds') =>
    onChange({ ...filter, [key]: filter[key] ? undefined : true });
  return (
    <div class="filters">
      <input
        type="search"
        class="search"
        aria-label="Search stories"
        placeholder="Search stories"
        value={searchText}
        onInput={(e) => onSearchText(e.currentTarget.value)}
      />
      <fieldset class="chip-row">
        <legend class="visually-hidden">Show</legend>
        <button
          type="button"
          class="chip-button"
          aria-pressed={filter.unread === true}
          onClick={() => toggle('unread')}
        >
          Unread
        </button>
        <button
          type="button"
          class="chip-button"
          aria-pressed={filter.starred === true}
          onClick={() => toggle('starred')}
        >
          Starred
        </button>
        <button
          type="button"
          class="chip-button"
          aria-pressed={filter.fromFeeds === true}
          onClick={() => toggle('fromFeeds')}
        >
          From feeds
        </button>
      </fieldset>
      {entities.length > 0 && (
        <fieldset class="chip-row">
          <legend class="visually-hidden">Company</legend>
          {entities.map((e) => (
            <button
              key={e.id}
              type="button"
              class="chip-button"
              aria-pressed={filter.entityId === e.id}
              onClick={() => onChange({ ...filter, entityId: filter.entityId === e.id ? undefined : e.id })}
            >
              <span class="swatch" style={{ background: e.color }} aria-hidden="true" />
              {e.name}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
