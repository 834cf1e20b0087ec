import { describe, expect, it } from 'vitest';
import { NO_CONTEXT } from '@/utils/suggest/context';
import { addMention, type Group, splitPossessives } from '@/utils/suggest/groups';
import type { Name } from '@/utils/suggest/names';

// Written for these tests.
function name(text: string): Name {
  return {
    ...NO_CONTEXT,
    text,
    start: 0,
    end: text.length,
    kind: 'ORG',
    score: 10,
    orgScore: 10,
    otherScore: 0,
    capsLine: false,
    sentenceStart: false,
    commonWords: false,
  };
}

function groupsOf(...texts: string[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  texts.forEach((t, i) => {
    addMention(groups, name(t), 'body', i);
  });
  return groups;
}

describe('splitPossessives', () => {
  it("reads an organisation's possessive inside a name as the organisation and a thing it owns", () => {
    const groups = groupsOf("Korvel Corp. 's Lumen", 'Korvel');
    splitPossessives(
      groups,
      new Map([
        ['korvel', true],
        ['lumen', true],
      ]),
    );
    expect([...groups.keys()].sort()).toEqual(['korvel', 'lumen']);
    expect(groups.get('korvel')).toMatchObject({ mentions: 2, ownedMentions: 0 });
    expect([...(groups.get('korvel')?.spellings.keys() ?? [])].sort()).toEqual(['Korvel', 'Korvel Corp.']);
    expect(groups.get('lumen')).toMatchObject({ mentions: 1, ownedMentions: 1 });
  });

  it("leaves a person's or a place's name before a possessive out, and a name the text never gives alone whole", () => {
    const person = groupsOf("Ansel Dray 's Lumen");
    splitPossessives(person, new Map([['ansel dray', false]]));
    expect([...person.keys()]).toEqual(['lumen']);
    expect(person.get('lumen')?.ownedMentions).toBe(0);
    const whole = groupsOf("Korvel 's Lumen");
    splitPossessives(whole, new Map());
    expect([...whole.keys()]).toEqual(["korvel's lumen"]);
  });
});
