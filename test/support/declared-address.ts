/**
 * The address a saved page declares for itself, shared by the evaluation (scripts/eval/corpora.ts)
 * and its unit test.
 */

/** Readability's test harness serves every page from this address. */
export const READABILITY_PAGE_URL = 'http://fakehost/test/page.html';

const LINK_TAG = /<link\b[^>]*>/giu;
const META_TAG = /<meta\b[^>]*>/giu;

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'iu').exec(tag);
  const value = m?.[1] ?? m?.[2] ?? m?.[3];
  return value ? value.replace(/&amp;/gu, '&').trim() : null;
}

/**
 * The address a page declares for itself (`link[rel=canonical]`, then `og:url`), resolved, or
 * null. A browser shows the content script the page's real address, not the test server's, so
 * the evaluation serves each saved page at the address it declares.
 */
export function declaredAddress(html: string, base: string = READABILITY_PAGE_URL): string | null {
  const head = html.slice(0, 200_000);
  const canonical = [...head.matchAll(LINK_TAG)]
    .map((m) => m[0])
    .find((tag) => /(^|\s)canonical(\s|$)/iu.test(attribute(tag, 'rel') ?? ''));
  const ogUrl = [...head.matchAll(META_TAG)]
    .map((m) => m[0])
    .find((tag) => (attribute(tag, 'property') ?? attribute(tag, 'name'))?.toLowerCase() === 'og:url');
  for (const raw of [canonical && attribute(canonical, 'href'), ogUrl && attribute(ogUrl, 'content')]) {
    if (!raw) continue;
    try {
      const resolved = new URL(raw, base);
      if (/^https?:$/u.test(resolved.protocol) && resolved.hostname !== 'fakehost') return resolved.href;
    } catch {
      // A broken address: try the next, or keep the default.
    }
  }
  return null;
}
