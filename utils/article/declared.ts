/**
 * What a page says about itself before anyone reads its body, cheapest first: its address, its
 * meta tags (og:type, article:published_time, author, generator), its JSON-LD types (blocks
 * parsed only when their text names a type that matters) and its microdata or h-entry markup.
 * Detection stops on these alone when they clearly rule an article out (`clearlyNotArticle`);
 * otherwise they become features of the trained decision (page-features.ts).
 */
import { declaredCanonical } from './canonical';
import { isArticleType, type JsonLdNode, readJsonLd, typesOf } from './jsonld';
import { type PageMeta, readMeta } from './meta';
import { blogEntry, chapterNavigation } from './page-shape';
import { classifyUrl, type UrlKind } from './url-shape';

/** Blocks worth parsing: they name an article type or a page type that rules one out. */
const LD_HINT =
  /Article|BlogPosting|"Report"|CollectionPage|ItemList|SearchResultsPage|ProfilePage|Product|QAPage|DiscussionForumPosting|APIReference|VideoObject|PodcastEpisode/u;
const NEWS_TYPE = /NewsArticle$|^(BlogPosting|LiveBlogPosting|Report|SatiricalArticle)$/u;
const LISTING_TYPES = /^(CollectionPage|ItemList|SearchResultsPage|ProfilePage)$/u;
/** Page types that are not articles whatever else the page says. */
const OTHER_TYPES = /^(QAPage|DiscussionForumPosting|TechArticle|APIReference|Product|PodcastEpisode)$/u;
const NON_ARTICLE_OG =
  /^(product|video|profile|book|music|place|business|restaurant|game|books\.|product\.|video\.|music\.)/u;
const NON_ARTICLE_GENERATOR =
  /mediawiki|sphinx|docusaurus|mkdocs|docbook|javadoc|doxygen|gitbook|vuepress|vitepress|read the docs|discourse|phpbb|vbulletin|xenforo|mybb|invision|shopify|woocommerce|magento|prestashop|shopware/iu;
const AUTHOR_META = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl'];
const MICRODATA_ARTICLE =
  '[itemtype*="schema.org/NewsArticle" i], [itemtype*="schema.org/Article" i], [itemtype*="schema.org/BlogPosting" i], [itemtype*="schema.org/ReportageNewsArticle" i], [itemtype*="schema.org/AnalysisNewsArticle" i]';

/**
 * Address kinds that are never stories, whatever the page declares: sites mark their home
 * page, shop, forum, galleries and fiction chapters og:type=article as readily as their news.
 */
const NEVER_STORY_KINDS = new Set<UrlKind>([
  'home',
  'login',
  'forum',
  'product',
  'gallery',
  'fiction',
  'about',
  'social',
]);

const URL_LABELS: Partial<Record<UrlKind, string>> = {
  fiction: 'a fiction or book chapter',
  about: 'an about, contact or legal page',
  gallery: 'a photo gallery',
  social: 'a post on a social network',
};

/** Address kinds that are not stories unless the page declares itself an article. */
const NOT_STORY_KINDS = new Set<UrlKind>(['search', 'video', 'docs', 'listing']);

export interface Declared {
  meta: PageMeta;
  /** The JSON-LD nodes of blocks that name a relevant type. */
  ldNodes: JsonLdNode[];
  urlKind: UrlKind;
  /** og:type: "article" (or news), "website", another kind of page, or none. */
  ogType: 'article' | 'website' | 'other' | 'none';
  ogTypeValue: string;
  publishedMeta: boolean;
  authorMeta: boolean;
  /** The generator meta names wiki, docs, forum or shop software. */
  generator: string | null;
  /** The JSON-LD article type: a news type (NewsArticle, BlogPosting...), another article type, or none. */
  ldArticle: string | null;
  ldNews: boolean;
  /** Distinct headlines of JSON-LD articles: three or more is a listing. */
  ldHeadlines: number;
  /** A wiki's article, written by "Contributors to ...". */
  ldWiki: boolean;
  ldListing: string | null;
  ldOther: string | null;
  /** Microdata article items (several: a listing); read after the first stop. */
  microdata: number;
  /** One dated h-entry (a blog post). */
  blogEntry: string | null;
  /** Links to the next or previous chapter: a book, a serial or fan fiction. */
  chapter: string | null;
}

function urlKindOf(document: Document, meta: PageMeta, url: string): UrlKind {
  const kind = classifyUrl(url);
  if (kind !== 'unknown') return kind;
  const canonical = declaredCanonical(document, meta);
  if (!canonical) return kind;
  try {
    return classifyUrl(new URL(canonical, url).href);
  } catch {
    // A broken canonical link says nothing about the page.
    return kind;
  }
}

function ogTypeOf(value: string): Declared['ogType'] {
  if (!value) return 'none';
  if (value.startsWith('article') || value === 'news') return 'article';
  if (value === 'website') return 'website';
  return NON_ARTICLE_OG.test(value) ? 'other' : 'none';
}

function structured(nodes: readonly JsonLdNode[]) {
  const types = nodes.flatMap(typesOf);
  const articles = nodes.filter((n) => typesOf(n).some(isArticleType));
  const ldArticle = articles.flatMap(typesOf).find(isArticleType) ?? null;
  return {
    ldArticle,
    ldNews: ldArticle !== null && NEWS_TYPE.test(ldArticle),
    ldHeadlines: new Set(articles.map((n) => String(n.headline ?? n.name ?? ''))).size,
    ldWiki: articles.some((n) => /contributors/iu.test(JSON.stringify(n.author ?? n.creator ?? ''))),
    ldListing: types.find((t) => LISTING_TYPES.test(t)) ?? null,
    ldOther: types.find((t) => OTHER_TYPES.test(t)) ?? null,
  };
}

/** The address, meta tags and JSON-LD (no query of the body yet). */
export function readDeclared(document: Document, url: string): Declared {
  const meta = readMeta(document);
  const ogTypeValue = meta.first('og:type')?.toLowerCase() ?? '';
  const generator = meta.first('generator') ?? '';
  const ldNodes = readJsonLd(document, { onlyIf: LD_HINT });
  return {
    meta,
    ldNodes,
    urlKind: urlKindOf(document, meta, url),
    ogType: ogTypeOf(ogTypeValue),
    ogTypeValue,
    publishedMeta: meta.first('article:published_time', 'og:article:published_time') !== null,
    authorMeta: AUTHOR_META.some((key) => meta.first(key) !== null),
    generator: NON_ARTICLE_GENERATOR.test(generator) ? generator.slice(0, 40) : null,
    ...structured(ldNodes),
    microdata: 0,
    blogEntry: null,
    chapter: null,
  };
}

/** Adds what microdata, h-entry markup and chapter links say (queries of the body, so after the first stop). */
export function readMarkup(document: Document, declared: Declared): void {
  declared.microdata = document.querySelectorAll(MICRODATA_ARTICLE).length;
  declared.blogEntry = declared.microdata === 0 ? blogEntry(document) : null;
  declared.chapter = chapterNavigation(document);
}

/** The publisher calls this page an article, in any of the ways publishers do. */
function declaresArticle(d: Declared): boolean {
  return (
    d.ogType === 'article' ||
    d.publishedMeta ||
    (d.ldArticle !== null && d.ldHeadlines < 3 && !d.ldWiki) ||
    (d.microdata > 0 && d.microdata < 4) ||
    d.blogEntry !== null
  );
}

/**
 * Why the page is clearly a news article, or null: its JSON-LD calls it a NewsArticle (or a kind
 * of one), one story and not a list of them. Across the shared collections no page that says so
 * is anything but a story, however short its text; the model, which weighs text, may miss it.
 */
export function clearlyNewsArticle(d: Declared): string | null {
  if (d.ldArticle === null || !/NewsArticle$/u.test(d.ldArticle) || d.ldHeadlines >= 3 || d.ldWiki) return null;
  return `JSON-LD @type ${d.ldArticle}`;
}

/**
 * Why the page is clearly not an article, or null: it declares nothing of an article, and its
 * address, og:type, generator or JSON-LD says it is another kind of page.
 */
export function clearlyNotArticle(d: Declared): string | null {
  if (NEVER_STORY_KINDS.has(d.urlKind)) return `address looks like ${URL_LABELS[d.urlKind] ?? `a ${d.urlKind} page`}`;
  // Fiction chapters declare themselves articles as often as news does.
  if (d.chapter) return d.chapter;
  if (declaresArticle(d)) return null;
  if (NOT_STORY_KINDS.has(d.urlKind)) return `address looks like a ${d.urlKind} page`;
  if (d.ogType === 'other') return `og:type=${d.ogTypeValue}`;
  if (d.generator) return `made with ${d.generator}`;
  if (d.ldListing) return `JSON-LD @type ${d.ldListing}`;
  if (d.ldOther) return `JSON-LD @type ${d.ldOther}`;
  if (d.ldHeadlines >= 3) return `JSON-LD lists ${d.ldHeadlines} articles`;
  if (d.ldWiki) return 'JSON-LD article written by a wiki’s contributors';
  if (d.microdata >= 4) return `${d.microdata} microdata articles (a listing)`;
  return null;
}
