import type { StoreClient } from '@/utils/client';
import { BrandMark } from '../BrandMark';
import { useAsync } from '../useAsync';
import { FirstCompanies } from './FirstCompanies';
import { HighlightSample } from './HighlightSample';
import { PinHint } from './PinHint';

export interface WelcomeProps {
  client: StoreClient;
  /** Which browser's steps to show for pinning the button. */
  firefox?: boolean;
}

/** The page opened once, on install: what News Tracker does, its privacy promise, and three first steps. */
export function Welcome({ client, firefox = import.meta.env.FIREFOX }: WelcomeProps) {
  const tracked = useAsync(() => client.listEntities());
  return (
    <main class="welcome">
      <header class="welcome-head">
        <BrandMark size={48} />
        <div>
          <h1>Welcome to News Tracker</h1>
          <p class="lead">
            News Tracker spots news articles about the companies you follow as you read, highlights every mention, and
            keeps a log of those stories that you can search, chart and export.
          </p>
        </div>
      </header>
      <p class="privacy">
        <strong>Private by design:</strong> nothing about you or what you read ever leaves this browser, as there is no
        account, no server and no analytics.
      </p>
      <FirstCompanies client={client} tracked={tracked} />
      <HighlightSample tracked={tracked.value ?? []} />
      <PinHint firefox={firefox} />
      <p class="welcome-end">
        That is all: News Tracker starts on the next news article you open. Your stories are in the toolbar button and
        on the{' '}
        <a href="dashboard.html" target="_blank" rel="noopener">
          dashboard
        </a>
        .
      </p>
    </main>
  );
}
