import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { backgroundClient, suggestFromTab } from '@/utils/client';
import { backgroundFeedClient } from '@/utils/feed-client';
import { browserSiteAccess } from '@/utils/site-access';
import { loadSuggester } from '@/utils/suggest/suggester';
import '@/components/theme.css';

// The company finder is loaded with the popup (options and dashboard never load it) and its
// model inflated now, while the popup renders and the tab reads the article.
const suggester = loadSuggester();
suggester.catch(() => undefined);
const client = { ...backgroundClient, suggestCompanies: (tabId: number) => suggestFromTab(tabId, suggester) };

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
}

function openOptions() {
  void browser.runtime.openOptionsPage();
  window.close();
}

function openDashboard() {
  void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
  window.close();
}

render(
  <Popup
    client={client}
    getActiveTab={activeTab}
    openOptions={openOptions}
    openDashboard={openDashboard}
    siteAccess={browserSiteAccess}
    feeds={backgroundFeedClient}
  />,
  document.getElementById('app') as HTMLElement,
);
