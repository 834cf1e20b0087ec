import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { backgroundClient } from '@/utils/client';
import '@/components/theme.css';

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
  <Popup client={backgroundClient} getActiveTab={activeTab} openOptions={openOptions} openDashboard={openDashboard} />,
  document.getElementById('app') as HTMLElement,
);
