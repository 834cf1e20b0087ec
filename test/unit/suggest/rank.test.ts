import { describe, expect, it } from 'vitest';
import type { Group } from '@/utils/suggest/groups';
import { RANKER_WEIGHTS } from '@/utils/suggest/model-weights';
import { type Candidate, RANKER_SIZE, rankCandidates, type Tier } from '@/utils/suggest/rank';

function group(key: string, overrides: Partial<Group> = {}): Group {
  return {
    key,
    spellings: new Map([[key, 1]]),
    extraAliases: new Set(),
    mentions: 1,
    plainMentions: 1,
    midMentions: 1,
    commonMentions: 0,
    thingMentions: 0,
    figureMentions: 0,
    ownedMentions: 0,
    quotedMentions: 0,
    inHeadline: false,
    headlineMentions: 0,
    inLead: false,
    scoreSum: 10,
    scoreMax: 10,
    marginSum: 10,
    first: 0,
    ...overrides,
  };
}

const candidate = (g: Group, tier: Tier = 'sure'): Candidate => ({ group: g, tier });
const order = (candidates: Candidate[]) => rankCandidates(candidates, RANKER_WEIGHTS).map((r) => r.candidate.group.key);

describe('rankCandidates', () => {
  it('ships one weight per ranking feature and per pair of features', () => {
    expect(RANKER_WEIGHTS).toHaveLength(RANKER_SIZE);
    expect(() => rankCandidates([], [1, 2])).toThrow(`expected ${RANKER_SIZE}`);
  });

  it('puts the likely organisation the headline and lead name, often, before one named once', () => {
    const once = group('Deutsche Bank', { first: 5 });
    const subject = group('Nokia', { mentions: 4, plainMentions: 4, inHeadline: true, inLead: true, first: 1 });
    expect(order([candidate(once), candidate(subject)])).toEqual(['Nokia', 'Deutsche Bank']);
  });

  it('puts what the tagger was sure of before names it only perhaps read as organisations', () => {
    const perhaps = group('Jordan', { scoreSum: -5, scoreMax: -5, mentions: 3, plainMentions: 3, inLead: true });
    const sure = group('Xiaomi', { first: 4 });
    expect(order([candidate(perhaps, 'possible'), candidate(sure)])).toEqual(['Xiaomi', 'Jordan']);
    const scores = rankCandidates([candidate(perhaps, 'possible'), candidate(sure)], RANKER_WEIGHTS);
    for (const { score } of scores) expect(score).toBeGreaterThan(0);
  });

  it('puts the company an article names two dozen times before one it names five times', () => {
    const subject = group('Yahoo', {
      mentions: 24,
      plainMentions: 24,
      inLead: true,
      scoreSum: 120,
      scoreMax: 12,
      first: 2,
    });
    const aside = group('Remain', {
      spellings: new Map([
        ['Remain Co.', 1],
        ['Remain', 4],
      ]),
      mentions: 5,
      plainMentions: 5,
      inLead: true,
      scoreSum: 60,
      scoreMax: 15,
      first: 0,
    });
    expect(order([candidate(aside), candidate(subject)])).toEqual(['Yahoo', 'Remain']);
  });
});
