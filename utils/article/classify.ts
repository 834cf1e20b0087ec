/**
 * Is this story business news? Metadata first (section, URL path).
 */
import type { ExtractedStory } from './extract';

export interface BusinessVerdict {
  isBusiness: boolean;
  score: number;
  reasons: string[];
}

const BUSINESS_PATH = /\/(business|markets?|economy|companies|money|finance)(\/|$)/iu;
const BUSINESS_SECTION = /\b(business|markets?|economy|companies|money|finance)\b/iu;

export function classifyBusiness(story: ExtractedStory): BusinessVerdict {
  const reasons: string[] = [];
  if (story.section && BUSINESS_SECTION.test(story.section)) reasons.push(`section "${story.section}"`);
  try {
    if (BUSINESS_PATH.test(new URL(story.canonicalUrl).pathname)) reasons.push('business URL path');
  } catch {
    // An unparsable URL simply gives no path signal.
  }
  const score = reasons.length > 0 ? 0.9 : 0.1;
  return { isBusiness: score >= 0.5, score, reasons };
}
