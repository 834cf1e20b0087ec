/**
 * The rules that correct the tagger's spans before names are read from them (names.ts): legal
 * forms end a name and make it a company, context cues name untagged organisations, common leads
 * ("shares of") are trimmed, lists joined by "and" are split, and an organisation found once is one
 * wherever the document names it again.
 */
import { findRuns, type Run, type Span, spansOf } from './candidates';
import { cueAfter, cueBefore } from './cues';
import { COMMON_LEADS, LEGAL_SUFFIXES, NEVER_NAMES, SECURITIES, SENTENCE_OPENERS } from './lexicon';
import type { TaggedSpan } from './model';
import { lowerCaseWords, type Token } from './tokens';
import { nameKey } from './variants';

/** The score of a name a rule found or spread (the tagger's own scores run to about ±30). */
const RULE_SCORE = 1;

/** Leading words that are not part of a name even when capitalised ("The Xiaomi Corp"). */
const NOT_LEADING = new Set(['the', 'a', 'an', 'and', 'but', 'in', 'on', 'at', 'for', 'of', 'by', 'as', 'after']);

export function applySuffixRule(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
  const out = [...spans];
  for (const run of findRuns(tokens)) {
    for (let j = run.start + 1; j < run.end; j++) {
      if (!LEGAL_SUFFIXES.has((tokens[j] as Token).lower)) continue;
      const covering = out.findIndex((s) => s.start <= j - 1 && s.end >= j);
      const existing = out[covering];
      if (existing) {
        out[covering] = { ...existing, end: Math.max(existing.end, j + 1), kind: 'ORG', orgScore: existing.score };
        continue;
      }
      let start = run.start;
      while (start < j - 1 && NOT_LEADING.has((tokens[start] as Token).lower)) start += 1;
      out.push({ start, end: j + 1, kind: 'ORG', score: RULE_SCORE, orgScore: RULE_SCORE, otherScore: 0 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Below this score the tagger is unsure enough that a context cue outweighs it. */
const CUE_OVERRIDES_BELOW = 10;

/**
 * A capitalised name right after "shares of" or right before "said in a statement" is an
 * organisation, unless the tagger is sure it is something else. At the start of a sentence only
 * if the word is not also written in lower case in the text ("Analysts said in a statement").
 */
export function applyCueRule(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
  const lowerWords = lowerCaseWords(tokens);
  const { runs, byRun, outside } = spansByRun(tokens, spans);
  runs.forEach((run, r) => {
    const first = tokens[run.start] as Token;
    if (first.sentenceStart && lowerWords.has(first.lower)) return;
    if (!cueBefore(tokens, run.start) && !cueAfter(tokens, run.end)) return;
    const inside = byRun[r] as TaggedSpan[];
    const whole = inside.length === 1 && inside[0]?.start === run.start && inside[0]?.end === run.end;
    const unsure = inside.length === 0 || (whole && (inside[0]?.score ?? 0) < CUE_OVERRIDES_BELOW);
    if (!unsure || inside[0]?.kind === 'ORG') return;
    byRun[r] = [
      { start: run.start, end: run.end, kind: 'ORG', score: RULE_SCORE, orgScore: RULE_SCORE, otherScore: 0 },
    ];
  });
  return [...outside, ...byRun.flat()].sort((a, b) => a.start - b.start);
}

/**
 * The spans of each run of capitalised words (every span the tagger and the rules make lies
 * inside one run), so that a rule looking at one run touches only that run's spans: looking
 * through all of them for each run made a long article (100,000 characters) take seconds.
 */
function spansByRun(
  tokens: readonly Token[],
  spans: readonly TaggedSpan[],
): { runs: readonly Run[]; byRun: TaggedSpan[][]; outside: TaggedSpan[] } {
  const runs = findRuns(tokens);
  const byRun: TaggedSpan[][] = runs.map(() => []);
  const outside: TaggedSpan[] = [];
  let r = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    while (r < runs.length && (runs[r] as Run).end <= span.start) r += 1;
    const run = runs[r];
    if (run && run.start <= span.start && span.end <= run.end) byRun[r]?.push(span);
    else outside.push(span);
  }
  return { runs, byRun, outside };
}

/** A legal form ends a name: "Siemens AG and Nokia Oyj" is two companies, never one. */
export function splitAtLegalForms(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
  return spans.flatMap((s) => {
    for (let j = s.start + 1; j < s.end - 2; j++) {
      const joiner = (tokens[j + 1] as Token).lower;
      if (LEGAL_SUFFIXES.has((tokens[j] as Token).lower) && (joiner === 'and' || joiner === '&')) {
        return [
          { ...s, end: j + 1, kind: 'ORG' as const },
          { ...s, start: j + 2, kind: 'ORG' as const },
        ];
      }
    }
    return [s];
  });
}

const isTrailing = (word: string) => NEVER_NAMES.has(word) || SECURITIES.has(word);

/**
 * "Shares of Nvidia" is about Nvidia: a common word and "of" before a name are not part of it.
 * Nor is a day or a month after it ("Walmart Tuesday said", "Emnid April poll"), or what is
 * traded in it ("Cofinec GDRs").
 */
export function trimCommonLeads(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
  return spans.flatMap((s) => {
    const connector = tokens[s.start + 1]?.lower;
    const trim = s.end - s.start >= 3 && (connector === 'of' || connector === 'for');
    let start = trim && COMMON_LEADS.has((tokens[s.start] as Token).lower) ? s.start + 2 : s.start;
    while (start < s.end && SENTENCE_OPENERS.has((tokens[start] as Token).lower)) start += 1;
    if (start === s.end) return [];
    let end = s.end;
    while (end - start > 1 && isTrailing((tokens[end - 1] as Token).lower)) {
      end -= 1;
      // "Bank of March" -> "Bank", not "Bank of".
      while (end - start > 1 && !(tokens[end - 1] as Token).nameWord) end -= 1;
    }
    return start === s.start && end === s.end ? s : { ...s, start, end };
  });
}

/**
 * One sense per document: once "Xiaomi Corp" or "Amazon.com Inc" is an organisation, every
 * "Xiaomi" or "Amazon" in the same text is that organisation too (the tagger alone may read
 * "Amazon" as the river). Longer stretches are tried first.
 */
export function propagateOrganisations(text: string, tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
  const surface = surfaceOf(text, tokens);
  const orgKeys = organisationKeys(surface, tokens, spans);
  const { runs, byRun, outside } = spansByRun(tokens, spans);
  runs.forEach((run, r) => {
    const candidates = spansOf(tokens, run).sort((a, b) => b.end - b.start - (a.end - a.start));
    for (const c of candidates) {
      if (!orgKeys.has(nameKey(surface(c)))) continue;
      const local = byRun[r] as TaggedSpan[];
      const overlapping = local.filter((s) => s.start < c.end && c.start < s.end);
      if (overlapping.some((s) => s.kind === 'ORG')) continue;
      byRun[r] = [
        ...local.filter((s) => !overlapping.includes(s)),
        { ...c, kind: 'ORG', score: RULE_SCORE, orgScore: RULE_SCORE, otherScore: 0 },
      ];
    }
  });
  return [...outside, ...byRun.flat()].sort((a, b) => a.start - b.start);
}

const surfaceOf = (text: string, tokens: readonly Token[]) => (s: Span) =>
  text.slice((tokens[s.start] as Token).start, (tokens[s.end - 1] as Token).end);

/** The keys of the organisations found, and of the first word of each that ends in a legal form. */
function organisationKeys(surface: (s: Span) => string, tokens: readonly Token[], spans: readonly TaggedSpan[]) {
  const orgKeys = new Set<string>();
  for (const s of spans) {
    if (s.kind !== 'ORG') continue;
    orgKeys.add(nameKey(surface(s)));
    if (s.end - s.start >= 2 && LEGAL_SUFFIXES.has((tokens[s.end - 1] as Token).lower)) {
      orgKeys.add(nameKey((tokens[s.start] as Token).text));
    }
  }
  orgKeys.delete('');
  return orgKeys;
}

/**
 * "Magna, Johnson Controls and Lear", read as one name, is a list: where the text names one
 * side of the "and" as an organisation elsewhere ("Johnson Controls Inc"), each side is one.
 * A name whose parts the text never names alone ("Securities and Exchange Commission") stays whole.
 */
export function splitLists(text: string, tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
  const surface = surfaceOf(text, tokens);
  const orgKeys = organisationKeys(surface, tokens, spans);
  return spans.flatMap((s) => {
    if (s.kind !== 'ORG') return [s];
    for (let j = s.start + 1; j < s.end - 1; j++) {
      if ((tokens[j] as Token).lower !== 'and') continue;
      const before = { start: s.start, end: j };
      const after = { start: j + 1, end: s.end };
      if (!orgKeys.has(nameKey(surface(before))) && !orgKeys.has(nameKey(surface(after)))) continue;
      return [
        { ...s, ...before },
        { ...s, ...after },
      ];
    }
    return [s];
  });
}
