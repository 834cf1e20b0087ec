import { useEffect, useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import type { HighlightScope, Settings } from '@/utils/settings';
import { parseSiteList } from '@/utils/site-list';
import { useAsync } from './useAsync';

const SCOPES: { value: HighlightScope; label: string }[] = [
  { value: 'articles', label: 'On news articles (recommended)' },
  { value: 'all', label: 'On every page' },
  { value: 'off', label: 'Nowhere' },
];

/** Every setting, saved as soon as it changes (the site list when it loses focus or on Save). */
export function SettingsForm({ client }: { client: StoreClient }) {
  const loaded = useAsync(() => client.getSettings());
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sites, setSites] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!loaded.value) return;
    setSettings(loaded.value);
    setSites(loaded.value.disabledSites.join('\n'));
  }, [loaded.value]);

  if (!settings) return loaded.error ? <p role="alert">{loaded.error}</p> : null;

  async function save(next: Settings, what = 'Settings saved.') {
    try {
      setSettings(await client.saveSettings(next));
      setNotice(what);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function saveSites() {
    if (!settings) return;
    const { hosts, invalid } = parseSiteList(sites);
    if (invalid.length > 0) {
      setError(`Not a site: ${invalid.join(', ')}. Write sites like example.com, one per line.`);
      return;
    }
    setSites(hosts.join('\n'));
    void save({ ...settings, disabledSites: hosts }, 'Sites saved.');
  }

  const number = (key: 'retentionDays' | 'retentionCount') => (e: Event) => {
    const value = Number((e.currentTarget as HTMLInputElement).value);
    if (Number.isInteger(value) && value >= 0) void save({ ...settings, [key]: value });
    else setError('Enter a whole number, 0 or more.');
  };

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <fieldset>
        <legend>Highlight tracked companies</legend>
        {SCOPES.map((scope) => (
          <label key={scope.value} class="inline">
            <input
              type="radio"
              name="highlight-scope"
              checked={settings.highlightScope === scope.value}
              onChange={() => save({ ...settings, highlightScope: scope.value })}
            />
            {scope.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Record stories</legend>
        <label class="inline">
          <input
            type="radio"
            name="record"
            checked={!settings.recordOnlyBusiness}
            onChange={() => save({ ...settings, recordOnlyBusiness: false })}
          />
          Every news article that mentions a tracked company (business stories are marked)
        </label>
        <label class="inline">
          <input
            type="radio"
            name="record"
            checked={settings.recordOnlyBusiness}
            onChange={() => save({ ...settings, recordOnlyBusiness: true })}
          />
          Only business news
        </label>
      </fieldset>
      <fieldset>
        <legend>On the page and off it</legend>
        <label class="inline">
          <input
            type="checkbox"
            checked={settings.showPanel}
            onChange={(e) => save({ ...settings, showPanel: e.currentTarget.checked })}
          />
          Show the News Tracker panel on articles
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={settings.notifications}
            onChange={(e) => save({ ...settings, notifications: e.currentTarget.checked })}
          />
          Notify me about new stories
        </label>
      </fieldset>
      <fieldset>
        <legend>Sites</legend>
        <label>
          Sites where News Tracker does nothing at all (one per line)
          <textarea value={sites} rows={3} onInput={(e) => setSites(e.currentTarget.value)} onBlur={saveSites} />
        </label>
        <button type="button" onClick={saveSites}>
          Save sites
        </button>
      </fieldset>
      <fieldset>
        <legend>Keep stories</legend>
        <label class="inline">
          For
          <input
            type="number"
            min={0}
            step={1}
            class="short"
            value={settings.retentionDays}
            onChange={number('retentionDays')}
          />
          days (0 keeps them for ever)
        </label>
        <label class="inline">
          At most
          <input
            type="number"
            min={0}
            step={1}
            class="short"
            value={settings.retentionCount}
            onChange={number('retentionCount')}
          />
          stories (0 for no limit)
        </label>
      </fieldset>
      <Feedback notice={notice} error={error} />
    </section>
  );
}
