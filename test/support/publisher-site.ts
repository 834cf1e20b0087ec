/**
 * The publisher a saved page belongs to, shared by the evaluation's corpus readers
 * (scripts/eval/corpora.ts) and its unit test.
 */

/** Two-part public suffixes: "bbc.co.uk" is the site, not "co.uk". */
const SECOND_LEVEL = /^(co|com|org|net|gov|ac|edu|ne|or|go|gob|nic)$/u;

/**
 * The registrable domain of an address ("www.bbc.co.uk" → "bbc.co.uk"), or `fallback` for the
 * test server's address, which names no publisher.
 */
export function siteOf(url: string, fallback: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return fallback;
  }
  if (!host || host === 'fakehost' || host.endsWith('.invalid')) return fallback;
  const labels = host.split('.');
  const keep = labels.length >= 3 && SECOND_LEVEL.test(labels[labels.length - 2] ?? '') ? 3 : 2;
  return labels.slice(-keep).join('.');
}
