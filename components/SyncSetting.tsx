import { useEffect, useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import { relativeTime } from '@/utils/relative-time';
import type { SyncStatus } from '@/utils/sync/items';
import { useAsync } from './useAsync';

/**
 * The switch for the browser's own sync, with why it is paused when it is. Turning it on merges
 * at once, so the line under it is up to date when the answer comes.
 */
export function SyncSetting({ client }: { client: StoreClient }) {
  const loaded = useAsync(() => client.getSync());
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (loaded.value) setStatus(loaded.value);
  }, [loaded.value]);

  if (!status) return loaded.error ? <p role="alert">{loaded.error}</p> : null;

  async function toggle(enabled: boolean) {
    if (!status) return;
    // Shown at once, as the person chose; put back if the background refuses it.
    const before = status;
    setStatus({ ...status, enabled });
    try {
      setStatus(await client.setSync(enabled));
      setNotice(enabled ? 'Sync is on.' : 'Sync is off: changes here stay in this browser.');
      setError(null);
    } catch (e) {
      setStatus(before);
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const synced = status.enabled && !status.problem && status.lastSynced !== null;
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <fieldset>
        <legend>Across browsers</legend>
        <label class="inline">
          <input
            type="checkbox"
            checked={status.enabled}
            aria-describedby="sync-explained sync-state"
            onChange={(event) => toggle(event.currentTarget.checked)}
          />
          Sync companies and settings across browsers
        </label>
        <p id="sync-explained" class="muted">
          Through the browser’s own sync, to each browser signed in to it. Stories stay on this device.
        </p>
        <p
          id="sync-state"
          class={status.problem ? 'error' : 'muted'}
          hidden={!(synced || (status.enabled && status.problem))}
        >
          {status.enabled && status.problem}
          {synced && `Last synced ${relativeTime(status.lastSynced as number, Date.now())}.`}
        </p>
      </fieldset>
      <Feedback notice={notice} error={error} />
    </section>
  );
}
