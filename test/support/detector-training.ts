/**
 * Training and cross-validation of the article detector's model (utils/article/detector.ts):
 * a logistic model over the page's features, then a few dozen stumps boosted on its log-odds
 * (boosted-stumps.ts). Shared by `npm run train:detector` and `npm run eval`. Pages are read
 * once into examples: the cheap checks' verdict when they stop a page, the page's features
 * otherwise. Folds are grouped by site, so no publisher is on both sides of a split, and the
 * threshold of every model, the shipped one and each fold's, is chosen by an inner
 * cross-validation on its own training pages only: what is reported was never tuned on the
 * pages it is scored on.
 */
import type { DetectorModelData } from '../../utils/article/detector';
import { FEATURE_NAMES, type PageFeatures } from '../../utils/article/page-features';
import { fitStumps, type Stump, type StumpOptions, stumpPoints } from './boosted-stumps';
import { type Example, fitLogistic, type LogisticModel, logit } from './logistic';
import { seededRandom } from './seeded-random';

export interface DetectorExample {
  id: string;
  corpus: string;
  site: string;
  lang: string;
  kind: string;
  source: string;
  isArticle: boolean;
  /** Debatable pages: scored apart, never trained on. */
  borderline: boolean;
  /** The cheap checks' reason for calling the page not an article, or null. */
  stop: string | null;
  /**
   * The cheap checks call the page a news article (clearlyNewsArticle). The model still learns
   * from it and scores it, but the extension takes it for an article whatever the score.
   */
  declaredNews: boolean;
  /** The page's features (read even when the cheap checks stop it, for training). */
  values: number[];
}

export interface TrainingOptions {
  folds: number;
  seed: number;
  l2: number;
  /**
   * The threshold is the highest that keeps this share of the stories found on out-of-fold
   * scores: a missed story costs the reader more than a page wrongly taken for one, and a
   * recall target moves less from one split of the pages to another than a cost minimum does.
   */
  minRecall: number;
  /** Train on the pages the cheap checks stop too (they never reach the model in use). */
  trainOnStopped: boolean;
  /** The stumps boosted on top of the logistic model's log-odds (rounds: 0 for none). */
  stumps: StumpOptions;
}

/** The shipped model's numbers are whole multiples of 1/SCALE. */
const SCALE = 100;

export const DEFAULT_OPTIONS: TrainingOptions = {
  folds: 5,
  seed: 2024,
  // Held back further than the logistic model alone would be, so that its scores leave the
  // stumps something to correct.
  l2: 3,
  // The target is 0.98 of stories found on pages never trained on. The stories the cheap checks
  // declare count as kept, so this share is of all stories, as the target is.
  minRecall: 0.98,
  trainOnStopped: false,
  stumps: { rounds: 60, rate: 0.2, lambda: 1, minCurvature: 0.5, step: 1 / SCALE },
};

export function featureVector(features: PageFeatures): number[] {
  return FEATURE_NAMES.map((name) => features.values[name]);
}

/** Each site's pages go to one fold; sites are dealt in a seeded order to the fold with fewest pages. */
export function assignFolds(examples: readonly DetectorExample[], folds: number, seed: number): number[] {
  const sizes = new Map<string, number>();
  for (const e of examples) sizes.set(e.site, (sizes.get(e.site) ?? 0) + 1);
  const sites = [...sizes.keys()].sort();
  const next = seededRandom(seed);
  for (let i = sites.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sites[i], sites[j]] = [sites[j] as string, sites[i] as string];
  }
  // Big sites first, so the folds come out even.
  sites.sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0));
  const load = new Array<number>(folds).fill(0);
  const foldOf = new Map<string, number>();
  for (const site of sites) {
    const fold = load.indexOf(Math.min(...load));
    foldOf.set(site, fold);
    load[fold] = (load[fold] as number) + (sizes.get(site) ?? 0);
  }
  return examples.map((e) => foldOf.get(e.site) ?? 0);
}

/**
 * The pages the model learns from: those it decides. A page the cheap checks call a news article
 * never reaches it, so training on it would spend the fit on stories that are found anyway.
 */
function trainable(examples: readonly DetectorExample[], options: TrainingOptions): Example[] {
  return examples
    .filter((e) => !e.borderline && !e.declaredNews && (options.trainOnStopped || e.stop === null))
    .map((e) => ({ values: e.values, label: e.isArticle ? 1 : 0 }));
}

/**
 * The highest threshold at which at least `minRecall` of the articles score at or above it:
 * midway between the lowest article kept and the next score below it, article or not.
 */
export function thresholdForRecall(
  scored: ReadonlyArray<{ z: number; isArticle: boolean }>,
  minRecall: number,
): number {
  const articles = scored
    .filter((s) => s.isArticle)
    .map((s) => s.z)
    .sort((a, b) => a - b);
  const kept = articles[Math.floor((1 - minRecall) * articles.length + 1e-9)];
  if (kept === undefined || !Number.isFinite(kept)) return 0;
  const below = Math.max(...scored.map((s) => s.z).filter((z) => z < kept), kept - 2);
  return (below + kept) / 2;
}

/** Out-of-fold log-odds for every example the model decides (NaN for the ones the cheap checks stop). */
function outOfFold(examples: readonly DetectorExample[], options: TrainingOptions): number[] {
  const folds = assignFolds(examples, options.folds, options.seed);
  const z = new Array<number>(examples.length).fill(Number.NaN);
  for (let fold = 0; fold < options.folds; fold++) {
    const model = fitModel(
      trainable(
        examples.filter((_, i) => folds[i] !== fold),
        options,
      ),
      options,
    );
    examples.forEach((e, i) => {
      if (folds[i] === fold && e.stop === null) z[i] = logOdds(model, e.values);
    });
  }
  return z;
}

/** The logistic model and the stumps boosted on its log-odds. */
export interface DetectorFit {
  logistic: LogisticModel;
  stumps: Stump[];
}

export interface TrainedDetector {
  model: DetectorFit;
  threshold: number;
}

function fitModel(examples: readonly Example[], options: TrainingOptions): DetectorFit {
  const logistic = fitLogistic(examples, options.l2);
  const start = examples.map((e) => logit(logistic, e.values));
  return { logistic, stumps: fitStumps(examples, start, options.stumps) };
}

export function logOdds(model: DetectorFit, values: readonly number[]): number {
  return logit(model.logistic, values) + stumpPoints(model.stumps, values);
}

/** Fits the model on `examples` and sets its threshold by an inner grouped cross-validation. */
export function trainDetector(examples: readonly DetectorExample[], options: TrainingOptions): TrainedDetector {
  const z = outOfFold(examples, { ...options, seed: options.seed + 1 });
  // Stories the cheap checks declare are found whatever the model scores: they count as kept.
  const scored = examples
    .map((e, i) => ({
      z: e.declaredNews ? Number.POSITIVE_INFINITY : (z[i] as number),
      isArticle: e.isArticle,
      borderline: e.borderline,
    }))
    .filter((s) => !Number.isNaN(s.z) && !s.borderline);
  return {
    model: fitModel(trainable(examples, options), options),
    threshold: thresholdForRecall(scored, options.minRecall),
  };
}

export interface Prediction {
  example: DetectorExample;
  isArticle: boolean;
  /** Log-odds less the threshold (NaN when the cheap checks stopped the page). */
  margin: number;
}

/** Each example predicted by a model that never saw its site, with a threshold that never saw it either. */
export function crossValidate(examples: readonly DetectorExample[], options: TrainingOptions): Prediction[] {
  const folds = assignFolds(examples, options.folds, options.seed);
  const predictions: Prediction[] = [];
  for (let fold = 0; fold < options.folds; fold++) {
    const trained = trainDetector(
      examples.filter((_, i) => folds[i] !== fold),
      options,
    );
    examples.forEach((example, i) => {
      if (folds[i] !== fold) return;
      const margin = example.stop === null ? logOdds(trained.model, example.values) - trained.threshold : Number.NaN;
      predictions.push({ example, isArticle: example.declaredNews || margin >= 0, margin });
    });
  }
  return predictions;
}

export function modelData(trained: TrainedDetector): DetectorModelData {
  const { logistic, stumps } = trained.model;
  return {
    bias: Math.round(logistic.bias * 1000) / 1000,
    weights: FEATURE_NAMES.map((_, i) => Math.round((logistic.weights[i] ?? 0) * SCALE)).join(' '),
    stumps: stumps
      .map((s) => [s.feature, s.threshold, Math.round(s.below * SCALE), Math.round(s.above * SCALE)].join(':'))
      .join(' '),
    scale: SCALE,
    threshold: Math.round(trained.threshold * 1000) / 1000,
  };
}
