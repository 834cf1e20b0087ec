import { describe, expect, it } from 'vitest';
import { readDetectorModel, scoreFeatures } from '@/utils/article/detector';
import { FEATURE_NAMES } from '@/utils/article/page-features';
import { fitStumps, stumpPoints } from '../../support/boosted-stumps';
import {
  assignFolds,
  crossValidate,
  DEFAULT_OPTIONS,
  type DetectorExample,
  logOdds,
  modelData,
  thresholdForRecall,
  trainDetector,
} from '../../support/detector-training';
import { fitLogistic, logit } from '../../support/logistic';
import { seededRandom } from '../../support/seeded-random';

/** Pages from `sites` sites; articles have a higher first feature, with some noise. */
function examples(sites: number, perSite: number, seed = 7): DetectorExample[] {
  const next = seededRandom(seed);
  const list: DetectorExample[] = [];
  for (let s = 0; s < sites; s++) {
    for (let p = 0; p < perSite; p++) {
      const isArticle = (s + p) % 2 === 0;
      const values = FEATURE_NAMES.map(() => 0);
      values[0] = (isArticle ? 1 : -1) + (next() - 0.5);
      values[1] = next();
      list.push({
        id: `s${s}p${p}`,
        corpus: s % 3 === 0 ? 'news-dev' : 'readability',
        site: `site${s}.example`,
        lang: s % 2 === 0 ? 'en' : 'de',
        kind: isArticle ? 'article' : 'home',
        source: 'test',
        isArticle,
        borderline: false,
        stop: null,
        declaredNews: false,
        values,
      });
    }
  }
  return list;
}

describe('folds grouped by site', () => {
  it('never put one site’s pages in two folds, and spread the sites over every fold', () => {
    const list = examples(23, 3);
    const folds = assignFolds(list, 5, 2024);
    const foldOfSite = new Map<string, Set<number>>();
    list.forEach((e, i) => {
      foldOfSite.set(e.site, (foldOfSite.get(e.site) ?? new Set()).add(folds[i] as number));
    });
    expect([...foldOfSite.values()].every((set) => set.size === 1)).toBe(true);
    expect(new Set(folds).size).toBe(5);
  });

  it('come out the same for the same seed, and differently for another (negative control)', () => {
    const list = examples(23, 3);
    expect(assignFolds(list, 5, 2024)).toEqual(assignFolds(list, 5, 2024));
    expect(assignFolds(list, 5, 2024)).not.toEqual(assignFolds(list, 5, 99));
  });
});

describe('the fit and the threshold', () => {
  it('separates separable pages, and gives the same weights every time', () => {
    const data = examples(10, 4).map((e) => ({ values: e.values, label: e.isArticle ? (1 as const) : (0 as const) }));
    const model = fitLogistic(data, 0.3);
    expect(data.every((d) => logit(model, d.values) > 0 === (d.label === 1))).toBe(true);
    expect(fitLogistic(data, 0.3)).toEqual(model);
  });

  it('puts the threshold as high as the share of stories it must keep allows', () => {
    const scored = [
      { z: -4, isArticle: true },
      { z: -3, isArticle: false },
      { z: -1, isArticle: true },
      { z: 0, isArticle: false },
      { z: 1, isArticle: false },
      { z: 2, isArticle: true },
      { z: 3, isArticle: true },
    ];
    // Keeping 3 of 4 stories lets the one at -4 go: the cut sits between the page at -3 and the story at -1.
    expect(thresholdForRecall(scored, 0.75)).toBe(-2);
    // Keeping every story puts the cut below the lowest one, taking every page here for a story.
    expect(thresholdForRecall(scored, 1)).toBeLessThan(-4);
    // Keeping half of them: above the two pages at 0 and 1, below the story at 2.
    expect(thresholdForRecall(scored, 0.5)).toBe(1.5);
  });

  it('writes the model as data the extension reads back to the same scores', () => {
    const list = examples(12, 4);
    const trained = trainDetector(list, DEFAULT_OPTIONS);
    const data = modelData(trained);
    const weights = readDetectorModel(data);
    expect(trained.model.stumps.length).toBeGreaterThan(0);
    for (const e of list) {
      const values = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, e.values[i] ?? 0]));
      const margin = scoreFeatures(data, weights, { values: values as never }).margin;
      expect(margin).toBeCloseTo(logOdds(trained.model, e.values) - trained.threshold, 1);
    }
  });

  it('boosts stumps that say what a weighted sum cannot: stories only in a middle band of one feature', () => {
    const data = Array.from({ length: 60 }, (_, i) => {
      const x = i / 60;
      return { values: [x, (i * 7) % 5], label: x >= 0.3 && x < 0.7 ? (1 as const) : (0 as const) };
    });
    const right = (score: (v: number[]) => number) =>
      data.filter((d) => score(d.values) > 0 === (d.label === 1)).length;
    // Negative control: the logistic model alone can only put one cut on x.
    const linear = fitLogistic(data, 0.3);
    expect(right((v) => logit(linear, v))).toBeLessThan(45);
    const options = { rounds: 20, rate: 0.5, lambda: 1, minCurvature: 0.5, step: 0.01 };
    const start = data.map((d) => logit(linear, d.values));
    const stumps = fitStumps(data, start, options);
    expect(right((v) => logit(linear, v) + stumpPoints(stumps, v))).toBe(60);
    expect(new Set(stumps.map((s) => s.threshold))).toEqual(new Set([0.29, 0.69]));
    expect(fitStumps(data, start, options)).toEqual(stumps);
  });

  it('cross-validates every page once, and counts pages the cheap checks stop as not articles', () => {
    const list = examples(15, 4);
    (list[0] as DetectorExample).stop = 'address looks like a home page';
    const predictions = crossValidate(list, DEFAULT_OPTIONS);
    expect(predictions.map((p) => p.example.id).sort()).toEqual(list.map((e) => e.id).sort());
    expect(predictions.find((p) => p.example.id === list[0]?.id)?.isArticle).toBe(false);
    expect(predictions.filter((p) => p.isArticle === p.example.isArticle).length).toBeGreaterThan(50);
  });

  it('counts a page the cheap checks call a news article as one, whatever the model scores', () => {
    // A story whose features look like a listing's: the model misses it (negative control).
    const list = examples(15, 4).map((e, i) =>
      i === 0 ? { ...e, values: e.values.map((v, f) => (f === 0 ? -2 : v)) } : e,
    );
    const id = list[0]?.id;
    expect(list[0]?.isArticle).toBe(true);
    expect(crossValidate(list, DEFAULT_OPTIONS).find((p) => p.example.id === id)?.isArticle).toBe(false);
    const declared = list.map((e) => (e.id === id ? { ...e, declaredNews: true } : e));
    expect(crossValidate(declared, DEFAULT_OPTIONS).find((p) => p.example.id === id)?.isArticle).toBe(true);
  });

  it('learns only from the pages it decides, and keeps the stories the cheap checks declare whatever their score', () => {
    // Every fourth story looks like a listing to the model.
    const marked = (i: number, e: DetectorExample) => e.isArticle && i % 4 === 0;
    const odd = examples(15, 4).map((e, i) =>
      marked(i, e) ? { ...e, values: e.values.map((v, f) => (f === 0 ? -2 : v)) } : e,
    );
    const declared = odd.map((e, i) => (marked(i, e) ? { ...e, declaredNews: true } : e));
    const without = odd.filter((e, i) => !marked(i, e));
    const trained = trainDetector(declared, DEFAULT_OPTIONS);
    expect(trained.model).toEqual(trainDetector(without, DEFAULT_OPTIONS).model);
    // Negative control: the same stories, not declared, move the weights and pull the threshold down to keep them.
    const undeclared = trainDetector(odd, DEFAULT_OPTIONS);
    expect(undeclared.model).not.toEqual(trained.model);
    expect(trained.threshold).toBeGreaterThan(undeclared.threshold);
  });

  it('scores no page with what its own site gave away (negative control: split by page, it would)', () => {
    // Each site is all articles or all not, and one feature names the site: a model that saw
    // the site in training scores its pages right from that feature alone.
    const list = examples(20, 4).map((e, i) => {
      const site = Math.floor(i / 4);
      const values = FEATURE_NAMES.map((_, f) => (f === site ? 1 : 0));
      return { ...e, isArticle: site % 2 === 0, values };
    });
    const right = (pages: DetectorExample[]) =>
      crossValidate(pages, DEFAULT_OPTIONS).filter((p) => p.isArticle === p.example.isArticle).length;
    expect(right(list)).toBeLessThanOrEqual(list.length * 0.6);
    expect(right(list.map((e) => ({ ...e, site: e.id })))).toBeGreaterThanOrEqual(list.length * 0.85);
  });
});
