/**
 * What `npm run analyze` says about one page, from the extension's own functions (the same
 * code the content script runs): article or not, business or not, and the story's fields.
 */
import { classifyBusiness } from '../../utils/article/classify';
import { detectArticle } from '../../utils/article/detect';
import { extractStory } from '../../utils/article/extract';

export interface PageAnalysis {
  isArticle: boolean;
  isBusiness: boolean;
  businessScore: number;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  section: string | null;
  excerpt: string | null;
  textLength: number;
}

export function analyzeDocument(document: Document, url: string): PageAnalysis {
  const verdict = detectArticle(document, url);
  const story = extractStory(document, url);
  const business = classifyBusiness(story);
  return {
    isArticle: verdict.isArticle,
    isBusiness: business.isBusiness,
    businessScore: Math.round(business.score * 1000) / 1000,
    title: story.title || null,
    byline: story.byline,
    siteName: story.publisher,
    publishedTime: story.publishedTime,
    modifiedTime: story.modifiedTime,
    canonicalUrl: story.canonicalUrl,
    lang: story.lang,
    section: story.section,
    excerpt: story.description,
    textLength: story.text.length,
  };
}
