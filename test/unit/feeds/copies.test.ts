import { describe, expect, it } from 'vitest';
import { areCopies, copyBandKeys, copySignature, groupCopies } from '@/utils/feeds/copies';

// Texts written for this test: one wire report as two publishers ran it, and look-alikes that are not copies.
const WIRE = copySignature(
  'Harbour authority approves expansion of container terminal in Rotterdam',
  'The Rotterdam harbour authority on Tuesday approved a plan to expand the Maasvlakte container terminal, adding capacity for two million containers a year by 2030, officials said.',
);
const WIRE_EDITED = copySignature(
  'Rotterdam approves expansion of container terminal',
  'The Rotterdam harbour authority approved a plan to expand the Maasvlakte container terminal on Tuesday, adding capacity for two million containers a year by 2030, officials said…',
);
const SAME_EVENT = copySignature(
  'Dutch port to grow as Maasvlakte gets the green light',
  'Europe’s largest port will get bigger: after months of debate the board backed new quays that shippers say are overdue, though environmental groups vow to appeal.',
);

describe('areCopies', () => {
  it('groups a wire report with its lightly edited copy, not with another report of the same event', () => {
    expect(areCopies(WIRE, WIRE_EDITED)).toBe(true);
    expect(areCopies(WIRE, SAME_EVENT)).toBe(false);
  });

  it('keeps apart templated items whose titles carry different numbers', () => {
    const lead = (n: string) =>
      `Acme Corp insider Jane Roe sold ${n} shares of the company stock in a transaction on Friday, the filing with regulators shows.`;
    const a = copySignature('Acme Corp insider Jane Roe sells 1500 shares', lead('1,500'));
    const b = copySignature('Acme Corp insider Jane Roe sells 99342 shares', lead('99,342'));
    expect(areCopies(a, b)).toBe(false);
    // The negative control: the same numbers, the same text, one item listed twice.
    expect(areCopies(a, copySignature('Acme Corp insider Jane Roe sells 1500 shares', lead('1,500')))).toBe(true);
  });

  it('calls two items with the same long title copies even when one has no lead, but not short titles', () => {
    const title = 'Electoral quiz passes half a million completed tests';
    expect(
      areCopies(copySignature(title, ''), copySignature(title, 'More than 500,000 readers have finished the quiz.')),
    ).toBe(true);
    expect(areCopies(copySignature('Featured Advertiser', ''), copySignature('Featured Advertiser', ''))).toBe(false);
  });
});

describe('groupCopies', () => {
  it('finds copies through shared keys, transitively, and leaves the rest alone', () => {
    const third = copySignature(
      'Rotterdam harbour authority approves container terminal expansion',
      'The Rotterdam harbour authority on Tuesday approved a plan to expand the Maasvlakte container terminal, adding capacity for two million containers a year by 2030.',
    );
    const groups = groupCopies([WIRE, SAME_EVENT, WIRE_EDITED, third]);
    expect(groups[0]).toBe(groups[2]);
    expect(groups[0]).toBe(groups[3]);
    expect(groups[1]).not.toBe(groups[0]);
    expect(copyBandKeys(WIRE).some((k) => copyBandKeys(WIRE_EDITED).includes(k))).toBe(true);
  });
});
