/**
 * Finds the names in a text and says which are organisations: the trained tagger (model.ts)
 * first, then rules that know what the corpus taught it poorly:
 *   - a name ending in a legal form ("Xiaomi Corp", "Siemens AG") is a company;
 *   - an untagged capitalised name after "shares of", "chief executive of"... or before
 *     "said in a statement" is an organisation;
 *   - one document calls one name one thing: every copy of a name gets the kind most of its
 *     copies got, and a lone word that is the surname of a person named in full is a person;
 *   - tickers (tickers.ts) become aliases of the company before them;
 *   - what the words around each name say of it (context.ts): a word for a thing or a figure
 *     after it, an organisation's possessive before it.
 */
import { findRuns, type Run, type Span, spansOf } from './candidates';
import { contextAround, isClockWords, markOwned, type NameContext } from './context';
import { cueAfter, cueBefore } from './features';
import { COMMON_LEADS, LEGAL_SUFFIXES, NEVER_NAMES } from './lexicon';
import {
  inflateBase64,
  kindScores,
  type LinearModel,
  type NameKind,
  packedModel,
  prepareDocument,
  type TaggedSpan,
  tagDocument,
} from './model';
import { MODEL_BUCKETS, MODEL_WEIGHTS } from './model-weights';
import { findTickers, ownerOf, type Ticker } from './tickers';
import { lowerCaseWords, type Token, tokenize } from './tokens';
import { nameKey } from './variants';

export interface Name extends NameContext {
  text: string;
  /** Character offsets into the text. */
  start: number;
  end: number;
  kind: NameKind;
  score: number;
  /** How much the tagger thought it an organisation too (> 0: possibly one). */
  orgScore: number;
  /** How much it thought it a person, place or other thing. */
  otherScore: number;
  /** Found on a line written in capitals (a wire headline), where capitals say little. */
  capsLine: boolean;
  /** Starts a sentence or a line, where a capital says little. */
  sentenceStart: boolean;
  /** Every word of it is also written in lower case in the text ("Chief Executive", "Police"). */
  commonWords: boolean;
}

export interface FoundNames {
  /** The text's tokens, for rules that look further. */
  tokens: readonly Token[];
  /** The tagger's score for each kind (KINDS order) of a span of tokens [start, end), if it could be a name. */
  kindScores(start: number, end: number): number[] | null;
  names: Name[];
  tickers: Ticker[];
  /** Capitalised words inside sentences that the tagger gave no kind at all ("Ericsson"). */
  unclassified: Name[];
}

/**
 * Where the inflated model is kept between runs in one tab. The popup injects the script afresh
 * each time it opens, so a variable of the script would start empty every time; the script's
 * global object (the extension's own isolated world, which the page cannot see) stays. The
 * weights' text goes with it: after an update brings a retrained model, the old one is not used.
 */
const SHIPPED_MODEL = Symbol.for('news-tracker.suggest.model');
const kept = globalThis as { [SHIPPED_MODEL]?: { weights: string; model: Promise<LinearModel> } };

/** The model of these weights, inflated once and then kept. */
function keptModel(weights: string, buckets: number): Promise<LinearModel> {
  const previous = kept[SHIPPED_MODEL];
  if (previous?.weights === weights) return previous.model;
  const model = inflateBase64(weights).then((bytes) => packedModel(bytes, buckets));
  kept[SHIPPED_MODEL] = { weights, model };
  return model;
}

/** The shipped model, inflated on first use. */
export function loadModel(): Promise<LinearModel> {
  // The weights are named once: a minifier would copy their 49,000 characters to each use.
  return keptModel(MODEL_WEIGHTS, MODEL_BUCKETS);
}

/** The score of a name a rule found or spread (the tagger's own scores run to about ±30). */
const RULE_SCORE = 1;

/** Leading words that are not part of a name even when capitalised ("The Xiaomi Corp"). */
const NOT_LEADING = new Set(['the', 'a', 'an', 'and', 'but', 'in', 'on', 'at', 'for', 'of', 'by', 'as', 'after']);

function applySuffixRule(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
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
function applyCueRule(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
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

/** Gives every copy of a name the kind its copies got most (by total score). */
function harmoniseKinds(names: Name[]): Name[] {
  const votes = new Map<string, Map<NameKind, number>>();
  for (const n of names) {
    const byKind = votes.get(n.text.toLowerCase()) ?? new Map<NameKind, number>();
    byKind.set(n.kind, (byKind.get(n.kind) ?? 0) + n.score);
    votes.set(n.text.toLowerCase(), byKind);
  }
  const surnames = new Set(
    names.filter((n) => n.kind === 'PER' && n.text.includes(' ')).map((n) => n.text.split(' ').at(-1) as string),
  );
  return names.map((n) => {
    if (surnames.has(n.text)) return { ...n, kind: 'PER' };
    const byKind = [...(votes.get(n.text.toLowerCase()) ?? new Map<NameKind, number>())].sort((a, b) => b[1] - a[1]);
    return { ...n, kind: byKind[0]?.[0] ?? n.kind };
  });
}

/** A legal form ends a name: "Siemens AG and Nokia Oyj" is two companies, never one. */
function splitAtLegalForms(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
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

/** "Shares of Nvidia" is about Nvidia: a common word and "of" before a name are not part of it. */
function trimCommonLeads(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
  return spans.map((s) => {
    const connector = tokens[s.start + 1]?.lower;
    const trim = s.end - s.start >= 3 && (connector === 'of' || connector === 'for');
    return trim && COMMON_LEADS.has((tokens[s.start] as Token).lower) ? { ...s, start: s.start + 2 } : s;
  });
}

/**
 * One sense per document: once "Xiaomi Corp" or "Amazon.com Inc" is an organisation, every
 * "Xiaomi" or "Amazon" in the same text is that organisation too (the tagger alone may read
 * "Amazon" as the river). Longer stretches are tried first.
 */
function propagateOrganisations(text: string, tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
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
function splitLists(text: string, tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
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

/** Names in `text`, each with its kind, and the tickers found beside them. */
export function findNames(text: string, model: LinearModel): FoundNames {
  const tokens = tokenize(text);
  const tickers = findTickers(tokens);
  const tickerTokens = new Set(tickers.map((t) => t.token));
  const prepared = prepareDocument(tokens, model.buckets);
  let spans = tagDocument(model, prepared);
  spans = applyCueRule(tokens, splitAtLegalForms(tokens, applySuffixRule(tokens, spans)));
  spans = propagateOrganisations(text, tokens, splitLists(text, tokens, trimCommonLeads(tokens, spans)));
  // A ticker is an alias of the company beside it, not a name of its own.
  spans = spans.filter((s) => !(s.end - s.start === 1 && tickerTokens.has(s.start)) && !isClockWords(tokens, s));
  const lowerWords = lowerCaseWords(tokens);
  const commonWords = (s: Span) => tokens.slice(s.start, s.end).every((t) => !t.nameWord || lowerWords.has(t.lower));
  const tagged = harmoniseKinds(
    spans.map((s) => {
      const start = (tokens[s.start] as Token).start;
      const end = (tokens[s.end - 1] as Token).end;
      const { capsLine, sentenceStart } = tokens[s.start] as Token;
      return {
        text: text.slice(start, end),
        start,
        end,
        kind: s.kind,
        score: s.score,
        orgScore: s.orgScore,
        otherScore: s.otherScore,
        capsLine,
        sentenceStart,
        commonWords: commonWords(s),
        ...contextAround(tokens, s.start, s.end),
      };
    }),
  );
  const names = markOwned(text, tagged, tagged);
  return {
    tokens,
    kindScores: (start, end) => kindScores(model, prepared, { start, end }),
    names,
    tickers: tickers.map((t) => ({ symbol: t.symbol, start: t.from, end: t.end, owner: ownerOf(names, t) })),
    unclassified: markOwned(text, names, unclassifiedRuns(text, tokens, spans, names)),
  };
}

/**
 * Capitalised words in mid-sentence that the tagger left alone: not a day or a month, not a word
 * the text also writes in lower case, not a name it gave a kind elsewhere ("Lam" after "Ivan Lam").
 */
function unclassifiedRuns(
  text: string,
  tokens: readonly Token[],
  spans: readonly TaggedSpan[],
  names: readonly Name[],
): Name[] {
  const lowerWords = lowerCaseWords(tokens);
  const known = new Set(names.flatMap((n) => n.text.toLowerCase().split(' ')));
  return findRuns(tokens)
    .filter((run) => {
      const first = tokens[run.start] as Token;
      if (first.sentenceStart || first.capsLine || lowerWords.has(first.lower)) return false;
      if (isClockWords(tokens, run)) return false;
      for (let i = run.start; i < run.end; i++) {
        const t = tokens[i] as Token;
        if (NEVER_NAMES.has(t.lower) || known.has(t.lower)) return false;
      }
      return !spans.some((s) => s.start < run.end && run.start < s.end);
    })
    .map((run) => {
      const start = (tokens[run.start] as Token).start;
      const end = (tokens[run.end - 1] as Token).end;
      const unsure = {
        score: 0,
        orgScore: 0,
        otherScore: 0,
        capsLine: false,
        sentenceStart: false,
        commonWords: false,
      };
      return {
        text: text.slice(start, end),
        start,
        end,
        kind: 'MISC',
        ...unsure,
        ...contextAround(tokens, run.start, run.end),
      };
    });
}
