import { type EntityFormValues, type FieldLimit, formLimits, type LimitedField } from '@/utils/entity-form';

export interface EntityFieldsProps {
  values: EntityFormValues;
  onChange(values: EntityFormValues): void;
  /** Watchlists already in use, offered as suggestions. */
  watchlists: readonly string[];
  /** The add form picks a colour itself; editing lets the person choose. */
  showColor: boolean;
  idPrefix: string;
}

/**
 * The fields of a tracked company, shared by the add form and the edit form. Nothing typed or
 * pasted is cut short: a field nearing its limit says how far it is, and one past it says so
 * (the form is then not sent; see `overLimits`).
 */
export function EntityFields({ values, onChange, watchlists, showColor, idPrefix }: EntityFieldsProps) {
  const set = <K extends keyof EntityFormValues>(key: K, value: EntityFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const listId = `${idPrefix}-watchlists`;
  const limits = formLimits(values);
  const limited = (field: LimitedField) => ({
    'aria-invalid': limits[field].over || undefined,
    'aria-describedby': `${idPrefix}-${field}-limit`,
  });
  const note = (field: LimitedField) => <LimitNote id={`${idPrefix}-${field}-limit`} limit={limits[field]} />;
  return (
    <>
      <label>
        Name
        <input value={values.name} required {...limited('name')} onInput={(e) => set('name', e.currentTarget.value)} />
      </label>
      {note('name')}
      <label>
        Aliases
        <textarea
          value={values.aliases}
          rows={2}
          placeholder="One per line or comma-separated"
          {...limited('aliases')}
          onInput={(e) => set('aliases', e.currentTarget.value)}
        />
      </label>
      {note('aliases')}
      <label>
        Exclude
        <textarea
          value={values.exclusions}
          rows={2}
          placeholder="Phrases to ignore, e.g. apple pie"
          {...limited('exclusions')}
          onInput={(e) => set('exclusions', e.currentTarget.value)}
        />
      </label>
      {note('exclusions')}
      <label>
        Watchlist
        <input
          value={values.watchlist}
          list={listId}
          placeholder="Optional, e.g. Smartphones"
          {...limited('watchlist')}
          onInput={(e) => set('watchlist', e.currentTarget.value)}
        />
        <datalist id={listId}>
          {watchlists.map((w) => (
            <option key={w} value={w} />
          ))}
        </datalist>
      </label>
      {note('watchlist')}
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

/** Under a field: how close it is to its limit, or why it is past it; nothing while far from it. */
function LimitNote({ id, limit }: { id: string; limit: FieldLimit }) {
  return (
    <p id={id} class={limit.over ? 'field-note error' : 'field-note'} aria-live="polite">
      {limit.message}
    </p>
  );
}
