import { useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import type { TrackedEntity } from '@/utils/entities';
import { type CompanySuggestion, untrackedSuggestions } from '@/utils/suggest/suggestion';
import { useAsync } from './useAsync';
import './SuggestedCompanies.css';

export const NOTHING_FOUND = 'No company names found in this article.';

export interface SuggestedCompaniesProps {
  client: StoreClient;
  tabId: number;
  /** The suggestions for that tab, when the popup asked for them already; asked for here otherwise. */
  asked?: Promise<CompanySuggestion[] | null>;
  entities: readonly TrackedEntity[];
  /** Called after a company was added, so the popup can show it as tracked. */
  onTracked(entity: TrackedEntity): void;
}

/**
 * Up to five organisations the article is about that are not tracked yet, each with a one-click
 * "Track" that adds it with the spellings the article used. The tab is read once, when the
 * popup opens; what is tracked is filtered out on every render, so a tracked company leaves the
 * list at once.
 */
export function SuggestedCompanies({ client, tabId, asked, entities, onTracked }: SuggestedCompaniesProps) {
  const found = useAsync(() => asked ?? client.suggestCompanies(tabId));
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function track(name: string, aliases: string[]) {
    setBusy(name);
    try {
      const entity = await client.addEntity({ name, aliases });
      setDone(`Now tracking ${entity.name}.`);
      setError(null);
      onTracked(entity);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  if (found.error) return <p class="muted suggestions-note">{found.error}</p>;
  if (found.value === undefined) return <p class="muted suggestions-note">Looking for companies in this article…</p>;
  // The tab holds no article (a list of links, a search page): nothing to suggest, nothing to say.
  if (found.value === null) return null;
  // Said only when the article names none at all: when every one is tracked, "This page" shows them.
  if (found.value.length === 0) return <p class="muted suggestions-note">{NOTHING_FOUND}</p>;
  const shown = untrackedSuggestions(found.value, entities);
  // Everything found is tracked already ("This page" lists them): nothing to add here, not even a rule.
  if (shown.length === 0 && !done && !error) return null;
  return (
    <div class="suggestions">
      {shown.length > 0 && (
        <>
          <h3 id="suggestions-heading">Also in this article</h3>
          <ul class="suggestion-list" aria-labelledby="suggestions-heading">
            {shown.map((s) => (
              <li key={s.name} class="suggestion">
                <span class="suggestion-text">
                  <span class="name">{s.name}</span>
                  {s.aliases.length > 0 && <span class="aliases">also {s.aliases.join(', ')}</span>}
                </span>
                <button
                  type="button"
                  aria-label={`Track ${s.name}`}
                  disabled={busy !== null}
                  onClick={() => track(s.name, s.aliases)}
                >
                  Track
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status" class="muted">
        {done}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
