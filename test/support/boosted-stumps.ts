/**
 * Gradient boosting of stumps (one-split trees) on the logistic loss, started from another
 * model's log-odds: each round adds the one threshold on one feature that best corrects what the
 * scores so far get wrong, its two values set by a Newton step (as in XGBoost). Started from the
 * logistic model, the stumps add what a weighted sum cannot say: a feature that counts only past
 * a point, or counts less once another has said the same. Deterministic: every candidate split
 * is tried in a fixed order.
 */
import type { Example } from './logistic';

export interface Stump {
  feature: number;
  /** Values below go one way, values at or above it the other. */
  threshold: number;
  below: number;
  above: number;
}

export interface StumpOptions {
  rounds: number;
  /** Each stump's values are shrunk by this factor, so that no one page decides a split. */
  rate: number;
  /** Added to each side's curvature: a side with few pages moves the score less. */
  lambda: number;
  /** Each side must hold at least this much curvature (p·(1−p) summed over its pages). */
  minCurvature: number;
  /** Values are rounded to this step, as they ship, so the fitted model is the shipped one. */
  step: number;
}

export function stumpPoints(stumps: readonly Stump[], values: readonly number[]): number {
  let sum = 0;
  for (const s of stumps) sum += (values[s.feature] as number) < s.threshold ? s.below : s.above;
  return sum;
}

interface Split {
  gain: number;
  feature: number;
  threshold: number;
}

/** The best split of one feature for gradients `g` and curvatures `h`, with pages sorted by that feature in `order`. */
function bestSplit(
  examples: readonly Example[],
  feature: number,
  order: readonly number[],
  g: readonly number[],
  h: readonly number[],
  totals: { g: number; h: number },
  options: StumpOptions,
): Split | null {
  let best: Split | null = null;
  let gl = 0;
  let hl = 0;
  const value = (i: number) => (examples[order[i] as number] as Example).values[feature] as number;
  for (let i = 0; i < order.length - 1; i++) {
    gl += g[order[i] as number] as number;
    hl += h[order[i] as number] as number;
    const here = value(i);
    const next = value(i + 1);
    if (here === next) continue;
    const threshold = Math.round(((here + next) / 2) * 100) / 100;
    // The rounded threshold must still fall between the two values, or it would split elsewhere.
    if (!(threshold > here && threshold <= next)) continue;
    const gr = totals.g - gl;
    const hr = totals.h - hl;
    if (hl < options.minCurvature || hr < options.minCurvature) continue;
    const gain = (gl * gl) / (hl + options.lambda) + (gr * gr) / (hr + options.lambda);
    if (best === null || gain > best.gain) best = { gain, feature, threshold };
  }
  return best;
}

/** Stumps that, added to `start` (each example's log-odds from another model), fit the labels better. */
export function fitStumps(examples: readonly Example[], start: readonly number[], options: StumpOptions): Stump[] {
  const features = examples[0]?.values.length ?? 0;
  const orders = Array.from({ length: features }, (_, f) =>
    examples.map((_, i) => i).sort((a, b) => (examples[a]?.values[f] as number) - (examples[b]?.values[f] as number)),
  );
  const z = [...start];
  const stumps: Stump[] = [];
  const round = (v: number) => Math.round(v / options.step) * options.step;
  for (let r = 0; r < options.rounds; r++) {
    const p = z.map((zi) => 1 / (1 + Math.exp(-zi)));
    const g = p.map((pi, i) => pi - (examples[i] as Example).label);
    const h = p.map((pi) => Math.max(pi * (1 - pi), 1e-9));
    const totals = { g: g.reduce((s, v) => s + v, 0), h: h.reduce((s, v) => s + v, 0) };
    let best: Split | null = null;
    for (let f = 0; f < features; f++) {
      const split = bestSplit(examples, f, orders[f] as number[], g, h, totals, options);
      if (split && (best === null || split.gain > best.gain)) best = split;
    }
    if (best === null) break;
    let gl = 0;
    let hl = 0;
    examples.forEach((e, i) => {
      if ((e.values[best.feature] as number) < best.threshold) {
        gl += g[i] as number;
        hl += h[i] as number;
      }
    });
    const stump: Stump = {
      feature: best.feature,
      threshold: best.threshold,
      below: round((-options.rate * gl) / (hl + options.lambda)),
      above: round((-options.rate * (totals.g - gl)) / (totals.h - hl + options.lambda)),
    };
    if (stump.below === 0 && stump.above === 0) break;
    stumps.push(stump);
    examples.forEach((e, i) => {
      z[i] = (z[i] as number) + stumpPoints([stump], e.values);
    });
  }
  return merged(stumps, round);
}

/** Stumps on the same feature and threshold added into one: the same scores, fewer numbers to ship. */
function merged(stumps: readonly Stump[], round: (v: number) => number): Stump[] {
  const byKey = new Map<string, Stump>();
  for (const s of stumps) {
    const key = `${s.feature}:${s.threshold}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.below = round(seen.below + s.below);
      seen.above = round(seen.above + s.above);
    } else byKey.set(key, { ...s });
  }
  return [...byKey.values()];
}
