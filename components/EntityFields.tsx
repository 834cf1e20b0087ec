import type { EntityFormValues } from '@/utils/entity-form';

export interface EntityFieldsProps {
  values: EntityFormValues;
  onChange(values: EntityFormValues): void;
  /** Watchlists already in use, offered as suggestions. */
  watchlists: readonly string[];
  /** The add form picks a colour itself; editing lets the person choose. */
  showColor: boolean;
  idPrefix: string;
}

/** The fields of a tracked company, shared by the add form and the edit form. */
export function EntityFields({ values, onChange, watchlists, showColor, idPrefix }: EntityFieldsProps) {
  const set = <K extends keyof EntityFormValues>(key: K, value: EntityFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const listId = `${idPrefix}-watchlists`;
  return (
    <>
      <label>
        Name
        <input value={values.name} required maxLength={200} onInput={(e) => set('name', e.currentTarget.value)} />
      </label>
      <label>
        Aliases
        <textarea
          value={values.aliases}
          rows={2}
          placeholder="One per line or comma-separated"
          onInput={(e) => set('aliases', e.currentTarget.value)}
        />
      </label>
      <label>
        Exclude
        <textarea
          value={values.exclusions}
          rows={2}
          placeholder="Phrases to ignore, e.g. apple pie"
          onInput={(e) => set('exclusions', e.currentTarget.value)}
        />
      </label>
      <label>
        Watchlist
        <input
          value={values.watchlist}
          list={listId}
          maxLength={100}
          placeholder="Optional, e.g. Smartphones"
          onInput={(e) => set('watchlist', e.currentTarget.value)}
        />
        <datalist id={listId}>
          {watchlists.map((w) => (
            <option key={w} value={w} />
          ))}
        </datalist>
      </label>
      {showColor && (
        <label class="inline">
          <input type="color" value={values.color} onInput={(e) => set('color', e.currentTarget.value)} />
          Colour
        </label>
      )}
      <label class="inline">
        <input type="checkbox" checked={values.matchCase} onChange={(e) => set('matchCase', e.currentTarget.checked)} />
        Match case
      </label>
      <label class="inline">
        <input type="checkbox" checked={values.wholeWord} onChange={(e) => set('wholeWord', e.currentTarget.checked)} />
        Whole words only
      </label>
    </>
  );
}
