import { useState } from 'preact/hooks';
import { Feedback } from '@/components/Feedback';
import type { StoreClient } from '@/utils/client';
import { companiesToCsv, companiesToJson, readCompaniesFile } from '@/utils/transfer/companies';
import { checkSize } from '@/utils/transfer/errors';
import { exportFileName } from '@/utils/transfer/files';
import { companiesToWrite, type ImportPreview as Plan, previewImport } from '@/utils/transfer/preview';
import { newSites, readBackupSites, type SiteLists, withSites } from '@/utils/transfer/settings';
import { storiesToCsv, storiesToJson } from '@/utils/transfer/stories';
import { saveTextFile } from './download';
import { ImportPreview } from './ImportPreview';
import { useActionError } from './useActionError';

export interface ImportExportProps {
  client: StoreClient;
  onImported(): void;
  /** Where exported files go; a download unless a test says otherwise. */
  save?: (fileName: string, text: string, type: string) => void;
}

const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv;charset=utf-8';

/** Export companies and stories as JSON or CSV; import companies after showing what would change. */
export function ImportExport({ client, onImported, save = saveTextFile }: ImportExportProps) {
  const [preview, setPreview] = useState<{ file: string; plan: Plan; sites: SiteLists | null } | null>(null);
  const [error, setError] = useActionError();
  const [notice, setNotice] = useState('');

  async function exportAs(kind: 'companies' | 'stories', format: 'json' | 'csv') {
    try {
      const { entities, stories } = await client.exportData();
      const now = Date.now();
      const text =
        kind === 'companies'
          ? format === 'json'
            ? companiesToJson(entities, now, await client.getSettings())
            : companiesToCsv(entities)
          : format === 'json'
            ? storiesToJson(stories, now)
            : storiesToCsv(stories, entities);
      save(exportFileName(kind, format, now), text, format === 'json' ? JSON_TYPE : CSV_TYPE);
      setNotice(`Exported ${kind === 'companies' ? entities.length : stories.length} ${kind}.`);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setPreview(null);
    setNotice('');
    try {
      checkSize(file.size);
      const text = await file.text();
      const incoming = readCompaniesFile(text, file.name);
      const sites = readBackupSites(text);
      setPreview({
        file: file.name,
        plan: previewImport(incoming, await client.listEntities()),
        sites: sites && newSites(await client.getSettings(), sites),
      });
      setError(null);
    } catch (e) {
      setError(`${file.name}: ${e instanceof Error ? e.message : String(e)} Nothing was imported.`);
    }
  }

  async function confirm() {
    if (!preview) return;
    try {
      const { added, changed } = await client.importEntities(companiesToWrite(preview.plan));
      if (preview.sites) await client.saveSettings(withSites(await client.getSettings(), preview.sites));
      setNotice(`Imported ${preview.file}: ${added} added, ${changed} changed.`);
      setPreview(null);
      setError(null);
      onImported();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Import and export</h2>
      <div class="export-grid">
        <button type="button" onClick={() => exportAs('companies', 'json')}>
          Export companies (JSON)
        </button>
        <button type="button" onClick={() => exportAs('companies', 'csv')}>
          Export companies (CSV)
        </button>
        <button type="button" onClick={() => exportAs('stories', 'json')}>
          Export stories (JSON)
        </button>
        <button type="button" onClick={() => exportAs('stories', 'csv')}>
          Export stories (CSV)
        </button>
      </div>
      <label class="file-pick">
        Import companies from a file (JSON or CSV)
        <input
          type="file"
          accept=".json,.csv,application/json,text/csv"
          aria-describedby="import-hint"
          onChange={choose}
        />
      </label>
      <p id="import-hint" class="muted small">
        Every change is shown before anything is imported.
      </p>
      <Feedback notice={notice} error={error} />
      {preview && <ImportPreview {...preview} onConfirm={confirm} onCancel={() => setPreview(null)} />}
    </section>
  );
}
