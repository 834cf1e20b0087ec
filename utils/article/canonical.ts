/**
 * The story's own address: `link[rel=canonical]`, then `og:url`, then the address visited;
 * resolved against the page, with tracking parameters and the fragment removed, so the same
 * story reached from a newsletter, a social post or a search ad is stored once.
 */
import type { PageMeta } from './meta';

const TRACKING_PARAM =
  /^(utm_.*|fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wickedid|rb_clickid|s_cid|cmpid|ncid|ocid|smid|smtyp|sr_share|share_id|ref_src|ref_url|__twitter_impression|at_medium|at_campaign|at_custom\d*)$/iu;

/** Resolves a URL against the page and drops tracking parameters and the fragment. */
export function normaliseUrl(raw: string, base: string): string {
  const url = new URL(raw.trim(), base);
  // The keys are copied from the parameters themselves, not from keys(): in Firefox a content
  // script sees the page's URL through an Xray wrapper, which cannot iterate the iterator that
  // keys() returns (URLSearchParams itself iterates). Copied first, as deleting skips entries.
  const keys = Array.from(url.searchParams, ([key]) => key);
  for (const key of keys) if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  url.hash = '';
  return url.href;
}

function isHomePage(url: string): boolean {
  try {
    return new URL(url).pathname.replace(/\/+$/u, '') === '';
  } catch {
    return false;
  }
}

/** The declared canonical address, or null (cheap: head elements only). */
export function declaredCanonical(document: Document, meta: PageMeta): string | null {
  const link = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  return link?.trim() || meta.first('og:url');
}

export function findCanonicalUrl(document: Document, meta: PageMeta, url: string): string {
  const candidates = [document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), meta.first('og:url')];
  for (const candidate of candidates) {
    if (!candidate?.trim()) continue;
    try {
      const resolved = normaliseUrl(candidate, url);
      if (!/^https?:$/u.test(new URL(resolved).protocol)) continue;
      // Some sites point every page's canonical at their home page by mistake.
      if (isHomePage(resolved) && !isHomePage(url)) continue;
      return resolved;
    } catch {
      // An unparsable candidate is skipped; the next one or the page address is used.
    }
  }
  try {
    return normaliseUrl(url, url);
  } catch {
    return url;
  }
}
