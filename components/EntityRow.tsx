import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { TrackedEntity } from '@/utils/entities';
import { type EntityFormValues, entityPatchFromForm, formFromEntity, overLimits } from '@/utils/entity-form';
import { EntityFields } from './EntityFields';
import { useActionError } from './useActionError';

export interface EntityRowProps {
  entity: TrackedEntity;
  watchlists: readonly string[];
  onUpdate(id: string, patch: Partial<Omit<TrackedEntity, 'id' | 'createdAt'>>): Promise<void>;
  onDelete(entity: TrackedEntity): Promise<void>;
}

/** One tracked company: shown, switched on or off, edited in place, deleted. */
export function EntityRow({ entity, watchlists, onUpdate, onDelete }: EntityRowProps) {
  const [editing, setEditing] = useState<EntityFormValues | null>(null);
  const [error, setError] = useActionError();

  async function run(work: () => Promise<void>) {
    try {
      await work();
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const errorLine = error && (
    <p role="alert" class="error">
      {error}
    </p>
  );

  if (editing) {
    return (
      <li class="entity editing">
        <EditEntity
          entity={entity}
          values={editing}
          onChange={setEditing}
          watchlists={watchlists}
          onSave={() =>
            run(async () => {
              if (overLimits(editing)) throw new Error('Nothing was saved: shorten the fields marked above.');
              await onUpdate(entity.id, entityPatchFromForm(entity, editing));
              setEditing(null);
            })
          }
          onCancel={() => setEditing(null)}
        >
          {errorLine}
        </EditEntity>
      </li>
    );
  }

  const aliases = entity.aliases.slice(1).map((a) => a.text);
  return (
    <li class={entity.enabled ? 'entity' : 'entity disabled'}>
      <span class="swatch" style={{ background: entity.color }} aria-hidden="true" />
      <div class="entity-text">
        <span class="name">{entity.name}</span>
        {entity.watchlist && <span class="tag">{entity.watchlist}</span>}
        {aliases.length > 0 && <span class="aliases">also {aliases.join(', ')}</span>}
        {entity.exclusions.length > 0 && <span class="aliases">not {entity.exclusions.join(', ')}</span>}
      </div>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={entity.enabled}
          aria-checked={entity.enabled}
          aria-label={`Track ${entity.name}`}
          onChange={(e) => {
            const enabled = e.currentTarget.checked;
            void run(() => onUpdate(entity.id, { enabled }));
          }}
        />
        <span aria-hidden="true">{entity.enabled ? 'On' : 'Off'}</span>
      </label>
      <button type="button" aria-label={`Edit ${entity.name}`} onClick={() => setEditing(formFromEntity(entity))}>
        Edit
      </button>
      <button type="button" aria-label={`Delete ${entity.name}`} onClick={() => run(() => onDelete(entity))}>
        Delete
      </button>
      {errorLine}
    </li>
  );
}

interface EditEntityProps {
  entity: TrackedEntity;
  values: EntityFormValues;
  onChange(values: EntityFormValues): void;
  watchlists: readonly string[];
  onSave(): void;
  onCancel(): void;
  /** What the last save said went wrong, under the buttons. */
  children?: ComponentChildren;
}

/** The company's fields, edited in place. */
function EditEntity({ entity, values, onChange, watchlists, onSave, onCancel, children }: EditEntityProps) {
  return (
    <form
      class="entity-form"
      aria-label={`Edit ${entity.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <EntityFields
        values={values}
        onChange={onChange}
        watchlists={watchlists}
        showColor
        idPrefix={`edit-${entity.id}`}
      />
      <div class="actions">
        <button type="submit" class="primary">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {children}
    </form>
  );
}
