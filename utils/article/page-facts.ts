/**
 * Language, section, description and keywords: short facts the publisher declares in meta
 * tags or JSON-LD.
 */
import { asNodes, type JsonLdNode, textOf, typesOf } from './jsonld';
import type { PageMeta } from './meta';
import { collapseSpace, nonEmpty } from './text';

export function findLang(document: Document, meta: PageMeta, article: JsonLdNode | null): string | null {
  const declared =
    nonEmpty(document.documentElement?.getAttribute('lang')) ??
    nonEmpty(document.documentElement?.getAttribute('xml:lang')) ??
    meta.first('content-language', 'og:locale', 'language', 'dc.language') ??
    textOf(article?.inLanguage);
  if (!declared) return null;
  // "en_US" (og:locale) and "en-us, en" (content-language) become "en-US" and "en".
  const first = collapseSpace(declared).split(/[,;\s]/u)[0] ?? '';
  const [language, region] = first.replace(/_/gu, '-').split('-');
  if (!language || !/^[a-z]{2,3}$/iu.test(language)) return null;
  return region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
}

function breadcrumbSection(nodes: readonly JsonLdNode[]): string | null {
  const trail = nodes.find((n) => typesOf(n).includes('BreadcrumbList'));
  if (!trail) return null;
  const items = asNodes(trail.itemListElement)
    .map((item) => textOf(item.name) ?? textOf(item.item))
    .filter(
      (name): name is string => typeof name === 'string' && !/^(home|start|startseite|accueil|inicio)$/iu.test(name),
    );
  // The last crumb is usually the story itself.
  return items.length >= 2 ? (items[0] ?? null) : null;
}

export function findSection(meta: PageMeta, article: JsonLdNode | null, nodes: readonly JsonLdNode[]): string | null {
  const declared =
    textOf(article?.articleSection) ??
    meta.first(
      'article:section',
      'og:article:section',
      'section',
      'article.section',
      'parsely-section',
      'sailthru.section',
      'category',
      'cxenseparse:recs:category',
    ) ??
    breadcrumbSection(nodes);
  return declared ? collapseSpace(declared) : null;
}

export function findDescription(meta: PageMeta, article: JsonLdNode | null): string | null {
  const declared = meta.first('og:description', 'description', 'twitter:description') ?? textOf(article?.description);
  return declared ? collapseSpace(declared) : null;
}

export function findKeywords(meta: PageMeta, article: JsonLdNode | null): string[] {
  const raw = [meta.first('news_keywords', 'keywords', 'article:tag', 'parsely-tags'), textOf(article?.keywords)];
  const tags = meta.all('article:tag');
  return [...new Set([...raw, ...tags].flatMap((v) => (v ? v.split(/[,;]/u) : [])).map(collapseSpace))].filter(
    (k) => k.length > 0 && k.length < 60,
  );
}
