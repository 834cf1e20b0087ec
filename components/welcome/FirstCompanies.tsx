import { useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import { cleanName, type NewEntityInput, type TrackedEntity } from '@/utils/entities';
import { Feedback } from '../Feedback';
import type { AsyncState } from '../useAsync';
import { EXAMPLE_COMPANIES } from './examples';
import { WelcomeStep } from './WelcomeStep';

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * The welcome page's first step: type a company, or pick well-known ones, and it is tracked at
 * once through the same client and handler as the options page. An example picked by mistake
 * is untracked by pressing it again.
 */
export function FirstCompanies({ client, tracked }: { client: StoreClient; tracked: AsyncState<TrackedEntity[]> }) {
  const [name, setName] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const all = tracked.value ?? [];
  const find = (wanted: string) => all.find((e) => sameName(e.name, wanted));

  /** Runs one change and says how it went; true when it worked. */
  async function change(action: () => Promise<string>): Promise<boolean> {
    setNotice('');
    setError(null);
    try {
      setNotice(await action());
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      tracked.reload();
    }
  }

  const track = (input: NewEntityInput) => change(async () => `Now tracking ${(await client.addEntity(input)).name}.`);
  const untrack = (entity: TrackedEntity) =>
    change(async () => {
      await client.removeEntity(entity.id);
      return `Stopped tracking ${entity.name}.`;
    });

  async function submit(event: Event) {
    event.preventDefault();
    if (cleanName(name).length === 0) {
      setNotice('');
      setError('Type the name of a company first.');
      return;
    }
    if (await track({ name })) setName('');
  }

  return (
    <WelcomeStep step={1} id="first-heading" title="Track your first companies">
      <form class="track-form" aria-label="Track a company" onSubmit={submit}>
        <label for="welcome-name">Company name</label>
        <div class="track-row">
          <input
            id="welcome-name"
            value={name}
            autocomplete="off"
            placeholder="For example Siemens"
            onInput={(e) => {
              setName(e.currentTarget.value);
              setError(null);
            }}
          />
          <button type="submit" class="primary">
            Track
          </button>
        </div>
      </form>
      <fieldset class="examples">
        <legend>Or pick well-known ones</legend>
        {EXAMPLE_COMPANIES.map((example) => {
          const entity = find(example.name);
          return (
            <button
              key={example.name}
              type="button"
              class="chip-button"
              aria-pressed={entity !== undefined}
              onClick={() => (entity ? untrack(entity) : track(example))}
            >
              {example.name}
              {example.aliases.length > 0 && <span class="also"> · {example.aliases.join(', ')}</span>}
            </button>
          );
        })}
      </fieldset>
      <Feedback notice={notice} error={error ?? tracked.error} />
      <TrackedList entities={all} />
    </WelcomeStep>
  );
}

function TrackedList({ entities }: { entities: TrackedEntity[] }) {
  return (
    <div class="tracked">
      <h3>You track</h3>
      {entities.length === 0 ? (
        <p class="muted">No companies yet.</p>
      ) : (
        <ul class="chips" aria-label="Companies you track">
          {entities.map((e) => (
            <li key={e.id} class="chip">
              <span class="swatch" style={{ background: e.color }} aria-hidden="true" />
              {e.name}
            </li>
          ))}
        </ul>
      )}
      <p class="muted">
        Add other spellings, words to leave out and watchlists at any time in the{' '}
        <a href="options.html" target="_blank" rel="noopener">
          options
        </a>
        .
      </p>
    </div>
  );
}
