/**
 * A business text model: logistic regression over the words of `text-features.ts`. The weights
 * ship as one packed string ("word weight×100 ...") to keep the extension small:
 * `business-model.ts` for pages, `business-short-model.ts` for feed items (headline and lead);
 * `scripts/train-classifier.ts` writes both.
 */
import { featureVector } from './text-features';

/** The model as stored. */
export interface TextModelData {
  /** Where the training data came from (shown in the README and the model file). */
  source: string;
  bias: number;
  /** "word weight" pairs separated by spaces; weights are multiplied by `scale`. */
  terms: string;
  scale: number;
  /** The model also reads pairs of neighbouring words (see `featureVector`). */
  pairs?: boolean;
  /**
   * The most one word (or pair) may lower the log-odds, if there is such a limit: see
   * `SHORT_MODEL_OPTIONS` in the training script for why the feed items' model has one.
   */
  floor?: number;
}

export interface TextModel {
  /** The log-odds that the text is business news, and the words that pushed it most. */
  score(title: string, text: string): { logit: number; topWords: string[] };
}

export function createTextModel(data: TextModelData): TextModel {
  const weights = new Map<string, number>();
  const parts = data.terms.split(' ');
  for (let i = 0; i + 1 < parts.length; i += 2) weights.set(parts[i] as string, Number(parts[i + 1]) / data.scale);
  return {
    score(title, text) {
      let logit = data.bias;
      const contributions: Array<[string, number]> = [];
      for (const [token, value] of featureVector(title, text, data.pairs)) {
        const weight = weights.get(token);
        if (weight === undefined) continue;
        const contribution = data.floor === undefined ? weight * value : Math.max(-data.floor, weight * value);
        logit += contribution;
        contributions.push([token, contribution]);
      }
      contributions.sort((a, b) => b[1] - a[1]);
      return {
        logit,
        topWords: contributions
          .filter(([, c]) => c > 0)
          .slice(0, 5)
          .map(([w]) => w),
      };
    },
  };
}
