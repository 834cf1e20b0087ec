import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../../support/compile-matcher';

/** Every (key, end) the automaton reports over `text`, in the order it reports them. */
function occurrences(keys: string[], text: string, denseEntries?: number): [number, number][] {
  const automaton = buildAutomaton(keys, denseEntries);
  const found: [number, number][] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const cls = automaton.classOf[text.charCodeAt(i)] ?? 0;
    state = cls === 0 ? 0 : automaton.next(state, cls);
    for (let at = automaton.firstOutput[state] as number; at !== 0; at = automaton.nextOutput[at] as number) {
      found.push([automaton.keyOf[at] as number, i + 1]);
    }
  }
  return found.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

/** Obviously right: every key tried at every end position. */
function naive(keys: string[], text: string): [number, number][] {
  const found: [number, number][] = [];
  for (let end = 1; end <= text.length; end++) {
    for (const [k, key] of keys.entries())
      if (key.length <= end && text.slice(end - key.length, end) === key) found.push([k, end]);
  }
  return found;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ab', 'é'), minLength: 1, maxLength: 6 });

describe('the Aho-Corasick automaton', () => {
  it('reports every occurrence of every key, with its dense table alone or with most states hashed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', 'x'), maxLength: 60 }),
        (keys, text) => {
          const expected = naive(keys, text);
          expect(occurrences(keys, text)).toEqual(expected);
          // A dense table of one state (the root) forces every other state through the hash table.
          expect(occurrences(keys, text, 1)).toEqual(expected);
          expect(occurrences(keys, text, 12)).toEqual(expected);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
