/**
 * The options page's settings, one fieldset each (SettingsForm saves them). Each change is
 * saved as soon as it is made: `change` takes the settings that differ and what to say once
 * they are saved.
 */
import { useState } from 'preact/hooks';
import type { HighlightScope, Settings } from '@/utils/settings';
import { parseSiteList } from '@/utils/site-list';

export interface FieldProps {
  settings: Settings;
  change(patch: Partial<Settings>, saved?: string): void;
  /** Shows why what was entered cannot be saved. */
  refuse(message: string): void;
}

const SCOPES: { value: HighlightScope; label: string }[] = [
  { value: 'articles', label: 'On news articles (recommended)' },
  { value: 'all', label: 'On every page' },
  { value: 'off', label: 'Nowhere' },
];

export function HighlightScopeField({ settings, change }: FieldProps) {
  return (
    <fieldset>
      <legend>Highlight tracked companies</legend>
      {SCOPES.map((scope) => (
        <label key={scope.value} class="inline">
          <input
            type="radio"
            name="highlight-scope"
            checked={settings.highlightScope === scope.value}
            onChange={() => change({ highlightScope: scope.value })}
          />
          {scope.label}
        </label>
      ))}
    </fieldset>
  );
}

export function RecordField({ settings, change }: FieldProps) {
  return (
    <fieldset>
      <legend>Record stories</legend>
      <label class="inline">
        <input
          type="radio"
          name="record"
          checked={!settings.recordOnlyBusiness}
          onChange={() => change({ recordOnlyBusiness: false })}
        />
        Every news article that mentions a tracked company (business stories are marked)
      </label>
      <label class="inline">
        <input
          type="radio"
          name="record"
          checked={settings.recordOnlyBusiness}
          onChange={() => change({ recordOnlyBusiness: true })}
        />
        Only business news
      </label>
    </fieldset>
  );
}

export function PageFields({ settings, change }: FieldProps) {
  return (
    <fieldset>
      <legend>On the page and off it</legend>
      <label class="inline">
        <input
          type="checkbox"
          checked={settings.showPanel}
          onChange={(e) => change({ showPanel: e.currentTarget.checked })}
        />
        Show the News Tracker panel on articles
      </label>
      <label class="inline">
        <input
          type="checkbox"
          checked={settings.notifications}
          onChange={(e) => change({ notifications: e.currentTarget.checked })}
        />
        Notify me about new stories
      </label>
    </fieldset>
  );
}

/** The list of sites switched off, saved like every other field once changed (when it loses focus), once every line is a site. */
export function SitesField({ settings, change, refuse }: FieldProps) {
  const [sites, setSites] = useState(settings.disabledSites.join('\n'));
  const saveSites = () => {
    const { hosts, invalid } = parseSiteList(sites);
    if (invalid.length > 0) {
      refuse(`Not a site: ${invalid.join(', ')}. Write sites like example.com, one per line.`);
      return;
    }
    setSites(hosts.join('\n'));
    change({ disabledSites: hosts }, 'Sites saved.');
  };
  return (
    <fieldset>
      <legend>Sites</legend>
      <label>
        Sites where News Tracker does nothing at all (one per line)
        <textarea
          value={sites}
          rows={3}
          placeholder="e.g. example.com"
          onInput={(e) => setSites(e.currentTarget.value)}
          onChange={saveSites}
        />
      </label>
    </fieldset>
  );
}

/** The sites the person treats as news (set from the popup's "This page"), each removable. */
export function NewsSitesField({ settings, change }: FieldProps) {
  return (
    <fieldset>
      <legend>Sites treated as news</legend>
      {settings.newsSites.length === 0 ? (
        <p class="muted">
          None yet. On a page News Tracker did not take for news, switch on “Treat pages on this site as news” in the
          popup.
        </p>
      ) : (
        <ul class="site-list" aria-label="Sites treated as news">
          {settings.newsSites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                aria-label={`Stop treating ${host} as news`}
                title={`Stop treating ${host} as news`}
                onClick={() =>
                  change(
                    { newsSites: settings.newsSites.filter((h) => h !== host) },
                    `${host} is no longer treated as news.`,
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

interface WholeNumberProps {
  /** The words before and after the field, which name it. */
  label: [string, string];
  value: number;
  onValue(n: number): void;
  refuse(message: string): void;
}

/** A whole number of 0 or more, saved when it changes; anything else is refused with a reason. */
function WholeNumber({ label, value, onValue, refuse }: WholeNumberProps) {
  const changed = (e: Event) => {
    const n = Number((e.currentTarget as HTMLInputElement).value);
    if (Number.isInteger(n) && n >= 0) onValue(n);
    else refuse('Enter a whole number, 0 or more.');
  };
  return (
    <label class="inline">
      {label[0]}
      <input type="number" min={0} step={1} class="short" value={value} onChange={changed} />
      {label[1]}
    </label>
  );
}

export function RetentionFields({ settings, change, refuse }: FieldProps) {
  return (
    <fieldset>
      <legend>Keep stories</legend>
      <WholeNumber
        label={['For', 'days (0 keeps them for ever)']}
        value={settings.retentionDays}
        onValue={(n) => change({ retentionDays: n })}
        refuse={refuse}
      />
      <WholeNumber
        label={['At most', 'stories (0 for no limit)']}
        value={settings.retentionCount}
        onValue={(n) => change({ retentionCount: n })}
        refuse={refuse}
      />
    </fieldset>
  );
}
