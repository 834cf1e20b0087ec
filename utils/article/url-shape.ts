/**
 * What a page's address says about it, before looking at the page: home pages, search
 * results, tag and section listings, docs, shops, forums, video and photo-gallery pages,
 * fiction chapters, "about us" and legal pages, login pages and social-network posts have recognisable paths in
 * most site conventions, and so do articles (a date, a long slug or a numeric story id).
 */

export type UrlKind =
  | 'home'
  | 'search'
  | 'listing'
  | 'docs'
  | 'product'
  | 'forum'
  | 'video'
  | 'gallery'
  | 'fiction'
  | 'about'
  | 'login'
  | 'social'
  | 'article-like'
  | 'unknown';

const SEARCH_PATH = /^\/(search|suche|recherche|buscar|find)(\/|\.|$)/u;
const SEARCH_QUERY = ['q', 'query', 'search', 'keyword', 'keywords', 's'];
const LISTING_SEGMENT =
  /^(tag|tags|topic|topics|themen|thema|category|categories|kategorie|rubrique|rubriques|section|sections|archive|archives|author|authors|autor|label|labels|latest|page)$/u;
const DOCS_SEGMENT = /^(docs?|documentation|manual|manuals|reference|api|wiki|man|howto|faq|help|handbook|tutorial)$/u;
const PRODUCT_SEGMENT =
  /^(products?|produkte?|produkt_produktdetails|shop|store|itm|dp|item|items|collections|cart|checkout)$/u;
const PRODUCT_HOST = /^(shop|store|buy)\./u;
const FORUM_SEGMENT = /^(forums?|threads?|t|discussion|discussions|questions|comments)$/u;
const FORUM_FILE = /^(showthread|viewtopic|viewthread|showtopic)\.php$/u;
const VIDEO_SEGMENT = /^(video|videos|watch|player|mediathek)$/u;
/** Whole segments naming a photo gallery, and slug words that only a gallery's address uses. */
const GALLERY_SEGMENT =
  /^(gallery|galleries|slideshows?|photos|pictures|fotos|bilder|fotostrecken?|bildergalerie|diaporamas?|fotogalerie)$/u;
const GALLERY_SLUG_WORD = /(^|[-_])(slideshow|photo-?gallery|fotostrecke|bildergalerie|diaporama)([-_.]|$)/u;
/** Book and web-fiction chapters: "/chapter/12", "/works/1/chapters/2", "/kapitel-3". */
const CHAPTER_SEGMENT = /^(chapters?|chapitres?|kapitel|cap[ií]tulos?|capitoli?)([-_]\d+)?$/u;
/** About the publisher rather than news: about, contact, imprint, team, privacy and terms pages. */
const ABOUT_SEGMENT =
  /^(about|about-?us|who-?we-?are|our-?(story|team|mission)|team|mission|contact|contact-?us|impressum|imprint|ueber-?uns|uber-?uns|a-?propos|qui-?sommes-?nous|quienes-?somos|chi-?siamo|privacy|privacy-?policy|datenschutz|terms|terms-?of-?(use|service)|tos|legal|cookies?|cookie-?policy|careers|jobs)$/u;
/**
 * A path made of nothing but section names ("/news/", "/business/markets/") is that section's
 * front page. Place names are left out: "/news/england" is a section on one site and a story
 * slug on another.
 */
const SECTION_WORD =
  /^(news|latest|business|markets?|economy|finance|money|companies|politics|world|national|local|sports?|tech|technology|science|health|entertainment|culture|arts|opinion|opinions|lifestyle|life|travel|style|food|media|education|environment|climate|weather|nachrichten|wirtschaft|politik|kultur|sport|finanzen|actualites|actualite|economie|politique|monde|noticias|economia|politica|mundo|deportes|notizie|esteri)$/u;
const DOCS_HOST = /^(docs|doc|developer|developers|wiki|man|manpages)\.|wiki/u;
const LOGIN_SEGMENT = /^(login|log-in|signin|sign-in|signup|sign-up|register|account|auth)$/u;
/**
 * One post on a social network: "/user/status/123" (X, Twitter), "/@user/1234567" (Mastodon),
 * "/@user/post/abc" (Threads), "/profile/name/post/abc" (Bluesky). Medium's "/@user/slug" is a
 * story: its last part has letters.
 */
const SOCIAL_POST =
  /^\/(?:[\w.]+\/status(?:es)?\/\d+|@[\w.]+(?:@[\w.-]+)?\/\d{6,}|@[\w.]+\/post\/[\w-]+|profile\/[^/]+\/post\/[\w-]+)\/?$/u;
const INDEX_FILE = /^(index|default|home|start)\.(html?|php|aspx?|jsp)$/u;
const LANGUAGE_ONLY = /^[a-z]{2}(-[a-z]{2})?$/u;

function segmentsOf(pathname: string): string[] {
  return pathname
    .toLowerCase()
    .split('/')
    .filter((s) => s.length > 0);
}

/** A date in the path (/2024/05/12/, /2024-05-12-, /20240512/), a long slug, or a story id. */
function hasArticlePath(pathname: string): boolean {
  if (/\/(19|20)\d\d\/(0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\/(\d\d?\/)?/iu.test(pathname)) {
    return true;
  }
  if (/(19|20)\d\d-(0[1-9]|1[0-2])-[0-3]\d/u.test(pathname)) return true;
  const segments = segmentsOf(pathname);
  const last = (segments[segments.length - 1] ?? '').replace(/\.(html?|php|aspx?|shtml|ece|cms)$/u, '');
  if (segments.some((s) => s.split(/[-_]/u).filter((w) => /\p{L}/u.test(w)).length >= 4)) return true;
  return /(^|[-_.])\d{6,}$/u.test(last) && segments.length >= 2;
}

/** A Wayback Machine copy is judged by the address it archived. */
const ARCHIVED = /^https?:\/\/web\.archive\.org\/web\/\d+[a-z_]*\/(https?:\/\/.+)$/iu;

export function classifyUrl(url: string): UrlKind {
  const archived = ARCHIVED.exec(url)?.[1];
  if (archived) return classifyUrl(archived);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unknown';
  }
  const segments = segmentsOf(parsed.pathname);
  // A count rather than spreading keys(): in Firefox a content script sees the page's URL
  // through an Xray wrapper, and the iterator keys() returns cannot be iterated through it.
  const hasQuery = parsed.searchParams.size > 0;
  const last = segments[segments.length - 1] ?? '';
  if (
    !hasQuery &&
    (segments.length === 0 || (segments.length === 1 && (INDEX_FILE.test(last) || LANGUAGE_ONLY.test(last))))
  ) {
    return 'home';
  }
  if (SEARCH_PATH.test(parsed.pathname.toLowerCase())) return 'search';
  if (SEARCH_QUERY.some((k) => (parsed.searchParams.get(k) ?? '').length > 0) && !hasArticlePath(parsed.pathname)) {
    return 'search';
  }
  if (segments.some((s) => LOGIN_SEGMENT.test(s))) return 'login';
  if (SOCIAL_POST.test(parsed.pathname)) return 'social';
  if (segments.some((s) => FORUM_SEGMENT.test(s) || FORUM_FILE.test(s))) return 'forum';
  if (PRODUCT_HOST.test(parsed.hostname) || segments.some((s) => PRODUCT_SEGMENT.test(s))) return 'product';
  if (segments.some((s) => VIDEO_SEGMENT.test(s))) return 'video';
  if (segments.some((s) => GALLERY_SEGMENT.test(s)) || GALLERY_SLUG_WORD.test(last)) return 'gallery';
  if (segments.some((s) => CHAPTER_SEGMENT.test(s))) return 'fiction';
  if (segments.length <= 2 && ABOUT_SEGMENT.test(last.replace(/\.(html?|php|aspx?)$/u, ''))) return 'about';
  if (DOCS_HOST.test(parsed.hostname) || segments.some((s) => DOCS_SEGMENT.test(s))) return 'docs';
  if (hasArticlePath(parsed.pathname)) return 'article-like';
  if (segments.some((s) => LISTING_SEGMENT.test(s))) return 'listing';
  if (!hasQuery && segments.every((s) => SECTION_WORD.test(s) || LANGUAGE_ONLY.test(s))) return 'listing';
  return 'unknown';
}
