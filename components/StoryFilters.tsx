import type { ComponentChildren } from 'preact';
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

/** The search box with the filter chips under it, as the dashboard's wide story list shows them. */
export function StoryFilters({ entities, filter, searchText, onSearchText, onChange }: StoryFiltersProps) {
  return (
    <div class="filters">
      <SearchBox text={searchText} onText={onSearchText} />
      <FilterChips entities={entities} filter={filter} onChange={onChange} />
    </div>
  );
}

export function SearchBox({ text, onText }: { text: string; onText(text: string): void }) {
  return (
    <input
      type="search"
      class="search"
      aria-label="Search stories"
      placeholder="Search stories"
      value={text}
      onInput={(e) => onText(e.currentTarget.value)}
    />
  );
}

export interface FilterChipsProps {
  entities: readonly TrackedEntity[];
  filter: StoryFilter;
  onChange(filter: StoryFilter): void;
}

/** Unread, starred and from-feeds toggles, then the companies, one at a time; another kind of filter is one more chip. */
export function FilterChips({ entities, filter, onChange }: FilterChipsProps) {
  const toggle = (key: 'unread' | 'starred' | 'fromFeeds') =>
    onChange({ ...filter, [key]: filter[key] ? undefined : true });
  return (
    <>
      <fieldset class="chip-row">
        <legend class="visually-hidden">Show</legend>
        <Chip pressed={filter.unread === true} onClick={() => toggle('unread')}>
          Unread
        </Chip>
        <Chip pressed={filter.starred === true} onClick={() => toggle('starred')}>
          Starred
        </Chip>
        <Chip pressed={filter.fromFeeds === true} onClick={() => toggle('fromFeeds')}>
          From feeds
        </Chip>
      </fieldset>
      {entities.length > 0 && (
        <fieldset class="chip-row">
          <legend class="visually-hidden">Company</legend>
          {entities.map((e) => (
            <Chip
              key={e.id}
              pressed={filter.entityId === e.id}
              onClick={() => onChange({ ...filter, entityId: filter.entityId === e.id ? undefined : e.id })}
            >
              <span class="swatch" style={{ background: e.color }} aria-hidden="true" />
              <span class="chip-label">{e.name}</span>
            </Chip>
          ))}
        </fieldset>
      )}
    </>
  );
}

interface ChipProps {
  pressed: boolean;
  onClick(): void;
  children: ComponentChildren;
}

/** A filter that is on or off; a long company name is cut short on the chip, never in its accessible name. */
export function Chip({ pressed, onClick, children }: ChipProps) {
  return (
    <button type="button" class="chip-button" aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}
