/**
 * Is this page a news article? The cheap checks settle the clear cases; a trained model decides
 * the rest:
 *
 *   address, meta tags, JSON-LD (declared.ts)
 *     │ nothing of an article declared, and another kind of page is (home page, search, shop,
 *     │ forum, docs, listing...) → not an article, stop here
 *     │ JSON-LD calls it one news article → an article (unless it links to the next chapter), stop here
 *   microdata, h-entry
 *     │ the same check again → stop
 *   page features (page-features.ts: running text, text and link density, listing signs,
 *   headline, date and byline) → logistic regression plus boosted stumps (detector.ts, numbers
 *   in detector-model.ts)
 *
 * The model is trained by `npm run train:detector` on real news and non-news pages, with its
 * threshold set so that news stories are not missed: short stories, reviews, press releases,
 * pages in any language and pages whose metadata is missing or says "website" included.
 */
import { clearlyNewsArticle, clearlyNotArticle, type Declared, readDeclared, readMarkup } from './declared';
import { type DetectorModel, readDetectorModel, scoreFeatures } from './detector';
import { DETECTOR_MODEL } from './detector-model';
import { type PageFeatures, pageFeatures } from './page-features';
import { chapterNavigation } from './page-shape';

export interface ArticleVerdict {
  isArticle: boolean;
  /** How sure, from 0.5 (on the edge) to 1. */
  confidence: number;
  reasons: string[];
}

/** Where detection got to: settled by the cheap checks (`article` says which way), or the features the model decides on. */
export type DetectorInput =
  | { stop: string; article: boolean; features: null }
  | { stop: null; article: null; features: PageFeatures };

/** How sure a stop by the cheap checks is: the pages it stops are rarely anything but what they say. */
const STOP_CONFIDENCE = 0.95;

let model: DetectorModel | null = null;

/** Runs the cheap checks and, unless they settle it, reads the page's features. */
export function detectorInput(document: Document, url: string): DetectorInput {
  const declared: Declared = readDeclared(document, url);
  let stop = clearlyNotArticle(declared);
  if (stop) return { stop, article: false, features: null };
  const news = clearlyNewsArticle(declared);
  if (news) {
    // Of the markup, only links to the next chapter overturn a story the JSON-LD declares, so
    // only they are looked for (each look is a query over the whole page).
    declared.chapter = chapterNavigation(document);
    stop = clearlyNotArticle(declared);
    return stop ? { stop, article: false, features: null } : { stop: news, article: true, features: null };
  }
  readMarkup(document, declared);
  stop = clearlyNotArticle(declared);
  if (stop) return { stop, article: false, features: null };
  return { stop: null, article: null, features: pageFeatures(document, url, declared) };
}

export function detectArticle(document: Document, url: string): ArticleVerdict {
  const input = detectorInput(document, url);
  if (input.stop !== null) return { isArticle: input.article, confidence: STOP_CONFIDENCE, reasons: [input.stop] };
  model ??= readDetectorModel(DETECTOR_MODEL);
  const score = scoreFeatures(DETECTOR_MODEL, model, input.features);
  const confidence = 1 / (1 + Math.exp(-Math.abs(score.margin)));
  return { isArticle: score.margin >= 0, confidence: Math.round(confidence * 100) / 100, reasons: score.reasons };
}
