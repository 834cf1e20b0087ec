import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import type { FeedClient } from '@/utils/feed-client';
import type { Settings } from '@/utils/settings';
import type { SiteAccess } from '@/utils/site-access';
import type { CompanySuggestion } from '@/utils/suggest/suggestion';
import { BrandMark } from './BrandMark';
import { SiteAccessNotice } from './SiteAccess';
import { StoryBrowser } from './StoryBrowser';
import { SuggestedCompanies } from './SuggestedCompanies';
import { ThisPage } from './ThisPage';
import { useAsync } from './useAsync';
import { WatchSiteFeed } from './WatchSiteFeed';

export interface ActiveTab {
  id: number;
  url: string | null;
}

export interface PopupProps {
  client: StoreClient;
  /** The tab the popup was opened over (browser.tabs.query in the real popup). */
  getActiveTab(): Promise<ActiveTab | null>;
  openOptions(): void;
  /** Opens the dashboard in a tab; the button is shown only when given. */
  openDashboard?(): void;
  /** Whether the browser lets News Tracker read pages; a notice shows when it does not. */
  siteAccess?: SiteAccess;
  /** The watched feeds, for "Watch this site's news"; not offered when absent. */
  feeds?: FeedClient;
}

/** After a company is tracked the content script rescans the page; its new report arrives within a moment. */
const STATUS_RELOADS_MS = [300, 1000, 2500];

async function loadPage(client: StoreClient, getActiveTab: () => Promise<ActiveTab | null>) {
  const tab = await getActiveTab();
  const [status, standing] = tab
    ? await Promise.all([
        client.getPageStatus(tab.id),
        // The page is read again only to offer "Record this page"; without it the rest still shows.
        client.readPage(tab.id).catch(() => null),
      ])
    : [null, null];
  // Without the tabs permission the tab's address is hidden; the page's own report carries it.
  return { url: standing?.url ?? status?.url ?? tab?.url ?? null, status, standing, tabId: tab?.id ?? null };
}

/**
 * Suggestions are asked for as soon as the popup knows its tab: reading the article is the
 * slowest thing the popup shows and needs nothing from the background, so it runs while the
 * tracked list, settings and page status load (and the background wakes up), not after them.
 * They are shown only where the page may be an article (below).
 */
function askForSuggestions(
  client: StoreClient,
  getActiveTab: () => Promise<ActiveTab | null>,
): Promise<CompanySuggestion[] | null> {
  const asked = getActiveTab().then((tab) => (tab ? client.suggestCompanies(tab.id) : null));
  // On a page that is not an article nothing shows them, nor their failure: that is no error.
  asked.catch(() => undefined);
  return asked;
}

export function Popup({ client, getActiveTab, openOptions, openDashboard, siteAccess, feeds }: PopupProps) {
  const [suggestions] = useState(() => askForSuggestions(client, getActiveTab));
  const entities = useAsync(() => client.listEntities());
  const settings = useAsync(() => client.getSettings());
  const page = useAsync(() => loadPage(client, getActiveTab));
  const problem = useAsync(() => client.getStorageProblem());

  async function saveSettings(next: Settings) {
    await client.saveSettings(next);
    settings.reload();
  }

  /** Counts changes to the stories made from "This page", so the list shows them. */
  const [storyChanges, setStoryChanges] = useState(0);
  const corrected = () => {
    page.reload();
    setStoryChanges((n) => n + 1);
  };

  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  function showTracked() {
    entities.reload();
    timers.current.push(...STATUS_RELOADS_MS.map((ms) => setTimeout(page.reload, ms)));
  }

  const error = entities.error ?? settings.error ?? page.error;
  return (
    <main class="popup">
      <header class="popup-head">
        <h1 class="brand">
          <BrandMark size={18} />
          News Tracker
        </h1>
        <span class="head-actions">
          {openDashboard && (
            <button type="button" onClick={openDashboard}>
              Dashboard
            </button>
          )}
          <button type="button" onClick={openOptions}>
            Options
          </button>
        </span>
      </header>
      {siteAccess && <SiteAccessNotice siteAccess={siteAccess} openOptions={openOptions} />}
      {problem.value && (
        <p role="alert" class="error banner">
          {problem.value}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {settings.value && entities.value && page.value && (
        <ThisPage
          url={page.value.url}
          status={page.value.status}
          standing={page.value.standing}
          onRecordPage={async () => {
            const { tabId, standing } = page.value ?? {};
            const recorded = tabId != null && standing ? await client.recordPage(tabId, standing.url) : false;
            corrected();
            return recorded;
          }}
          onNotNews={async () => {
            const { tabId, standing } = page.value ?? {};
            if (tabId == null || !standing) return;
            await client.markNotNews(standing.storyUrl, { id: tabId, url: standing.url });
            corrected();
          }}
          entities={entities.value}
          settings={settings.value}
          onSettingsChange={saveSettings}
          feedOffer={feeds && page.value.status && <WatchSiteFeed feeds={feeds} status={page.value.status} />}
          suggestions={
            // Suggestions are for articles: a page the content script found not to be one gets none.
            page.value.tabId !== null &&
            (page.value.standing?.isArticle ?? page.value.status?.isArticle) !== false && (
              <SuggestedCompanies
                client={client}
                tabId={page.value.tabId}
                asked={suggestions}
                entities={entities.value}
                onTracked={showTracked}
              />
            )
          }
        />
      )}
      {entities.value?.length === 0 && <Welcome openOptions={openOptions} />}
      {entities.value && entities.value.length > 0 && (
        <StoryBrowser client={client} entities={entities.value} changes={storyChanges} />
      )}
    </main>
  );
}

function Welcome({ openOptions }: { openOptions(): void }) {
  return (
    <section class="welcome card" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Start by adding the companies you follow</h2>
      <p>
        News Tracker then highlights them in the news you read and keeps a private list of those stories here. Nothing
        leaves your browser.
      </p>
      <button type="button" class="primary" onClick={openOptions}>
        Add companies
      </button>
    </section>
  );
}
