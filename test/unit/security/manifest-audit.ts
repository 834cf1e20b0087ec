/**
 * Audits a built manifest against the code and the README: every permission it asks for is
 * used by the code and justified in the README, every permission-gated API the code calls is
 * asked for, nothing opens the extension to web pages (resources pages can load, messages from
 * pages), and nothing reaches more sites than ordinary web pages: content scripts and host
 * permissions (Manifest V3's `host_permissions`, or host patterns among V2's `permissions`)
 * cover http and https pages at most, and host permissions are justified in the README.
 * Returns one line per problem (none when the manifest asks only for what it uses).
 */

export interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  content_scripts?: { matches?: string[] }[];
}

/** APIs that exist only with the permission of the same name (the ones an extension like this might reach for). */
export const GATED_APIS = [
  'alarms',
  'bookmarks',
  'browsingData',
  'contextMenus',
  'cookies',
  'declarativeNetRequest',
  'downloads',
  'history',
  'identity',
  'idle',
  'management',
  'notifications',
  'offscreen',
  'scripting',
  'sessions',
  'sidePanel',
  'storage',
  'tabGroups',
  'topSites',
  'webNavigation',
  'webRequest',
];

/**
 * Permissions with no API of their own, and the API they let the code use: `activeTab` lets
 * `scripting` reach the tab whose toolbar button was pressed, without host permissions.
 */
export const GRANTING_PERMISSIONS: Readonly<Record<string, string>> = { activeTab: 'scripting' };

/** Files that use a permission: call its API, or the API it grants access through. */
export function filesUsingPermission(permission: string, sources: ReadonlyMap<string, string>): string[] {
  return filesUsing(GRANTING_PERMISSIONS[permission] ?? permission, sources);
}

/** Content scripts run on ordinary web pages only. */
export const CONTENT_SCRIPT_MATCHES = ['http://*/*', 'https://*/*'];

/** Files (path → text) that call `browser.<api>` (or `chrome.<api>`). */
export function filesUsing(api: string, sources: ReadonlyMap<string, string>): string[] {
  const call = new RegExp(`\\b(?:browser|chrome)\\.${api}\\b`, 'u');
  return [...sources].filter(([, text]) => call.test(text)).map(([file]) => file);
}

/** The README's "Permissions" section. */
function permissionsSection(readme: string): string {
  return /^## Permissions\n([\s\S]*?)(?=^## |$(?![\s\S]))/mu.exec(readme)?.[1] ?? '';
}

/** Permission names in the first column of the README's "Permissions" table. */
export function readmePermissions(readme: string): Map<string, string> {
  const section = permissionsSection(readme);
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([A-Za-z]+)`$/u.exec(cells[1] ?? '')?.[1];
    if (name) rows.set(name, cells[2] ?? '');
  }
  return rows;
}

/** A match pattern rather than an API permission (Manifest V2 lists both under `permissions`). */
const isHostPattern = (permission: string) => permission === '<all_urls>' || permission.includes('://');

/** The README's reason for the host permissions: its table row named "host permissions …". */
export function readmeHostPermissionReason(readme: string): string {
  return /^\| host permissions[^|]*\|([^|]*)\|/mu.exec(permissionsSection(readme))?.[1]?.trim() ?? '';
}

export function manifestProblems(manifest: Manifest, sources: ReadonlyMap<string, string>, readme: string): string[] {
  const problems: string[] = [];
  const asked = new Set((manifest.permissions ?? []).filter((p) => !isHostPattern(p)));
  const hosts = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? []).filter(isHostPattern)];
  for (const host of hosts) {
    if (!CONTENT_SCRIPT_MATCHES.includes(host)) problems.push(`the manifest asks for host permissions on ${host}`);
  }
  if (hosts.length > 0 && !readmeHostPermissionReason(readme))
    problems.push('host permissions have no reason in the README');
  const justified = readmePermissions(readme);
  for (const permission of asked) {
    if (!GATED_APIS.includes(permission) && !GRANTING_PERMISSIONS[permission])
      problems.push(`permission ${permission} is not one this audit knows how to check`);
    else if (filesUsingPermission(permission, sources).length === 0)
      problems.push(`permission ${permission} is never used`);
    if (!justified.get(permission)) problems.push(`permission ${permission} has no reason in the README`);
  }
  for (const api of GATED_APIS) {
    if (!asked.has(api) && filesUsing(api, sources).length > 0)
      problems.push(`browser.${api} is used without its permission`);
  }
  for (const name of justified.keys()) {
    if (!asked.has(name)) problems.push(`the README justifies ${name}, which the manifest does not ask for`);
  }
  const broadening: [keyof Manifest, string][] = [
    ['optional_permissions', 'asks for optional permissions'],
    ['optional_host_permissions', 'asks for optional host permissions'],
    ['web_accessible_resources', 'lets web pages load its files (and so detect it)'],
    ['externally_connectable', 'accepts messages from web pages or other extensions'],
  ];
  for (const [key, problem] of broadening) {
    const value = manifest[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) problems.push(`the manifest ${problem}`);
  }
  for (const script of manifest.content_scripts ?? []) {
    for (const match of script.matches ?? []) {
      if (!CONTENT_SCRIPT_MATCHES.includes(match)) problems.push(`a content script runs on ${match}`);
    }
  }
  return problems;
}
