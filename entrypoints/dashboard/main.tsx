import { render } from 'preact';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { backgroundClient } from '@/utils/client';
import { indexedDbDashboardStore } from '@/utils/dashboard/store';
import '@/components/theme.css';
import '@/components/dashboard/dashboard.css';

/** The benchmark and the end-to-end test wait for this mark: the first charts are on screen. */
function markReady() {
  performance.mark('dashboard-ready');
  document.documentElement.dataset.ready = 'true';
}

render(
  <Dashboard client={backgroundClient} store={indexedDbDashboardStore()} onReady={markReady} />,
  document.getElementById('app') as HTMLElement,
);
