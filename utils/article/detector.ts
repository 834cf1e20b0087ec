/**
 * The trained part of article detection: logistic regression over the page's features
 * (page-features.ts). The weights ship in `detector-model.ts`, written by
 * `npm run train:detector` (scripts/train-detector.ts); this module only reads and applies them.
 */
import { FEATURE_NAMES, type FeatureName, type PageFeatures } from './page-features';

/** The model as stored: small, since it ships in the content script of every page. */
export interface DetectorModelData {
  bias: number;
  /** One weight per feature, in the order of FEATURE_NAMES, separated by spaces; multiplied by `scale`. */
  weights: string;
  scale: number;
  /** Log-odds at or above which a page is an article (chosen for recall, not for balance). */
  threshold: number;
}

export interface DetectorScore {
  /** Log-odds that the page is an article, less the threshold: at or above 0, an article. */
  margin: number;
  /** The features that moved the score, strongest first: "og:article (+2.3)". */
  reasons: string[];
}

export function readDetectorModel(data: DetectorModelData): Map<FeatureName, number> {
  const parts = data.weights.split(' ').map(Number);
  // A model written for another list of features would weigh the wrong numbers.
  if (parts.length !== FEATURE_NAMES.length || parts.some(Number.isNaN)) {
    throw new Error(
      `The article detector's model has ${parts.length} weights for ${FEATURE_NAMES.length} features: run npm run train:detector`,
    );
  }
  const weights = new Map<FeatureName, number>();
  FEATURE_NAMES.forEach((name, i) => {
    if (parts[i] !== 0) weights.set(name, (parts[i] as number) / data.scale);
  });
  return weights;
}

export function scoreFeatures(
  data: DetectorModelData,
  weights: ReadonlyMap<FeatureName, number>,
  features: PageFeatures,
): DetectorScore {
  let logit = data.bias;
  const parts: Array<{ name: FeatureName; points: number }> = [];
  for (const [name, weight] of weights) {
    const points = weight * features.values[name];
    logit += points;
    if (Math.abs(points) >= 0.05) parts.push({ name, points });
  }
  parts.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return {
    margin: logit - data.threshold,
    reasons: parts.map(({ name, points }) => `${name} (${points > 0 ? '+' : ''}${points.toFixed(1)})`),
  };
}
