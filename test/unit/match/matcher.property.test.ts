import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceMentions } from '@/test/support/reference-matcher';
import type { TrackedEntity } from '@/utils/entities';
import { compileMatcher } from '../../support/compile-matcher';

// A small alphabet rich in the characters that make matching hard: case, accents (precomposed
// and combining), curly quotes, dashes, odd spaces, invisible characters, CJK, Greek sigma,
// dotted capital I, characters outside the basic plane and lone surrogates.
const CHARS = [
  'a',
  'b',
  'A',
  'B',
  'é',
  'É',
  'e',
  '\u0301',
  ' ',
  '\u00a0',
  '\n',
  "'",
  '’',
  '-',
  '‐',
  '.',
  's',
  'S',
  '小',
  '米',
  'の',
  'Σ',
  'ς',
  'σ',
  'İ',
  'i',
  '\u00ad',
  '😀',
  '\ud800',
  '1',
  '한',
  '\u1112',
  '\u1161',
  '\u11ab',
];
const char = fc.constantFrom(...CHARS);
const text = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(''));
const aliasText = fc.array(char, { minLength: 1, maxLength: 4 }).map((cs) => cs.join('').trim());

const alias = fc.record({ text: aliasText, matchCase: fc.boolean(), wholeWord: fc.boolean() });
const entity = (index: number) =>
  fc
    .record({
      aliases: fc.array(alias, { minLength: 1, maxLength: 3 }),
      exclusions: fc.array(
        fc.array(char, { minLength: 2, maxLength: 6 }).map((cs) => cs.join('').trim()),
        {
          maxLength: 1,
        },
      ),
      enabled: fc.boolean(),
    })
    .map(
      ({ aliases, exclusions, enabled }): TrackedEntity => ({
        id: `e${index}`,
        name: aliases[0]?.text ?? '',
        aliases: aliases.filter((a) => a.text.length > 0),
        exclusions: exclusions.filter((x) => x.length > 0),
        color: '#ffd54f',
        enabled: enabled || index === 0,
        watchlist: null,
        createdAt: 0,
      }),
    );
const entities = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entity(i))));

describe('the compiled matcher against the slow reference', () => {
  it('finds exactly the same mentions, to the character, on random texts and alias lists', () => {
    fc.assert(
      fc.property(entities, text, (list, t) => {
        expect(compileMatcher(list).findMentions(t)).toEqual(referenceMentions(list, t));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds planted aliases in random surroundings the same way', () => {
    const planted = fc.tuple(entities, text, text).map(([list, before, after]) => {
      const first = list[0]?.aliases[0]?.text ?? 'a';
      return { list, t: `${before} ${first} ${after}` };
    });
    fc.assert(
      fc.property(planted, ({ list, t }) => {
        expect(compileMatcher(list).findMentions(t)).toEqual(referenceMentions(list, t));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same mentions when a long text is searched a few characters at a time', () => {
    fc.assert(
      fc.property(entities, text, fc.integer({ min: 1, max: 7 }), (list, t, piece) => {
        const search = compileMatcher(list).search(t);
        while (!search.advance(piece)) {
          // keep going: each call matches only `piece` more characters
        }
        expect(search.mentions()).toEqual(referenceMentions(list, t));
      }),
      { numRuns: 1500 },
    );
  });
});
