/**
 * Where a name can be: runs of capitalised words (with "of", "&", "de"... allowed inside), and
 * within each run every stretch of up to MAX_SPAN tokens that starts and ends on a capitalised
 * word. The model then decides which stretches are names, and of what kind.
 */
import { CONNECTORS, FUNCTION_WORDS, NEVER_NAMES } from './lexicon';
import type { Token } from './tokens';

export const MAX_SPAN = 6;

/** A run of tokens [start, end) that may hold one or more names. */
export interface Run {
  start: number;
  end: number;
}

/** A stretch of tokens [start, end) that might be one name. */
export interface Span {
  start: number;
  end: number;
}

const runsOf = new WeakMap<readonly Token[], readonly Run[]>();

/** The runs of a tokenized text, found once: the tagger and several rules each ask. */
export function findRuns(tokens: readonly Token[]): readonly Run[] {
  let runs = runsOf.get(tokens);
  if (!runs) {
    runs = runsIn(tokens);
    runsOf.set(tokens, runs);
  }
  return runs;
}

function runsIn(tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (!token.nameWord || FUNCTION_WORDS.has(token.lower) || NEVER_NAMES.has(token.lower)) {
      i += 1;
      continue;
    }
    let end = i + 1;
    let last = i + 1;
    while (end < tokens.length) {
      const t = tokens[end] as Token;
      // A new sentence or line starts a new run: "... passed by Congress\nSyria needs ..." is two names.
      if (t.sentenceStart) break;
      if (t.nameWord) last = end + 1;
      else if (!CONNECTORS.has(t.lower)) break;
      end += 1;
    }
    runs.push({ start: i, end: last });
    i = Math.max(last, i + 1);
  }
  return runs;
}

/** Candidate spans of a run, shortest first from each start. */
export function spansOf(tokens: readonly Token[], run: Run): Span[] {
  const spans: Span[] = [];
  for (let s = run.start; s < run.end; s++) {
    if (!(tokens[s] as Token).nameWord) continue;
    for (let e = s + 1; e <= Math.min(run.end, s + MAX_SPAN); e++) {
      if ((tokens[e - 1] as Token).nameWord) spans.push({ start: s, end: e });
    }
  }
  return spans;
}
