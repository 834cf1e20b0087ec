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

/**
 * The search box, then one row of filter chips (unread, starred, then the companies, one at a
 * time) that scrolls sideways rather than wrap: however many companies are tracked, the
 * filters take one line, and another kind of filter is one more chip in it.
 */
export function StoryFilters({ entities, filter, searchText, onSearchText, onChange }: StoryFiltersProps) {
  const toggle = (key: 'unread' | 'starred') => onChange({ ...filter, [key]: filter[key] ? undefined : true });
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
      <div class="chip-scroller">
        <fieldset class="chip-row">
          <legend class="visually-hidden">Show</legend>
          <Chip pressed={filter.unread === true} onClick={() => toggle('unread')}>
            Unread
          </Chip>
          <Chip pressed={filter.starred === true} onClick={() => toggle('starred')}>
            Starred
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
                {e.name}
              </Chip>
            ))}
          </fieldset>
        )}
      </div>
    </div>
  );
}

interface ChipProps {
  pressed: boolean;
  onClick(): void;
  children: ComponentChildren;
}

/** A filter that is on or off; a long company name is cut short on the chip, never on its name. */
export function Chip({ pressed, onClick, children }: ChipProps) {
  return (
    <button type="button" class="chip-button" aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}
