import { render } from 'preact';
import { Options } from '@/components/Options';
import { backgroundClient } from '@/utils/client';
import { browserSiteAccess } from '@/utils/site-access';
import '@/components/theme.css';

render(
  <Options client={backgroundClient} siteAccess={browserSiteAccess} />,
  document.getElementById('app') as HTMLElement,
);
