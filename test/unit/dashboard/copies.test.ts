import { describe, expect, it } from 'vitest';
import { listOnce } from '@/utils/dashboard/copies';
import type { StoryFact } from '@/utils/db/facts';

const fact = (sid: number, publisher: string, copyOf?: number): StoryFact => ({
  sid,
  url: `https://${publisher.toLowerCase()}.example/${sid}`,
  title: `Story ${copyOf ?? sid}`,
  publisher,
  firstSeen: 1000 - sid,
  business: true,
  entityIds: ['xiaomi', 'nvidia'],
  relevance: 0,
  ...(copyOf === undefined ? {} : { copyOf }),
});

describe('listOnce', () => {
  it('lists a wire story run by three publishers once, where its first copy stands, with the others', () => {
    const listed = listOnce([fact(5, 'Paper', 2), fact(3, 'Other'), fact(2, 'Wire'), fact(7, 'Third', 2)]);
    expect(listed.map((s) => [s.fact.publisher, s.copies.map((c) => c.publisher)])).toEqual([
      ['Paper', ['Wire', 'Third']],
      ['Other', []],
    ]);
  });

  it('keeps stories that are not copies apart, even with the same title (negative control)', () => {
    const same = { ...fact(4, 'Elsewhere'), title: 'Story 3' };
    expect(listOnce([fact(3, 'Other'), same]).map((s) => s.copies.length)).toEqual([0, 0]);
  });
});
