/**
 * The settings a companies backup carries (the JSON export, under "settings"). Importing the
 * file adds the sites it lists to the person's own lists; the other settings (highlight scope,
 * retention, notifications) stay as they are on this computer, since a file someone else wrote
 * must never change them quietly. Every site is checked as a site typed in the options is.
 */
import type { Settings } from '../settings';
import { hostOf } from '../site-list';
import { ImportError } from './errors';

/** The site lists of the settings, which an import adds to. */
export const SITE_LISTS = ['newsSites', 'disabledSites', 'highlightOffSites'] as const;
export type SiteListName = (typeof SITE_LISTS)[number];
export type SiteLists = Record<SiteListName, string[]>;

const MAX_SITES = 10_000;

/** How each list is named to the person, in the import preview. */
export const SITE_LIST_LABELS: Record<SiteListName, string> = {
  newsSites: 'Sites treated as news',
  disabledSites: 'Sites where News Tracker does nothing',
  highlightOffSites: 'Sites without highlights',
};

/** The site lists in a JSON backup's "settings", or null when it has none (a CSV, a hand-written list). */
export function readBackupSites(source: string): SiteLists | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.replace(/^\uFEFF/u, ''));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const settings = (parsed as Record<string, unknown>).settings;
  if (settings === undefined) return null;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new ImportError('The file\u2019s "settings" is not an object.');
  }
  const lists = {} as SiteLists;
  for (const name of SITE_LISTS) {
    const value = (settings as Record<string, unknown>)[name];
    lists[name] = value === undefined ? [] : readSites(value, name);
  }
  return lists;
}

function readSites(value: unknown, name: SiteListName): string[] {
  if (!Array.isArray(value) || value.length > MAX_SITES) {
    throw new ImportError(`The file\u2019s settings.${name} is not a list of up to ${MAX_SITES} sites.`);
  }
  return value.map((entry, i) => {
    const host = typeof entry === 'string' ? hostOf(entry) : null;
    if (!host) throw new ImportError(`The file\u2019s settings.${name}[${i}] is not a site.`);
    return host;
  });
}

/** The sites of `incoming` that `current` does not list yet, per list. */
export function newSites(current: Settings, incoming: SiteLists): SiteLists {
  const added = {} as SiteLists;
  for (const name of SITE_LISTS) added[name] = [...new Set(incoming[name])].filter((h) => !current[name].includes(h));
  return added;
}

/** `current` with the sites of `incoming` added to its lists. */
export function withSites(current: Settings, incoming: SiteLists): Settings {
  const added = newSites(current, incoming);
  const next = { ...current };
  for (const name of SITE_LISTS) next[name] = [...current[name], ...added[name]];
  return next;
}
