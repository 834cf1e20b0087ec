import { render } from 'preact';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { backgroundClient } from '@/utils/client';
import { openStoryReader } from '@/utils/db/reader';
import '@/components/theme.css';
import '@/components/dashboard/dashboard.css';

render(
  <Dashboard client={backgroundClient} store={openStoryReader()} />,
  document.getElementById('app') as HTMLElement,
);
