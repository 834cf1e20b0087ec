import { useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import type { TrackedEntity } from '@/utils/entities';
import { EMPTY_FORM, entityInputFromForm, overLimits, watchlists } from '@/utils/entity-form';
import { BulkAdd } from './BulkAdd';
import { EntityFields } from './EntityFields';
import { EntityRow } from './EntityRow';
import { useActionError } from './useActionError';
import { useAsync } from './useAsync';

export interface EntityManagerProps {
  client: StoreClient;
  /** Bumped by other sections (an import) to reload the list. */
  generation?: number;
}

const ALL = '';
const NONE = '\u0000none';

/** Add, edit, switch off, group and delete tracked companies. */
export function EntityManager({ client, generation = 0 }: EntityManagerProps) {
  const entities = useAsync(() => client.listEntities(), generation);
  const [shown, setShown] = useState(ALL);
  const [deleted, setDeleted] = useState<TrackedEntity | null>(null);
  const all = entities.value ?? [];
  const groups = watchlists(all);

  const visible = all.filter((e) => shown === ALL || (shown === NONE ? e.watchlist === null : e.watchlist === shown));
  return (
    <section aria-labelledby="tracked-heading">
      <h2 id="tracked-heading">Tracked companies</h2>
      <AddCompany client={client} watchlists={groups} onAdded={entities.reload} />
      <BulkAdd client={client} onAdded={entities.reload} />
      {entities.error && (
        <p role="alert" class="error">
          {entities.error}
        </p>
      )}
      {groups.length > 0 && <WatchlistFilter watchlists={groups} shown={shown} onShow={setShown} />}
      <p role="status" class="notice">
        {deleted && (
          <>
            Deleted {deleted.name}.{' '}
            <button
              type="button"
              onClick={async () => {
                await client.importEntities([deleted]);
                setDeleted(null);
                entities.reload();
              }}
            >
              Undo
            </button>
          </>
        )}
      </p>
      {entities.value && all.length === 0 && (
        <p class="empty">No companies yet. Add one above: its name, and any other spellings under Aliases.</p>
      )}
      <ul aria-label="Tracked companies" class="entities">
        {visible.map((entity) => (
          <EntityRow
            key={entity.id}
            entity={entity}
            watchlists={groups}
            onUpdate={async (id, patch) => {
              await client.updateEntity(id, patch);
              entities.reload();
            }}
            onDelete={async (e) => {
              await client.removeEntity(e.id);
              setDeleted(e);
              entities.reload();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

interface AddCompanyProps {
  client: StoreClient;
  watchlists: readonly string[];
  onAdded(): void;
}

/** The form that adds one company; it is emptied once the company is added. */
function AddCompany({ client, watchlists, onAdded }: AddCompanyProps) {
  const [form, setForm] = useState(EMPTY_FORM);
  const [error, setError] = useActionError();
  async function add(event: Event) {
    event.preventDefault();
    if (overLimits(form)) {
      setError('Nothing was added: shorten the fields marked above.');
      return;
    }
    try {
      await client.addEntity(entityInputFromForm(form));
      setForm(EMPTY_FORM);
      setError(null);
      onAdded();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <form class="entity-form card" aria-label="Add a company" onSubmit={add}>
      <EntityFields values={form} onChange={setForm} watchlists={watchlists} showColor={false} idPrefix="add" />
      <button type="submit" class="primary">
        Add
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}

interface WatchlistFilterProps {
  watchlists: readonly string[];
  shown: string;
  onShow(watchlist: string): void;
}

function WatchlistFilter({ watchlists, shown, onShow }: WatchlistFilterProps) {
  return (
    <label class="inline watchlist-filter">
      Show watchlist
      <select value={shown} onChange={(e) => onShow(e.currentTarget.value)}>
        <option value={ALL}>All companies</option>
        {watchlists.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
        <option value={NONE}>Not in a watchlist</option>
      </select>
    </label>
  );
}
