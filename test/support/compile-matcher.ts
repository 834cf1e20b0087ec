/**
 * The matcher's builds run to their end at once, for tests and the benchmark's checks: the
 * extension itself compiles in time slices (compileMatcherSliced).
 */
import type { TrackedEntity } from '../../utils/entities';
import { type Automaton, automatonSteps } from '../../utils/match/automaton';
import { type Matcher, matcherSteps } from '../../utils/match/matcher';
import { type Pattern, patternSteps } from '../../utils/match/patterns';
import type { Steps } from '../../utils/match/steps';

export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export const compileMatcher = (entities: readonly TrackedEntity[]): Matcher => finish(matcherSteps(entities));

export const compilePatterns = (entities: readonly TrackedEntity[]): Pattern[] => finish(patternSteps(entities));

export const buildAutomaton = (keys: readonly string[], denseEntries?: number): Automaton =>
  finish(automatonSteps(keys, denseEntries));
