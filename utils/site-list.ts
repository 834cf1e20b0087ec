/**
 * Lists of sites typed by a person ("example.com", "https://www.example.com/news", one per line
 * or comma-separated) turned into the bare hostnames the content script compares against.
 */

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/u;

export interface SiteList {
  hosts: string[];
  /** Entries that are not a site, as typed, so the person can fix them. */
  invalid: string[];
}

export function hostOf(entry: string): string | null {
  const trimmed = entry.trim().toLowerCase();
  if (trimmed.length === 0) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//u.test(trimmed) ? trimmed : `http://${trimmed}`).hostname;
    return HOSTNAME.test(host) ? host : null;
  } catch {
    return null;
  }
}

export function parseSiteList(text: string): SiteList {
  const hosts = new Set<string>();
  const invalid: string[] = [];
  for (const entry of text.split(/[\n,\s]+/u)) {
    if (entry.trim().length === 0) continue;
    const host = hostOf(entry);
    if (host) hosts.add(host);
    else invalid.push(entry.trim());
  }
  return { hosts: [...hosts], invalid };
}

/** Adds or removes one host, keeping the list's order and never duplicating. */
export function toggleHost(list: readonly string[], host: string, present: boolean): string[] {
  const without = list.filter((h) => h !== host);
  return present ? [...without, host] : without;
}
