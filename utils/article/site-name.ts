/**
 * The publisher's name as readers know it: `og:site_name`, the article's JSON-LD `publisher`,
 * the page's JSON-LD WebSite or news organisation, the app-name meta tags.
 */
import { findArticleNode, type JsonLdNode, resolveRef, textOf, typesOf } from './jsonld';
import type { PageMeta } from './meta';
import { collapseSpace, comparable, looksLikeUrl, siteLabels } from './text';

const SITE_TYPES = /^(WebSite|NewsMediaOrganization|Organization|Corporation)$/u;

/**
 * A publication hosted on a platform (a Medium publication, a Substack, a Blogger blog) names
 * itself as the article's publisher with an address below the platform's ("medium.com/voodoo-
 * engineering"), while og:site_name names the platform: the publication is the publisher.
 */
function isPublicationOnPlatform(publisher: unknown): boolean {
  if (!publisher || typeof publisher !== 'object') return false;
  const url = textOf((publisher as JsonLdNode).url);
  if (!url) return false;
  try {
    return new URL(url).pathname.replace(/\/+$/u, '').length > 1;
  } catch {
    return false;
  }
}

function declaredNames(meta: PageMeta, nodes: readonly JsonLdNode[]): string[] {
  const article = findArticleNode(nodes);
  const publisherNode = article ? resolveRef(article.publisher, nodes) : null;
  const publisher = textOf(publisherNode);
  const site = nodes.find((n) => typesOf(n).some((t) => SITE_TYPES.test(t)));
  const siteName = meta.first('og:site_name');
  const ordered = isPublicationOnPlatform(publisherNode) ? [publisher, siteName] : [siteName, publisher];
  return [
    ...ordered,
    site ? textOf(site.name) : null,
    meta.first('application-name', 'apple-mobile-web-app-title', 'al:ios:app_name', 'twitter:app:name:iphone'),
  ]
    .filter((n): n is string => typeof n === 'string' && collapseSpace(n).length > 0)
    .map(collapseSpace);
}

const COMPANY_SUFFIX = /,?\s+(inc\.?|llc|ltd\.?|limited|gmbh|plc|s\.?a\.?|corp\.?|corporation|co\.)$/iu;
const TAGLINE = /\s+[-–—|:]\s+.*$/u;

/** "Spiceworks Inc" → "Spiceworks"; "Aktuálně.cz - Víte, co se právě děje" → "Aktuálně.cz". */
function tidy(name: string): string {
  const short = name.replace(TAGLINE, '').replace(COMPANY_SUFFIX, '').trim();
  return short.length >= 2 ? short : name;
}

/** "Libération.fr", "TMZ.COM": a brand written with its address's ending. */
const WITH_DOMAIN_ENDING = /^(.+?)\.(?:com|net|org|info|co\.uk|com\.au|[a-z]{2})$/iu;

/**
 * The bare brand for a name written as an address: when the page also names itself without the
 * ending ("Libération.fr" and "Libération"), or when the name is just the page's own host
 * ("TMZ.COM" on www.tmz.com). A brand that includes its ending and appears only so
 * ("Aktuálně.cz") keeps it.
 */
function bareBrand(name: string, names: readonly string[], hosts: readonly string[]): string {
  const m = WITH_DOMAIN_ENDING.exec(name);
  const brand = m?.[1];
  if (!brand) return name;
  const other = names.find((n) => n !== name && comparable(n) === comparable(brand));
  if (other) return other;
  const own = hosts.some((h) => h.toLowerCase().replace(/^www\d?\./u, '') === name.toLowerCase());
  return own ? brand : name;
}

/** The site's name, or null when the page does not say. `hosts` are the page's addresses' hosts. */
export function findSiteName(
  meta: PageMeta,
  nodes: readonly JsonLdNode[],
  hosts: readonly string[] = [],
): string | null {
  const names = declaredNames(meta, nodes);
  // A URL in og:site_name is a placeholder; a real name elsewhere is better.
  const best = names.find((n) => !looksLikeUrl(n)) ?? names[0];
  return best ? bareBrand(tidy(best), names, hosts) : null;
}

/** Every way this page might name its site, for recognising "– Site" in titles. */
export function siteNameVariants(meta: PageMeta, nodes: readonly JsonLdNode[], hosts: readonly string[]): SiteMatcher {
  const names = declaredNames(meta, nodes)
    .map(comparable)
    .filter((n) => n.length >= 2);
  // "android-developers" in the host is "Android Developers" in a title.
  const labels = hosts
    .flatMap(siteLabels)
    .map(comparable)
    .filter((l) => l.length >= 3 && l !== 'fakehost');
  return (segment: string) => {
    const key = comparable(segment);
    if (!key) return false;
    const words = collapseSpace(segment).split(' ').length;
    if (names.some((n) => n === key || (n.length >= 4 && words <= 6 && (key.includes(n) || n.includes(key))))) {
      return true;
    }
    return labels.some(
      (label) =>
        key === label ||
        // "TMZ.com", and "痞客邦 PIXNET": the brand beside its address, in either order.
        (words <= 4 && (key.startsWith(label) || (label.length >= 5 && key.endsWith(label)))) ||
        (key.length >= 4 && label.startsWith(key)),
    );
  };
}

/** Whether a piece of a title names the site. */
export type SiteMatcher = (segment: string) => boolean;
