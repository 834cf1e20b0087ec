/**
 * The trained part of article detection: logistic regression over the page's features
 * (page-features.ts). The weights ship in `detector-model.ts`, written by
 * `npm run train:detector` (scripts/train-detector.ts); this module only reads and applies them.
 */
import { FEATURE_NAMES, type FeatureName, type PageFeatures } from './page-features';

/** The model as stored. */
export interface DetectorModelData {
  /** What it was trained on (shown in the README and the model file). */
  source: string;
  bias: number;
  /** "feature weight" pairs separated by spaces; weights are multiplied by `scale`. */
  weights: string;
  scale: number;
  /** Log-odds at or above which a page is an article (chosen for recall, not for balance). */
  threshold: number;
}

export interface DetectorScore {
  /** Log-odds that the page is an article, less the threshold: at or above 0, an article. */
  margin: number;
  /** What moved the score, strongest first: "og:type=article (+1.2)". */
  reasons: string[];
}

export function readDetectorModel(data: DetectorModelData): Map<FeatureName, number> {
  const known = new Set<string>(FEATURE_NAMES);
  const weights = new Map<FeatureName, number>();
  const parts = data.weights.split(' ');
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const name = parts[i] as string;
    if (known.has(name)) weights.set(name as FeatureName, Number(parts[i + 1]) / data.scale);
  }
  return weights;
}

export function scoreFeatures(
  data: DetectorModelData,
  weights: ReadonlyMap<FeatureName, number>,
  features: PageFeatures,
): DetectorScore {
  let logit = data.bias;
  const parts: Array<{ note: string; points: number }> = [];
  for (const [name, weight] of weights) {
    const points = weight * (features.values[name] ?? 0);
    logit += points;
    const note = features.notes[name];
    if (note && Math.abs(points) >= 0.05) parts.push({ note, points });
  }
  parts.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return {
    margin: logit - data.threshold,
    reasons: parts.map(({ note, points }) => `${note} (${points > 0 ? '+' : ''}${points.toFixed(1)})`),
  };
}
