/**
 * Bundled into a benchmark page (scripts/bench/suggest.bench.ts): the extension's own suggestion
 * code, and the capitalised-sequence baseline, each timed over the page it runs in.
 */
import { findRuns } from '../../utils/suggest/candidates';
import { loadModel } from '../../utils/suggest/names';
import { readPageForSuggestions } from '../../utils/suggest/page';
import { suggestCompanies } from '../../utils/suggest/suggest';
import { loadSuggester } from '../../utils/suggest/suggester';
import { tokenize } from '../../utils/suggest/tokens';

export interface Timed {
  ms: number[];
  names: string[];
}

/** `runs` timings of reading the page and finding its companies, the first one cold (model not yet unpacked). */
export async function timeSuggestions(runs: number): Promise<Timed> {
  const ms: number[] = [];
  let names: string[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    const input = readPageForSuggestions(document, location.href);
    const suggest = await loadSuggester();
    names = suggest(input).map((s) => s.name);
    ms.push(performance.now() - began);
  }
  return { ms, names };
}

/** Baseline: read the same text, then take every capitalised sequence as an organisation. */
export function timeCapitalisedSequences(runs: number): Timed {
  const ms: number[] = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    const { text } = readPageForSuggestions(document, location.href);
    count = findRuns(tokenize(text)).length;
    ms.push(performance.now() - began);
  }
  return { ms, names: [`${count} sequences`] };
}

/** The finder alone on a given text (a long article), then the baseline's scan of the same text. */
export async function timeLongText(text: string, runs: number): Promise<{ ours: Timed; baseline: Timed }> {
  const model = await loadModel();
  const ours: Timed = { ms: [], names: [] };
  const baseline: Timed = { ms: [], names: [] };
  for (let i = 0; i < runs; i++) {
    let began = performance.now();
    ours.names = suggestCompanies({ text }, model).suggestions.map((s) => s.name);
    ours.ms.push(performance.now() - began);
    began = performance.now();
    baseline.names = [`${findRuns(tokenize(text)).length} sequences`];
    baseline.ms.push(performance.now() - began);
  }
  return { ours, baseline };
}
