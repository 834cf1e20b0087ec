import { useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import { pastedNames } from '@/utils/entity-form';
import { useActionError } from './useActionError';

export interface BulkAddProps {
  client: StoreClient;
  onAdded(): void;
}

/** Paste a list of names (one per line) and track them all at once. */
export function BulkAdd({ client, onAdded }: BulkAddProps) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useActionError();

  async function addAll(event: Event) {
    event.preventDefault();
    const names = pastedNames(text);
    if (names.length === 0) {
      setError('Paste at least one name, one per line.');
      return;
    }
    try {
      const { added, skipped } = await client.addEntities(names.map((name) => ({ name })));
      const skippedText = skipped.map((s) => `${s.name} (${s.reason.replace(/\.$/u, '')})`).join('; ');
      setResult(`Added ${added.length} of ${names.length}.${skipped.length > 0 ? ` Skipped: ${skippedText}.` : ''}`);
      setError(null);
      setText('');
      onAdded();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <details class="bulk-add">
      <summary>Paste many names at once</summary>
      <form class="entity-form" onSubmit={addAll}>
        <label>
          Names, one per line
          <textarea value={text} rows={6} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit">Add all</button>
        <p role="status">{result}</p>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
