import { render } from 'preact';
import { Options } from '@/components/Options';
import { backgroundClient } from '@/utils/client';
import { backgroundFeedClient } from '@/utils/feed-client';
import { browserSiteAccess } from '@/utils/site-access';
import '@/components/theme.css';

render(
  <Options client={backgroundClient} siteAccess={browserSiteAccess} feeds={backgroundFeedClient} />,
  document.getElementById('app') as HTMLElement,
);
