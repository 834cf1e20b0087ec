/**
 * Is this page a news article? Cheap signals only: structured data a publisher declares.
 */

export interface ArticleVerdict {
  isArticle: boolean;
  confidence: number;
  reasons: string[];
}

const ARTICLE_TYPES = /^(NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|Article|BlogPosting)$/u;

function jsonLdTypes(document: Document): string[] {
  const types: string[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const nodes = Array.isArray(data) ? data : [data];
    for (const node of nodes) {
      const type = (node as { '@type'?: unknown } | null)?.['@type'];
      for (const t of Array.isArray(type) ? type : [type]) if (typeof t === 'string') types.push(t);
    }
  }
  return types;
}

export function detectArticle(document: Document, _url: string): ArticleVerdict {
  const ldType = jsonLdTypes(document).find((t) => ARTICLE_TYPES.test(t));
  if (ldType) return { isArticle: true, confidence: 0.9, reasons: [`JSON-LD @type ${ldType}`] };
  const ogType = document.querySelector('meta[property="og:type"]')?.getAttribute('content');
  if (ogType?.trim().toLowerCase() === 'article') {
    return { isArticle: true, confidence: 0.7, reasons: ['og:type=article'] };
  }
  return { isArticle: false, confidence: 0.8, reasons: ['no article markup'] };
}
