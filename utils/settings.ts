/**
 * User settings, validated and defaulted on every load so a corrupt or older record never
 * reaches the rest of the extension.
 */

export type HighlightScope = 'articles' | 'all' | 'off';

export interface Settings {
  highlightScope: HighlightScope;
  /** Hostnames where the extension does nothing at all. */
  disabledSites: string[];
  /** Hostnames where highlights are switched off (stories are still recorded). */
  highlightOffSites: string[];
  /**
   * Hostnames whose pages are all taken for news articles (highlighted and recorded when they
   * name a tracked company), whatever article recognition says: the person's word for a site
   * it misses.
   */
  newsSites: string[];
  recordOnlyBusiness: boolean;
  showPanel: boolean;
  notifications: boolean;
  /** Days to keep stories; 0 keeps everything. */
  retentionDays: number;
  /** Maximum number of stories; 0 means no limit. */
  retentionCount: number;
}

export const DEFAULT_SETTINGS: Settings = {
  highlightScope: 'articles',
  disabledSites: [],
  highlightOffSites: [],
  newsSites: [],
  recordOnlyBusiness: false,
  showPanel: true,
  notifications: false,
  retentionDays: 0,
  retentionCount: 0,
};

const SCOPES: readonly HighlightScope[] = ['articles', 'all', 'off'];

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isHostList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 10_000 && value.every((s) => typeof s === 'string' && s.length <= 253);
}

/** Returns a complete, valid settings object: known fields kept when valid, defaults elsewhere. */
export function validateSettings(raw: unknown): Settings {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const pick = <K extends keyof Settings>(key: K, ok: (v: unknown) => boolean): Settings[K] =>
    ok(input[key]) ? (input[key] as Settings[K]) : DEFAULT_SETTINGS[key];
  return {
    highlightScope: pick('highlightScope', (v) => SCOPES.includes(v as HighlightScope)),
    disabledSites: pick('disabledSites', isHostList),
    highlightOffSites: pick('highlightOffSites', isHostList),
    newsSites: pick('newsSites', isHostList),
    recordOnlyBusiness: pick('recordOnlyBusiness', (v) => typeof v === 'boolean'),
    showPanel: pick('showPanel', (v) => typeof v === 'boolean'),
    notifications: pick('notifications', (v) => typeof v === 'boolean'),
    retentionDays: pick('retentionDays', isNonNegativeInteger),
    retentionCount: pick('retentionCount', isNonNegativeInteger),
  };
}
