/**
 * Is this page a news article? A cascade, cheapest evidence first, each piece adding or
 * subtracting points with a reason:
 *
 *   address shape ─ og:type, article:* and generator meta ─ JSON-LD types (blocks parsed only
 *   when their text names a relevant type) ─ microdata itemtype, h-entry blog posts
 *     │ clearly not an article (home page, search, shop, forum, docs, listing) → stop here
 *     │ the page's shape (page-shape.ts): a listing of stories, or a chapter of fiction
 *     │ declared an article and no sign of a listing → article
 *     └ otherwise: running text (prose.ts) and a publication date
 *
 * Home pages, section fronts, tag pages, search results, product pages, forums, docs, photo
 * galleries, about pages and fiction chapters are not articles even when they carry
 * og:type=article by mistake or list many headlines.
 */
import { declaredCanonical } from './canonical';
import { findDates } from './dates';
import { findArticleNode, isArticleType, type JsonLdNode, readJsonLd, typesOf } from './jsonld';
import { type PageMeta, readMeta } from './meta';
import { indexPage } from './page-index';
import { blogEntry, chapterNavigation, looksLikeListing, manyDates, runningText } from './page-shape';
import { findProse } from './prose';
import { classifyUrl, type UrlKind } from './url-shape';

export interface ArticleVerdict {
  isArticle: boolean;
  confidence: number;
  reasons: string[];
}

/** Blocks worth parsing: they name an article type or a page type that rules one out. */
const LD_HINT =
  /Article|BlogPosting|"Report"|CollectionPage|ItemList|SearchResultsPage|ProfilePage|Product|QAPage|DiscussionForumPosting|APIReference/u;
const NEWS_TYPE = /NewsArticle$|^(BlogPosting|LiveBlogPosting|Report|SatiricalArticle)$/u;
const LISTING_TYPES = /^(CollectionPage|ItemList|SearchResultsPage|ProfilePage)$/u;
const FORUM_TYPES = /^(QAPage|DiscussionForumPosting)$/u;
const DOCS_TYPES = /^(TechArticle|APIReference)$/u;
const NON_ARTICLE_OG =
  /^(website|product|video|profile|book|music|place|business|restaurant|game|books\.|product\.|video\.|music\.)/u;
const NON_ARTICLE_GENERATOR =
  /mediawiki|sphinx|docusaurus|mkdocs|docbook|javadoc|doxygen|gitbook|vuepress|vitepress|read the docs|discourse|phpbb|vbulletin|xenforo|mybb|invision|shopify|woocommerce|magento|prestashop|shopware/iu;
const MICRODATA_ARTICLE =
  '[itemtype*="schema.org/NewsArticle" i], [itemtype*="schema.org/Article" i], [itemtype*="schema.org/BlogPosting" i], [itemtype*="schema.org/ReportageNewsArticle" i], [itemtype*="schema.org/AnalysisNewsArticle" i]';

const URL_POINTS: Record<UrlKind, number> = {
  home: -4,
  search: -4,
  login: -4,
  forum: -3,
  product: -3,
  video: -2,
  gallery: -2.5,
  fiction: -3,
  about: -3,
  docs: -2.5,
  listing: -2.5,
  'article-like': 1,
  unknown: 0,
};

const URL_LABELS: Partial<Record<UrlKind, string>> = {
  'article-like': 'a story',
  fiction: 'a fiction or book chapter',
  about: 'an about, contact or legal page',
  gallery: 'a photo gallery',
};

/** At or above: an article. */
const ARTICLE_SCORE = 2.5;
/** At or below, before looking at the body: clearly not an article. */
const CLEARLY_NOT = -2;
/** Declared article markup worth at least this much skips the prose check. */
const DECLARED = 2;

class Evidence {
  score = 0;
  declared = 0;
  readonly reasons: string[] = [];
  add(points: number, reason: string): void {
    this.score += points;
    this.reasons.push(`${reason} (${points > 0 ? '+' : ''}${points})`);
  }
  verdict(isArticle: boolean): ArticleVerdict {
    const confidence = 1 / (1 + Math.exp(-Math.abs(this.score - (ARTICLE_SCORE - 0.5))));
    return { isArticle, confidence: Math.round(confidence * 100) / 100, reasons: this.reasons };
  }
}

function addressEvidence(evidence: Evidence, document: Document, meta: PageMeta, url: string): void {
  let kind = classifyUrl(url);
  if (kind === 'unknown') {
    const canonical = declaredCanonical(document, meta);
    if (canonical) {
      try {
        kind = classifyUrl(new URL(canonical, url).href);
      } catch {
        // A broken canonical link says nothing about the page.
      }
    }
  }
  if (URL_POINTS[kind] !== 0)
    evidence.add(URL_POINTS[kind], `address looks like ${URL_LABELS[kind] ?? `a ${kind} page`}`);
}

function metaEvidence(evidence: Evidence, meta: PageMeta): void {
  const ogType = meta.first('og:type')?.toLowerCase() ?? '';
  if (ogType === 'article' || ogType.startsWith('article') || ogType === 'news') evidence.add(1.5, `og:type=${ogType}`);
  else if (ogType === 'website') evidence.add(-0.5, 'og:type=website');
  else if (NON_ARTICLE_OG.test(ogType)) evidence.add(-3, `og:type=${ogType}`);
  if (meta.first('article:published_time', 'og:article:published_time')) evidence.add(1, 'article:published_time');
  const generator = meta.first('generator') ?? '';
  if (NON_ARTICLE_GENERATOR.test(generator)) evidence.add(-3, `made with ${generator.slice(0, 40)}`);
}

function structuredEvidence(evidence: Evidence, nodes: readonly JsonLdNode[]): void {
  const types = nodes.flatMap(typesOf);
  const articles = nodes.filter((n) => typesOf(n).some(isArticleType));
  const headlines = new Set(articles.map((n) => String(n.headline ?? n.name ?? '')));
  if (headlines.size >= 3) {
    evidence.add(-3, `JSON-LD lists ${headlines.size} articles`);
    return;
  }
  const articleType = articles.flatMap(typesOf).find(isArticleType);
  // Wikis declare Article too, written by "Contributors to ..." rather than by a person.
  const byContributors = articles.some((n) => /contributors/iu.test(JSON.stringify(n.author ?? n.creator ?? '')));
  if (articleType && byContributors) {
    evidence.add(-3, 'JSON-LD article written by a wiki’s contributors');
    return;
  }
  if (articleType) {
    const points = NEWS_TYPE.test(articleType) ? 3 : 2;
    evidence.add(points, `JSON-LD @type ${articleType}`);
    evidence.declared = Math.max(evidence.declared, points);
  }
  const listing = types.find((t) => LISTING_TYPES.test(t));
  if (listing && !articleType) evidence.add(-2.5, `JSON-LD @type ${listing}`);
  const forum = types.find((t) => FORUM_TYPES.test(t));
  if (forum) evidence.add(-3, `JSON-LD @type ${forum}`);
  const docs = types.find((t) => DOCS_TYPES.test(t));
  if (docs && !articleType) evidence.add(-2.5, `JSON-LD @type ${docs}`);
  if (types.includes('Product') && !articleType) evidence.add(-3, 'JSON-LD @type Product');
}

function markupEvidence(evidence: Evidence, document: Document): void {
  const items = document.querySelectorAll(MICRODATA_ARTICLE).length;
  if (items >= 4) evidence.add(-2.5, `${items} microdata articles (a listing)`);
  else if (items > 0) {
    evidence.add(2, 'microdata article');
    evidence.declared = Math.max(evidence.declared, 2);
  } else {
    const entry = blogEntry(document);
    if (entry) evidence.add(1, entry);
  }
}

function publicationDate(document: Document, meta: PageMeta, url: string, lead: Element | null): string | null {
  const nodes = readJsonLd(document, { onlyIf: /datePublished/u });
  const firstWords = lead ? (lead.textContent ?? '').trim().slice(0, 80) : null;
  return findDates(indexPage(document), meta, findArticleNode(nodes), url, {}, firstWords).publishedTime;
}

export function detectArticle(document: Document, url: string): ArticleVerdict {
  const evidence = new Evidence();
  const meta = readMeta(document);
  addressEvidence(evidence, document, meta, url);
  metaEvidence(evidence, meta);
  structuredEvidence(evidence, readJsonLd(document, { onlyIf: LD_HINT }));
  if (evidence.score <= CLEARLY_NOT && evidence.declared === 0) return evidence.verdict(false);
  markupEvidence(evidence, document);
  if (evidence.score <= CLEARLY_NOT && evidence.declared === 0) return evidence.verdict(false);

  const prose = findProse(document);
  const listing = looksLikeListing(document, prose.densest.chars);
  if (listing) evidence.add(-3, listing);
  // Fiction chapters declare themselves articles as often as news does.
  const chapter = chapterNavigation(document);
  if (chapter) evidence.add(-3, chapter);
  if (evidence.declared >= DECLARED && !listing) {
    // Declared by the publisher: an article unless something above spoke against it.
    return evidence.verdict(evidence.score >= DECLARED);
  }
  const text = runningText(document, prose);
  if (text) evidence.add(2, text);
  else if (prose.chars < 400) evidence.add(-2, 'little running text');
  // News says when it was published; about pages, terms, docs, fiction and READMEs rarely do.
  if (publicationDate(document, meta, url, prose.firstParagraph)) evidence.add(1, 'a publication date');
  else evidence.add(-1.5, 'no publication date');
  const dates = manyDates(document);
  if (dates) evidence.add(-2, dates);
  return evidence.verdict(evidence.score >= ARTICLE_SCORE);
}
