import { describe, expect, it } from 'vitest';
import { createEntity } from '@/utils/entities';
import { compileMatcher } from '@/utils/match/matcher';

const xiaomi = createEntity({ name: 'Xiaomi', aliases: ['Xiaomi Corp'] }, 0);
const apple = createEntity({ name: 'Apple', matchCase: true }, 1);

function found(text: string) {
  return compileMatcher([xiaomi, apple])
    .findMentions(text)
    .map((m) => text.slice(m.start, m.end));
}

describe('compileMatcher', () => {
  it('finds whole words, longest alias first', () => {
    expect(found('Xiaomi Corp and Xiaomi, not XiaomiX.')).toEqual(['Xiaomi Corp', 'Xiaomi']);
  });
  it('respects match case per alias', () => {
    expect(found('Apple sells apples and apple pie')).toEqual(['Apple']);
  });
  it('matches next to punctuation and possessives', () => {
    expect(found('(Xiaomi’s) "Apple"')).toEqual(['Xiaomi', 'Apple']);
  });
  it('ignores disabled entities', () => {
    expect(compileMatcher([{ ...xiaomi, enabled: false }]).findMentions('Xiaomi')).toEqual([]);
  });
});
