import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { TrackedEntity } from '@/utils/entities';
import type { Settings } from '@/utils/settings';
import { hostOf, toggleHost } from '@/utils/site-list';
import type { MentionCount, PageStanding, PageStatus } from '@/utils/stories';

export interface ThisPageProps {
  /** The active tab's address, or null when it is not a web page (new tab, browser settings). */
  url: string | null;
  status: PageStatus | null;
  /** What the page's text names, read when the popup opened, and where its address stands; null when it could not be read. */
  standing?: PageStanding | null;
  entities: readonly TrackedEntity[];
  settings: Settings;
  onSettingsChange(settings: Settings): Promise<void>;
  /** "Record this page"; resolves to whether a story was stored. */
  onRecordPage?(): Promise<boolean>;
  /** "Not a news story", for the story recorded from this page. */
  onNotNews?(): Promise<void>;
  /** The companies the article names that are not tracked yet (the popup puts <SuggestedCompanies> here). */
  suggestions?: ComponentChildren;
  /** "Watch this site's news", when the page advertises a feed (the popup puts <WatchSiteFeed> here). */
  feedOffer?: ComponentChildren;
}

/**
 * What News Tracker sees on the tab the person is looking at, the person's word on it ("Record
 * this page", "Not a news story") and the per-site switches.
 */
export function ThisPage(props: ThisPageProps) {
  const { url, status, standing = null, entities, settings, onSettingsChange, suggestions, feedOffer } = props;
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
          <PageFindings status={status} standing={standing} entities={entities} />
          {/* The person's word on the page and on its site, together: what News Tracker takes for news. */}
          <div class="page-corrections">
            {standing && <PageVerdict {...props} standing={standing} />}
            {(settings.newsSites.includes(host) || missedNews(status, standing)) && (
              <SiteSwitch
                label="Treat pages on this site as news"
                on={settings.newsSites.includes(host)}
                save={(on) => onSettingsChange({ ...settings, newsSites: toggleHost(settings.newsSites, host, on) })}
              />
            )}
          </div>
          {feedOffer}
          <SiteSwitch
            label="Highlights on this site"
            on={!settings.highlightOffSites.includes(host)}
            save={(on) =>
              onSettingsChange({ ...settings, highlightOffSites: toggleHost(settings.highlightOffSites, host, !on) })
            }
            note={settings.highlightScope === 'off' ? 'Highlights are off everywhere (Options).' : null}
          />
          {suggestions}
        </>
      )}
    </section>
  );
}

/**
 * A page not taken for news although its text names a tracked company: where the person may say
 * its site is news. Elsewhere the switch would only crowd the popup (it stays while it is on).
 */
function missedNews(status: PageStatus | null, standing: PageStanding | null): boolean {
  const page = standing ?? status;
  return page !== null && !page.isArticle && page.mentions.some((m) => m.count > 0);
}

/** The companies in `mentions` that are tracked, with their counts. */
function named(mentions: readonly MentionCount[], entities: readonly TrackedEntity[]) {
  const byId = new Map(entities.map((e) => [e.id, e]));
  return mentions.flatMap((m) => {
    const entity = byId.get(m.entityId);
    return entity && m.count > 0 ? [{ entity, count: m.count }] : [];
  });
}

interface FindingsProps {
  status: PageStatus | null;
  standing: PageStanding | null;
  entities: readonly TrackedEntity[];
}

/**
 * Whether the page is taken for a news article, and the companies its text names (what its story
 * records), then those named only elsewhere on it (menus, other stories' links).
 */
function PageFindings({ status, standing, entities }: FindingsProps) {
  if (!status && !standing) {
    return <p class="muted">Nothing checked on this page yet. Reload it to let News Tracker look.</p>;
  }
  // A page whose story is stored is news to the person, even where its look alone does not say so
  // (recorded by hand on an earlier visit).
  const isArticle = (standing && (standing.isArticle || standing.recorded)) ?? status?.isArticle ?? false;
  const isBusiness = standing?.isBusiness ?? status?.isBusiness ?? false;
  const found = named(standing?.mentions ?? status?.mentions ?? [], entities);
  const elsewhere = named(status?.elsewhere ?? [], entities);
  return (
    <>
      <p class="page-kind">
        <span class={isArticle ? 'tag' : 'tag tag-muted'}>{isArticle ? 'News article' : 'Not a news article'}</span>
        {isArticle && (
          <span class={isBusiness ? 'tag tag-business' : 'tag tag-muted'}>
            {isBusiness ? 'Business news' : 'Not business news'}
          </span>
        )}
      </p>
      {found.length === 0 ? (
        <p class="muted">
          {isArticle ? 'The article names no tracked company.' : 'No tracked companies on this page.'}
        </p>
      ) : (
        <ul
          class="chips"
          aria-label={isArticle ? 'Tracked companies in the article' : 'Tracked companies on this page'}
        >
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
      {elsewhere.length > 0 && (
        <p class="muted elsewhere">
          Elsewhere on the page, not in the story: {elsewhere.map((f) => f.entity.name).join(', ')}
        </p>
      )}
    </>
  );
}

/**
 * The person's word on the page: "Record this page" where News Tracker did not record it (not
 * taken for an article, or marked not news) although its text names a tracked company, and
 * "Not a news story" where it is recorded.
 */
function PageVerdict({ standing, onRecordPage, onNotNews }: ThisPageProps & { standing: PageStanding }) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setNotice(await action());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const canRecord = !standing.recorded && standing.mentions.length > 0 && (standing.notNews || !standing.isArticle);
  const record = () =>
    run(async () =>
      (await onRecordPage?.())
        ? 'Recorded: the page is in your stories and highlighted.'
        : 'Nothing recorded: the page’s text names none of your companies.',
    );
  const notNews = () =>
    run(async () => {
      await onNotNews?.();
      return 'Removed. This address will not be recorded again.';
    });
  const why = standing.notNews
    ? 'You said this address is not a news story, so it is not recorded.'
    : 'Not recognised as a news story, so it was not recorded.';
  return (
    <div class="page-verdict">
      {/* What the last action did, else why the page is not recorded: the words come before the button. */}
      <p role="status" class="notice">
        {notice || (canRecord ? why : '')}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {canRecord && onRecordPage && (
        <button type="button" class="primary" disabled={busy} onClick={record}>
          Record this page
        </button>
      )}
      {standing.recorded && onNotNews && (
        <button type="button" disabled={busy} onClick={notNews}>
          Not a news story
        </button>
      )}
    </div>
  );
}

interface SiteSwitchProps {
  label: string;
  on: boolean;
  save(on: boolean): Promise<void>;
  note?: string | null;
}

/** A per-site switch, saved as soon as it is flipped. */
function SiteSwitch({ label, on, save, note }: SiteSwitchProps) {
  const [error, setError] = useState<string | null>(null);
  async function toggle(event: Event) {
    try {
      await save((event.currentTarget as HTMLInputElement).checked);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <div class="switch-row">
      <label class="switch">
        <input type="checkbox" role="switch" checked={on} aria-checked={on} onChange={toggle} />
        {label}
      </label>
      {note && <span class="muted">{note}</span>}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
