import { describe, expect, it } from 'vitest';
import { goldOrganisations, topFive } from '../../support/conll';

const gold = (...names: string[]) => goldOrganisations(names);

describe('top-five precision of the suggestion evaluation', () => {
  it('judges every suggestion shown, and counts each organisation left unsuggested as a wrong slot', () => {
    // Two organisations, three suggestions: the third is wrong, and the old definition never saw it.
    expect(topFive([['Nokia'], ['Siemens AG'], ['Finland']], gold('Nokia', 'Siemens'))).toEqual({
      shown: 3,
      right: 2,
      slots: 3,
      firstRight: 2,
      firstSlots: 2,
    });
    // Three organisations, one suggestion: two empty slots, wrong under both definitions.
    expect(topFive([['Nokia']], gold('Nokia', 'Siemens', 'Ericsson'))).toMatchObject({ right: 1, slots: 3 });
    // No organisation: every suggestion is wrong, and showing none costs nothing.
    expect(topFive([['Finland'], ['Helsinki']], gold())).toMatchObject({ right: 0, slots: 2, firstSlots: 0 });
    expect(topFive([], gold())).toMatchObject({ right: 0, slots: 0 });
  });

  it('has at most five slots, and claims each organisation once whatever it is called', () => {
    const many = gold('A Corp', 'B Corp', 'C Corp', 'D Corp', 'E Corp', 'F Corp', 'International Business Machines');
    const suggestions = [['IBM', 'International Business Machines'], ['A'], ['A Corp'], ['B'], ['C'], ['D'], ['E']];
    expect(topFive(suggestions, many)).toEqual({ shown: 5, right: 4, slots: 5, firstRight: 4, firstSlots: 5 });
  });
});
