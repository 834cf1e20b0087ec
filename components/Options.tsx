import { Fragment, type JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { StoreClient } from '@/utils/client';
import type { FeedClient } from '@/utils/feed-client';
import type { SiteAccess } from '@/utils/site-access';
import { BrandMark } from './BrandMark';
import { DeleteAllData } from './DeleteAllData';
import { EntityManager } from './EntityManager';
import { Feeds } from './Feeds';
import { ImportExport } from './ImportExport';
import { SettingsForm } from './SettingsForm';
import { SiteAccessRequest } from './SiteAccess';
import { SyncSetting } from './SyncSetting';
import { ActionCounter } from './useActionError';

export interface OptionsProps {
  client: StoreClient;
  save?: (fileName: string, text: string, type: string) => void;
  /** Whether the browser lets News Tracker read pages; asked for here when it does not. */
  siteAccess?: SiteAccess;
  /** The watched news feeds; the "News feeds" section shows when given. */
  feeds?: FeedClient;
}

/** A section of the options page: its heading's id, its name in the section menu, and the section. */
interface OptionsSection {
  id: string;
  label: string;
  body: JSX.Element;
}

export function Options({ client, save, siteAccess, feeds }: OptionsProps) {
  // Bumped when an import or deletion changes data another section shows.
  const [generation, setGeneration] = useState(0);
  const changed = () => setGeneration((g) => g + 1);
  // In page order; the menu is built from this list, so a new section is one more entry.
  const sections: OptionsSection[] = [
    {
      id: 'tracked-heading',
      label: 'Tracked companies',
      body: <EntityManager client={client} generation={generation} />,
    },
    ...(feeds
      ? [
          {
            id: 'feeds-heading',
            label: 'News feeds',
            body: <Feeds key={generation} feeds={feeds} client={client} save={save} />,
          },
        ]
      : []),
    {
      id: 'transfer-heading',
      label: 'Import and export',
      body: <ImportExport client={client} onImported={changed} save={save} />,
    },
    { id: 'settings-heading', label: 'Settings', body: <SettingsForm key={generation} client={client} /> },
    { id: 'sync-heading', label: 'Sync', body: <SyncSetting client={client} /> },
    { id: 'danger-heading', label: 'Delete all data', body: <DeleteAllData client={client} onDeleted={changed} /> },
  ];
  return (
    <ActionCounter class="options">
      <h1 class="brand">
        <BrandMark />
        News Tracker
      </h1>
      <p class="muted">
        Your stories stay in this browser. Companies and settings go only to the browser’s own sync; nothing is sent
        anywhere else.
      </p>
      <p>
        <a href="dashboard.html" target="_blank" rel="noopener">
          Open the dashboard
        </a>{' '}
        <span class="muted">for timelines, share of voice and the weekly digest.</span>
      </p>
      <SectionMenu sections={sections} />
      {siteAccess && <SiteAccessRequest siteAccess={siteAccess} />}
      {sections.map((section) => (
        <Fragment key={section.id}>{section.body}</Fragment>
      ))}
    </ActionCounter>
  );
}

/** One link to each section, kept in view while scrolling. */
function SectionMenu({ sections }: { sections: readonly OptionsSection[] }) {
  return (
    <nav class="section-menu" aria-label="Options sections">
      {sections.map(({ id, label }) => (
        <a key={id} href={`#${id}`}>
          {label}
        </a>
      ))}
    </nav>
  );
}
