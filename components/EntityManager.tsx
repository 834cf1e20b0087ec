import { useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import { splitList } from '@/utils/entities';
import { useAsync } from './useAsync';

export interface EntityManagerProps {
  client: StoreClient;
}

/** Add and remove tracked companies. */
export function EntityManager({ client }: EntityManagerProps) {
  const entities = useAsync(() => client.listEntities());
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [exclusions, setExclusions] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function add(event: Event) {
    event.preventDefault();
    try {
      await client.addEntity({ name, aliases: splitList(aliases), exclusions: splitList(exclusions), matchCase });
      setName('');
      setAliases('');
      setExclusions('');
      setError(null);
      entities.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function remove(id: string) {
    await client.removeEntity(id);
    entities.reload();
  }

  return (
    <section aria-labelledby="tracked-heading">
      <h2 id="tracked-heading">Tracked companies</h2>
      <form class="entity-form" onSubmit={add}>
        <label>
          Name
          <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Aliases
          <textarea value={aliases} rows={2} onInput={(e) => setAliases(e.currentTarget.value)} />
        </label>
        <label>
          Exclude
          <textarea value={exclusions} rows={2} onInput={(e) => setExclusions(e.currentTarget.value)} />
        </label>
        <label class="inline">
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.currentTarget.checked)} />
          Match case
        </label>
        <button type="submit">Add</button>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>
      {entities.error && <p role="alert">{entities.error}</p>}
      <ul aria-label="Tracked companies" class="entities">
        {(entities.value ?? []).map((entity) => (
          <li key={entity.id}>
            <span class="swatch" style={{ background: entity.color }} aria-hidden="true" />
            <span class="name">{entity.name}</span>
            {entity.aliases.length > 1 && (
              <span class="aliases">
                {entity.aliases
                  .slice(1)
                  .map((a) => a.text)
                  .join(', ')}
              </span>
            )}
            <button type="button" aria-label={`Delete ${entity.name}`} onClick={() => remove(entity.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
