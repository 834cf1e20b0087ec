import type { TrackedEntity } from '@/utils/entities';
import type { FieldChange, ImportPreview as Plan } from '@/utils/transfer/preview';
import { SITE_LIST_LABELS, SITE_LISTS, type SiteLists } from '@/utils/transfer/settings';
import './ImportPreview.css';

export interface ImportPreviewProps {
  file: string;
  plan: Plan;
  /** Sites the file's settings list that the person's settings do not, added on import. */
  sites?: SiteLists | null;
  onConfirm(): void;
  onCancel(): void;
}

const FIELD_LABELS: Record<FieldChange['field'], string> = {
  name: 'Name',
  aliases: 'Aliases',
  exclusions: 'Exclude',
  colour: 'Colour',
  tracking: 'Tracking',
  watchlist: 'Watchlist',
};

/** A value as shown in a change; a colour gets its swatch beside the code. */
function Value({ field, text }: { field: FieldChange['field']; text: string }) {
  if (field !== 'colour') return <span class="change-value">{text}</span>;
  return (
    <span class="change-value">
      <span class="swatch" style={{ background: text }} aria-hidden="true" />
      {text}
    </span>
  );
}

function Changes({ changes }: { changes: FieldChange[] }) {
  return (
    <ul class="changes">
      {changes.map((c) => (
        <li key={c.field}>
          {FIELD_LABELS[c.field]}: <Value field={c.field} text={c.before} /> → <Value field={c.field} text={c.after} />
        </li>
      ))}
    </ul>
  );
}

function Group({ id, title, children }: { id: string; title: string; children: preact.ComponentChildren }) {
  return (
    <>
      <h4 id={id}>{title}</h4>
      <ul aria-labelledby={id} class="preview-group">
        {children}
      </ul>
    </>
  );
}

const summary = (e: TrackedEntity) => {
  const also = e.aliases.slice(1).map((a) => a.text);
  return also.length > 0 ? ` (also ${also.join(', ')})` : '';
};

/** What an import would do, company by company, before anything is written. */
export function ImportPreview({ file, plan, sites, onConfirm, onCancel }: ImportPreviewProps) {
  const writes = plan.added.length + plan.changed.length;
  const siteLists = SITE_LISTS.filter((name) => (sites?.[name].length ?? 0) > 0);
  const siteCount = siteLists.reduce((n, name) => n + (sites?.[name].length ?? 0), 0);
  return (
    <section class="card preview" aria-label="Import preview">
      <h3>
        {file}: {plan.added.length} to add, {plan.changed.length} to change, {plan.skipped.length} skipped
      </h3>
      <p class="muted">
        Nothing is written until you import. Details the file leaves out stay as they are, and its aliases and
        exclusions are added to yours: an import never removes one.
      </p>
      {plan.added.length > 0 && (
        <Group id="preview-added" title="To add">
          {plan.added.map((e) => (
            <li key={e.id}>
              <span class="swatch" style={{ background: e.color }} aria-hidden="true" />
              {e.name}
              <span class="muted">{summary(e)}</span>
            </li>
          ))}
        </Group>
      )}
      {plan.changed.length > 0 && (
        <Group id="preview-changed" title="To change">
          {plan.changed.map((c) => (
            <li key={c.after.id}>
              <span class="name">{c.before.name}</span>
              <Changes changes={c.changes} />
            </li>
          ))}
        </Group>
      )}
      {plan.skipped.length > 0 && (
        <Group id="preview-skipped" title="Skipped">
          {plan.skipped.map((s, i) => (
            <li key={i}>
              {s.name}: {s.reason}
            </li>
          ))}
        </Group>
      )}
      {siteLists.length > 0 && (
        <Group id="preview-sites" title="Sites to add to your settings">
          {siteLists.map((name) => (
            <li key={name}>
              {SITE_LIST_LABELS[name]}: {sites?.[name].join(', ')}
            </li>
          ))}
        </Group>
      )}
      <div class="button-row">
        <button type="button" class="primary" disabled={writes === 0 && siteCount === 0} onClick={onConfirm}>
          {writes > 0 || siteCount === 0
            ? `Import ${writes} ${writes === 1 ? 'company' : 'companies'}`
            : `Import ${siteCount} ${siteCount === 1 ? 'site' : 'sites'}`}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
