/**
 * The trained part of article detection: a logistic model over the page's features
 * (page-features.ts) plus a few dozen stumps boosted on its log-odds. A stump adds one number
 * below a threshold on one feature and another at or above it, which a weighted sum cannot say:
 * a feature that counts only past a point, or counts less once others have said the same. The
 * numbers ship in `detector-model.ts`, written by `npm run train:detector`
 * (scripts/train-detector.ts); this module only reads and applies them.
 */
import { FEATURE_NAMES, type FeatureName, type PageFeatures } from './page-features';

/** The model as stored: small, since it ships in the content script of every page. */
export interface DetectorModelData {
  bias: number;
  /** One weight per feature, in the order of FEATURE_NAMES, separated by spaces; multiplied by `scale`. */
  weights: string;
  /** "feature:threshold:below:above" separated by spaces: the feature's index, the two values multiplied by `scale`. */
  stumps: string;
  scale: number;
  /** Log-odds at or above which a page is an article (chosen for recall, not for balance). */
  threshold: number;
}

interface Stump {
  name: FeatureName;
  threshold: number;
  below: number;
  above: number;
}

export interface DetectorModel {
  weights: Map<FeatureName, number>;
  stumps: Stump[];
}

export interface DetectorScore {
  /** Log-odds that the page is an article, less the threshold: at or above 0, an article. */
  margin: number;
  /** The features that moved the score, strongest first: "og:article (+2.3)". */
  reasons: string[];
}

function stale(what: string): Error {
  return new Error(`The article detector's model has ${what}: run npm run train:detector`);
}

function readStump(text: string, scale: number): Stump {
  const [index, threshold, below, above] = text.split(':').map(Number);
  const name = FEATURE_NAMES[index ?? -1];
  if (name === undefined || [threshold, below, above].some((n) => n === undefined || Number.isNaN(n)))
    throw stale(`a stump it cannot read ("${text}")`);
  return { name, threshold: threshold as number, below: (below as number) / scale, above: (above as number) / scale };
}

export function readDetectorModel(data: DetectorModelData): DetectorModel {
  const parts = data.weights.split(' ').map(Number);
  // A model written for another list of features would weigh the wrong numbers.
  if (parts.length !== FEATURE_NAMES.length || parts.some(Number.isNaN))
    throw stale(`${parts.length} weights for ${FEATURE_NAMES.length} features`);
  const weights = new Map<FeatureName, number>();
  FEATURE_NAMES.forEach((name, i) => {
    if (parts[i] !== 0) weights.set(name, (parts[i] as number) / data.scale);
  });
  const stumps = data.stumps === '' ? [] : data.stumps.split(' ').map((s) => readStump(s, data.scale));
  return { weights, stumps };
}

export function scoreFeatures(data: DetectorModelData, model: DetectorModel, features: PageFeatures): DetectorScore {
  let logit = data.bias;
  const points = new Map<FeatureName, number>();
  const add = (name: FeatureName, value: number) => {
    logit += value;
    points.set(name, (points.get(name) ?? 0) + value);
  };
  for (const [name, weight] of model.weights) add(name, weight * features.values[name]);
  for (const s of model.stumps) add(s.name, features.values[s.name] < s.threshold ? s.below : s.above);
  const parts = [...points].filter(([, p]) => Math.abs(p) >= 0.05).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return {
    margin: logit - data.threshold,
    reasons: parts.map(([name, p]) => `${name} (${p > 0 ? '+' : ''}${p.toFixed(1)})`),
  };
}
