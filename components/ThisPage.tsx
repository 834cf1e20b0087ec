import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { TrackedEntity } from '@/utils/entities';
import type { Settings } from '@/utils/settings';
import { hostOf, toggleHost } from '@/utils/site-list';
import type { PageStatus } from '@/utils/stories';

export interface ThisPageProps {
  /** The active tab's address, or null when it is not a web page (new tab, browser settings). */
  url: string | null;
  status: PageStatus | null;
  entities: readonly TrackedEntity[];
  settings: Settings;
  onSettingsChange(settings: Settings): Promise<void>;
  /** The companies the article names that are not tracked yet (the popup puts <SuggestedCompanies> here). */
  suggestions?: ComponentChildren;
  /** "Watch this site's news", when the page advertises a feed (the popup puts <WatchSiteFeed> here). */
  feedOffer?: ComponentChildren;
}

/** What News Tracker sees on the tab the person is looking at, and the per-site highlight switch. */
export function ThisPage({ url, status, entities, settings, onSettingsChange, suggestions, feedOffer }: ThisPageProps) {
  const host = url && /^https?:/u.test(url) ? hostOf(url) : null;
  return (
    <section class="this-page card" aria-labelledby="this-page-heading">
      <h2 id="this-page-heading">This page</h2>
      {host === null ? (
        <p class="muted">News Tracker works on web pages. Open a news article to see what it finds there.</p>
      ) : settings.disabledSites.includes(host) ? (
        <p class="muted">News Tracker is switched off on {host} (see Options, Sites).</p>
      ) : (
        <>
          <PageFindings status={status} entities={entities} />
          {feedOffer}
          <HighlightSwitch host={host} settings={settings} onSettingsChange={onSettingsChange} />
          {suggestions}
        </>
      )}
    </section>
  );
}

function PageFindings({ status, entities }: { status: PageStatus | null; entities: readonly TrackedEntity[] }) {
  if (!status) return <p class="muted">Nothing checked on this page yet. Reload it to let News Tracker look.</p>;
  const byId = new Map(entities.map((e) => [e.id, e]));
  const found = status.mentions.flatMap((m) => {
    const entity = byId.get(m.entityId);
    return entity ? [{ entity, count: m.count }] : [];
  });
  return (
    <>
      <p class="page-kind">
        <span class={status.isArticle ? 'tag' : 'tag tag-muted'}>
          {status.isArticle ? 'News article' : 'Not a news article'}
        </span>
        {status.isArticle && (
          <span class={status.isBusiness ? 'tag tag-business' : 'tag tag-muted'}>
            {status.isBusiness ? 'Business news' : 'Not business news'}
          </span>
        )}
      </p>
      {found.length === 0 ? (
        <p class="muted">No tracked companies on this page.</p>
      ) : (
        <ul class="chips" aria-label="Tracked companies on this page">
          {found.map(({ entity, count }) => (
            <li key={entity.id} class="chip">
              <span class="swatch" style={{ background: entity.color }} aria-hidden="true" />
              {entity.name}
              <span class="count" aria-hidden="true">
                {count}
              </span>
              <span class="visually-hidden">{`, ${count} ${count === 1 ? 'mention' : 'mentions'}`}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface HighlightSwitchProps {
  host: string;
  settings: Settings;
  onSettingsChange(settings: Settings): Promise<void>;
}

function HighlightSwitch({ host, settings, onSettingsChange }: HighlightSwitchProps) {
  const [error, setError] = useState<string | null>(null);
  const on = !settings.highlightOffSites.includes(host);
  async function toggle(event: Event) {
    const wanted = (event.currentTarget as HTMLInputElement).checked;
    try {
      await onSettingsChange({ ...settings, highlightOffSites: toggleHost(settings.highlightOffSites, host, !wanted) });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <div class="switch-row">
      <label class="switch">
        <input type="checkbox" role="switch" checked={on} aria-checked={on} onChange={toggle} />
        Highlights on this site
      </label>
      {settings.highlightScope === 'off' && <span class="muted">Highlights are off everywhere (Options).</span>}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
