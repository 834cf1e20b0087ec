/**
 * The popup's filters in one button: it opens a panel (the browser's own popover, which closes
 * on Escape and on a click elsewhere) with the order and the filter chips, so the popup's
 * toolbar stays one line however many companies are tracked. What is on is said under the
 * toolbar, each with a button that turns it off.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { TrackedEntity } from '@/utils/entities';
import { STORY_ORDERS, type StoryOrder } from '@/utils/stories';
import { FilterChips } from './StoryFilters';
import type { StoryFilter } from './useStoryPages';

export const ORDER_LABELS: Record<StoryOrder, string> = { published: 'Newest first', read: 'Recently read' };

export interface FilterMenuProps {
  entities: readonly TrackedEntity[];
  filter: StoryFilter;
  onChange(filter: StoryFilter): void;
  order: StoryOrder;
  onOrder(order: StoryOrder): void;
}

/** What is switched on, in words, each with how to switch it off. */
function activeParts({ entities, filter, onChange, order, onOrder }: FilterMenuProps) {
  const company = entities.find((e) => e.id === filter.entityId);
  return [
    order === 'read' && { label: ORDER_LABELS.read, off: () => onOrder('published') },
    filter.unread && { label: 'Unread', off: () => onChange({ ...filter, unread: undefined }) },
    filter.starred && { label: 'Starred', off: () => onChange({ ...filter, starred: undefined }) },
    company && { label: company.name, off: () => onChange({ ...filter, entityId: undefined }) },
  ].filter((part) => part !== false && part !== undefined);
}

export function FilterMenu(props: FilterMenuProps) {
  const { entities, filter, onChange, order, onOrder } = props;
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const active = activeParts(props);

  // The panel opens under its button, right-aligned with it (popovers open in the middle otherwise).
  useEffect(() => {
    const node = panel.current;
    const place = () => {
      const box = button.current?.getBoundingClientRect();
      if (!node || !box) return;
      node.style.top = `${box.bottom + 4}px`;
      node.style.right = `${document.documentElement.clientWidth - box.right}px`;
    };
    node?.addEventListener('beforetoggle', place);
    return () => node?.removeEventListener('beforetoggle', place);
  }, []);

  return (
    <>
      <button
        ref={button}
        type="button"
        class="filter-button"
        popovertarget="story-filters"
        aria-label={active.length > 0 ? `Filters, ${active.length} on` : 'Filters'}
      >
        Filters
        {active.length > 0 && (
          <span class="filter-count" aria-hidden="true">
            {active.length}
          </span>
        )}
      </button>
      <div ref={panel} id="story-filters" class="filter-panel" popover="auto">
        <label class="inline">
          Order
          <select value={order} onChange={(e) => onOrder(e.currentTarget.value as StoryOrder)}>
            {STORY_ORDERS.map((value) => (
              <option key={value} value={value}>
                {ORDER_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <FilterChips entities={entities} filter={filter} onChange={onChange} />
      </div>
    </>
  );
}

/** The filters that are on, under the toolbar; nothing at all while none is. */
export function ActiveFilters(props: FilterMenuProps & { onClear(): void }) {
  const active = activeParts(props);
  if (active.length === 0) return null;
  return (
    <div class="active-filters">
      {active.map((part) => (
        <button key={part.label} type="button" class="chip-button" onClick={part.off} title={`Stop: ${part.label}`}>
          {part.label}
          <span aria-hidden="true"> ×</span>
          <span class="visually-hidden">, stop</span>
        </button>
      ))}
      {active.length > 1 && (
        <button type="button" class="link-button" onClick={props.onClear}>
          Clear all
        </button>
      )}
    </div>
  );
}
