/**
 * Which found organisations to suggest first. Each group is described by a few numbers (how sure
 * the tagger was, how often and where the article names it: headline, lead, body) and scored
 * by a logistic ranker over those numbers and their pairwise products, fitted on CoNLL-2003
 * eng.train (scripts/train-ner.ts; the weights ship in model-weights.ts beside the tagger's).
 */
import type { Group } from './groups';
import { LEGAL_SUFFIXES } from './lexicon';
import { isAllCaps } from './variants';

/** How sure the finder is that the group is an organisation at all. */
export type Tier = 'sure' | 'headline' | 'possible' | 'unclassified';

export interface Candidate {
  group: Group;
  tier: Tier;
}

/** Names of the ranking features, in order (documentation, and a check on the weights' length). */
export const RANK_FEATURES = [
  'bias',
  'possible',
  'unclassified',
  'log mentions',
  'log mentions outside capitals',
  'in headline',
  'in lead',
  'mean tagger score',
  'best tagger score',
  'words',
  'capitals only',
  'legal form',
  'first mention position',
  'several spellings',
  'acronym',
  'share of mentions',
  'mean margin over other kinds',
  'share mid-sentence',
  'share in common words',
  'has a digit',
  'share followed by a word for a thing',
  'share followed by a figure',
  'perhaps a name, in the headline',
  'share owned by an organisation',
] as const;

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

/**
 * Mentions past this count as this many. Few training articles name one organisation more often,
 * so the ranker's products would guess from almost nothing beyond it (a company named two dozen
 * times came out less likely than one named once); salience lifts what an article names often.
 */
const MAX_COUNTED_MENTIONS = 6;
const countedMentions = (n: number) => Math.log1p(Math.min(n, MAX_COUNTED_MENTIONS));

/** The feature vector of each candidate; `first` positions and mention shares are relative to the article. */
export function rankFeatures(candidates: readonly Candidate[]): number[][] {
  const totalMentions = candidates.reduce((n, c) => n + c.group.mentions, 0) || 1;
  const lastFirst = Math.max(1, ...candidates.map((c) => c.group.first));
  return candidates.map(({ group: g, tier }) => {
    const spellings = [...g.spellings.keys()];
    const longest = spellings.reduce((a, b) => (b.length > a.length ? b : a), '');
    return [
      1,
      tier === 'possible' || tier === 'headline' ? 1 : 0,
      tier === 'unclassified' ? 1 : 0,
      countedMentions(g.mentions),
      countedMentions(g.plainMentions),
      g.inHeadline ? 1 : 0,
      g.inLead ? 1 : 0,
      clamp(g.scoreSum / g.mentions / 10, -3, 3),
      clamp(g.scoreMax / 10, -3, 3),
      Math.min(longest.split(' ').length, 4) / 4,
      spellings.every(isAllCaps) ? 1 : 0,
      spellings.some((s) => s.includes(' ') && LEGAL_SUFFIXES.has(s.split(' ').at(-1)?.toLowerCase() ?? '')) ? 1 : 0,
      g.first / lastFirst,
      spellings.length > 1 ? 1 : 0,
      isAllCaps(longest) && longest.length <= 5 && !longest.includes(' ') ? 1 : 0,
      g.mentions / totalMentions,
      clamp(g.marginSum / g.mentions / 10, -3, 3),
      g.midMentions / g.mentions,
      g.commonMentions / g.mentions,
      /\d/u.test(longest) ? 1 : 0,
      g.thingMentions / g.mentions,
      g.figureMentions / g.mentions,
      tier === 'unclassified' && g.inHeadline ? 1 : 0,
      g.ownedMentions / g.mentions,
    ];
  });
}

/** How many weights the ranker has: one per feature, and one per pair of features but the bias. */
export const RANKER_SIZE = RANK_FEATURES.length + ((RANK_FEATURES.length - 1) * RANK_FEATURES.length) / 2;

/**
 * What the ranker weighs: the features, then the product of each pair of them (each with itself
 * too) but the bias. How much the tagger's scores say depends on the other numbers (a high score
 * says more of a name in the lead than of one in a results table) and does not grow in a straight
 * line, which one weight per feature cannot say.
 */
export function rankInputs(features: readonly number[]): number[] {
  const inputs = [...features];
  for (let a = 1; a < features.length; a++) {
    for (let b = a; b < features.length; b++) inputs.push((features[a] as number) * (features[b] as number));
  }
  return inputs;
}

export function logistic(weights: readonly number[], features: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += (weights[i] ?? 0) * (features[i] as number);
  return 1 / (1 + Math.exp(-z));
}

/** How central a group is to the article: a headline mention counts 3, the lead 2, each mention 1. */
export function salience(group: Group): number {
  return (group.inHeadline ? 3 : 0) + (group.inLead ? 2 : 0) + group.mentions;
}

/**
 * How much salience may lift a candidate over a likelier one: SALIENCE_STEP per point, at most
 * MAX_SALIENCE points. The ranker already weighs headline and lead for being right, and learnt
 * from wire copy that a name repeated in results tables is often no organisation; this puts the
 * article's own subject first among the names it shows. The cap lets a company named two dozen
 * times pass a surer one named five times ("Remain Co." came before "Yahoo" in a story about
 * Yahoo under a low cap); on held-out folds of eng.train, caps from 6 to 40 give the same
 * top-five precision, so the cap only changes the order within the five.
 */
const SALIENCE_STEP = 0.05;
const MAX_SALIENCE = 30;

/**
 * A candidate is suggested when its standing (the ranker's probability plus the salience
 * bonus) is at least this: an empty place in the popup is better than a wrong name, and the
 * company a story names two dozen times is its subject even where the tagger was unsure of
 * every mention. On three held-out tenths of eng.train, 0.4 fills 546 of 736 top-five slots
 * rightly and 0.5 fills 536 of 731 (scripts/train-ner.ts --holdout prints several minimums).
 */
export const MIN_STANDING = 0.4;

export interface Ranked {
  candidate: Candidate;
  /** The ranker's probability that the candidate is one of the article's organisations. */
  score: number;
  /** What orders the candidates: the probability plus the salience bonus. */
  standing: number;
}

/**
 * A name the headline gives, that the text names again and the tagger reads as an organisation
 * at least as much as anything else, is suggested even where the ranker, which learnt from wire
 * stories with headlines in capitals, is unsure of it.
 */
function floorOf(candidate: Candidate, minStanding: number): number {
  return candidate.tier === 'headline' ? minStanding : 0;
}

/** Candidates best first; ties keep article order. */
export function rankCandidates(
  candidates: readonly Candidate[],
  weights: readonly number[],
  minStanding = MIN_STANDING,
): Ranked[] {
  if (weights.length !== RANKER_SIZE) {
    throw new Error(`The ranker has ${weights.length} weights, expected ${RANKER_SIZE}.`);
  }
  const features = rankFeatures(candidates);
  return candidates
    .map((candidate, i) => {
      const score = logistic(weights, rankInputs(features[i] as number[]));
      const bonus = SALIENCE_STEP * Math.min(MAX_SALIENCE, salience(candidate.group));
      return { candidate, score, standing: Math.max(floorOf(candidate, minStanding), score + bonus) };
    })
    .sort((a, b) => b.standing - a.standing || a.candidate.group.first - b.candidate.group.first);
}
