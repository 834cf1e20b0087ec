import { useEffect, useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import type { Settings } from '@/utils/settings';
import {
  HighlightScopeField,
  NewsSitesField,
  PageFields,
  RecordField,
  RetentionFields,
  SitesField,
} from './SettingsFields';
import { useActionError } from './useActionError';
import { useAsync } from './useAsync';

/** Every setting, saved as soon as it changes: a choice when it is made, a typed value when the field is left. */
export function SettingsForm({ client }: { client: StoreClient }) {
  const loaded = useAsync(() => client.getSettings());
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useActionError();

  useEffect(() => {
    if (loaded.value) setSettings(loaded.value);
  }, [loaded.value]);

  if (!settings) return loaded.error ? <p role="alert">{loaded.error}</p> : null;

  async function change(patch: Partial<Settings>, saved = 'Settings saved.') {
    if (!settings) return;
    // Shown at once, as the person chose; put back if the background refuses it.
    const before = settings;
    const next = { ...settings, ...patch };
    setSettings(next);
    try {
      setSettings(await client.saveSettings(next));
      setNotice(saved);
      setError(null);
    } catch (e) {
      setSettings(before);
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const fields = { settings, change, refuse: setError };
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <HighlightScopeField {...fields} />
      <RecordField {...fields} />
      <PageFields {...fields} />
      <SitesField {...fields} />
      <NewsSitesField {...fields} />
      <RetentionFields {...fields} />
      <Feedback notice={notice} error={error} />
    </section>
  );
}
