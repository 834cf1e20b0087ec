import { useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import type { SiteAccess } from '@/utils/site-access';
import { BrandMark } from './BrandMark';
import { DeleteAllData } from './DeleteAllData';
import { EntityManager } from './EntityManager';
import { ImportExport } from './ImportExport';
import { SettingsForm } from './SettingsForm';
import { SiteAccessRequest } from './SiteAccess';

export interface OptionsProps {
  client: StoreClient;
  save?: (fileName: string, text: string, type: string) => void;
  /** Whether the browser lets News Tracker read pages; asked for here when it does not. */
  siteAccess?: SiteAccess;
}

export function Options({ client, save, siteAccess }: OptionsProps) {
  // Bumped when an import or deletion changes data another section shows.
  const [generation, setGeneration] = useState(0);
  const changed = () => setGeneration((g) => g + 1);
  return (
    <main class="options">
      <h1 class="brand">
        <BrandMark />
        News Tracker
      </h1>
      <p class="muted">Everything here stays in this browser. Nothing is sent anywhere.</p>
      <p>
        <a href="dashboard.html" target="_blank" rel="noopener">
          Open the dashboard
        </a>{' '}
        <span class="muted">for timelines, share of voice and the weekly digest.</span>
      </p>
      {siteAccess && <SiteAccessRequest siteAccess={siteAccess} />}
      <EntityManager client={client} generation={generation} />
      <ImportExport client={client} onImported={changed} save={save} />
      <SettingsForm key={generation} client={client} />
      <DeleteAllData client={client} onDeleted={changed} />
    </main>
  );
}
