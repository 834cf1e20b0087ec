import { useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import { useActionError } from './useActionError';

/** "Delete all data", behind a second, explicit confirmation. */
export function DeleteAllData({ client, onDeleted }: { client: StoreClient; onDeleted(): void }) {
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useActionError();

  async function confirm() {
    try {
      await client.deleteAllData();
      setAsking(false);
      setNotice('All tracked companies, stories and settings were deleted.');
      setError(null);
      onDeleted();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section aria-labelledby="danger-heading" class="danger">
      <h2 id="danger-heading">Delete all data</h2>
      {asking ? (
        <div class="card">
          <p id="danger-question">
            Delete every tracked company, every recorded story and your settings? With sync on, your companies and
            settings go from your other browsers too. This cannot be undone; export first if you may want them back.
          </p>
          <div class="button-row">
            <button type="button" class="destructive" onClick={confirm}>
              Yes, delete everything
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="destructive" onClick={() => setAsking(true)}>
          Delete all data…
        </button>
      )}
      <Feedback notice={notice} error={error} />
    </section>
  );
}
