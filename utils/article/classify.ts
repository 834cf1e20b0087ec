/**
 * Is this story business news? Two kinds of evidence, added as log-odds:
 *   - what the publisher says: the section (`articleSection`, `article:section`), the address
 *     (/business/, /markets/, /economy/, /companies/, /money/ and their equivalents in other
 *     languages) and the keywords;
 *   - what the text says: a compact word model trained on BBC News (business vs entertainment,
 *     politics, sport and tech), shipped in the extension as data (`business-model.ts`).
 * Publisher metadata outweighs the text when they disagree: a section front knows its sections.
 */
import { BUSINESS_MODEL } from './business-model';
import type { ExtractedStory } from './extract';
import { createTextModel, type TextModel } from './text-model';

export interface BusinessVerdict {
  isBusiness: boolean;
  score: number;
  reasons: string[];
}

/** What the classifier reads; an extracted story has all of it, a bare text only title and text. */
export type BusinessInput = Pick<ExtractedStory, 'title' | 'text'> &
  Partial<Pick<ExtractedStory, 'section' | 'canonicalUrl' | 'keywords' | 'description'>>;

const BUSINESS_WORDS =
  'business|businesses|markets?|economy|economics|economic|companies|company|money|finance|financial|finances|' +
  'investing|investment|investments|investors?|stocks?|banking|banks|industry|industries|trade|earnings|deals|' +
  'personal-finance|wirtschaft|unternehmen|finanzen|boerse|börse|geld|economie|économie|entreprises|bourse|argent|' +
  'economia|economía|negocios|empresas|mercados|finanzas|dinero|finanza|mercati|aziende|economie|bedrijven|financien|' +
  'ekonomi|näringsliv|naeringsliv|talous|gospodarka|biznes|経済|财经|经济|商业|產業|财富';
const BUSINESS_SECTION = new RegExp(`(^|[^\\p{L}])(${BUSINESS_WORDS})([^\\p{L}]|$)`, 'iu');
const BUSINESS_PATH = new RegExp(`^(${BUSINESS_WORDS})$`, 'iu');
const OTHER_SECTION =
  /^(sports?|football|soccer|entertainment|celebrity|culture|arts?|music|movies|film|tv|television|lifestyle|life|style|fashion|travel|food|health|science|politics|world|opinion|weather|books|games|gaming|horoscopes?)$/iu;

const SECTION_LOGIT = 3.5;
const OTHER_SECTION_LOGIT = -1.5;
const PATH_LOGIT = 2.5;
const KEYWORD_LOGIT = 0.75;
/** However sure the text model is, a business section plus a business address outweigh it. */
const TEXT_LOGIT_LIMIT = 5;

/**
 * The model reads a story's first 30,000 characters: more than almost any story has, and all a
 * page of megabytes gets, so classifying it stays one short step.
 */
const CLASSIFIED_CHARS = 30_000;

/**
 * The shipped model, unpacked for each story and not kept: a tab classifies one story per page,
 * and an unpacked table of every word would stay in each frame's memory for the tab's life.
 */
function shipped(): TextModel {
  return createTextModel(BUSINESS_MODEL);
}

function pathSegments(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return new URL(url).pathname
      .toLowerCase()
      .split('/')
      .filter((s) => s.length > 0)
      .slice(0, 3);
  } catch {
    return [];
  }
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function classifyBusiness(story: BusinessInput, model?: TextModel): BusinessVerdict {
  const textModel = model ?? shipped();
  const reasons: string[] = [];
  let logit = 0;
  const section = story.section?.trim();
  if (section && BUSINESS_SECTION.test(section)) {
    logit += SECTION_LOGIT;
    reasons.push(`section "${section}"`);
  } else if (section && OTHER_SECTION.test(section)) {
    logit += OTHER_SECTION_LOGIT;
    reasons.push(`section "${section}" is not business`);
  }
  const businessSegment = pathSegments(story.canonicalUrl).find((s) => BUSINESS_PATH.test(s));
  if (businessSegment) {
    logit += PATH_LOGIT;
    reasons.push(`address /${businessSegment}/`);
  }
  const keyword = story.keywords?.find((k) => BUSINESS_SECTION.test(k));
  if (keyword) {
    logit += KEYWORD_LOGIT;
    reasons.push(`keyword "${keyword}"`);
  }
  // The description is the publisher's own summary: it helps most when the text is short.
  const text =
    story.text.length < 400 && story.description
      ? `${story.description}\n${story.text}`
      : story.text.slice(0, CLASSIFIED_CHARS);
  const fromText = textModel.score(story.title, text);
  logit += Math.max(-TEXT_LOGIT_LIMIT, Math.min(TEXT_LOGIT_LIMIT, fromText.logit));
  reasons.push(
    `text model ${sigmoid(fromText.logit).toFixed(2)}${fromText.topWords.length > 0 ? ` (${fromText.topWords.join(', ')})` : ''}`,
  );
  const score = sigmoid(logit);
  return { isBusiness: score >= 0.5, score, reasons };
}
