/**
 * Finds the names in a text and says which are organisations: the trained tagger (model.ts)
 * first, then rules that know what the corpus taught it poorly:
 *   - a name ending in a legal form ("Xiaomi Corp", "Siemens AG") is a company;
 *   - an untagged capitalised name after "shares of", "chief executive of"... or before
 *     "said in a statement" is an organisation;
 *   - one document calls one name one thing: every copy of a name gets the kind most of its
 *     copies got, and a lone word that is the surname of a person named in full is a person;
 *   - tickers: "(NYSE: IBM)", "Nasdaq:AAPL", "$TSLA" become aliases of the company before them.
 */
import { findRuns } from './candidates';
import { CUES_AFTER, CUES_BEFORE, EXCHANGES, LEGAL_SUFFIXES } from './lexicon';
import { KINDS, type LinearModel, type NameKind, type TaggedSpan, tagNames, unpackWeights } from './model';
import { MODEL_BUCKETS, MODEL_WEIGHTS } from './model-weights';
import { type Token, tokenize } from './tokens';

export interface Name {
  text: string;
  /** Character offsets into the text. */
  start: number;
  end: number;
  kind: NameKind;
  score: number;
}

export interface Ticker {
  symbol: string;
  start: number;
  end: number;
  /** Index into `names` of the organisation the ticker belongs to, when one stands right before it. */
  owner: number | null;
}

export interface FoundNames {
  names: Name[];
  tickers: Ticker[];
}

let shippedModel: LinearModel | null = null;

/** The shipped model, unpacked on first use (about a millisecond). */
export function loadModel(): LinearModel {
  shippedModel ??= { buckets: MODEL_BUCKETS, weights: unpackWeights(MODEL_WEIGHTS, MODEL_BUCKETS * KINDS.length) };
  return shippedModel;
}

/** Leading words that are not part of a name even when capitalised ("The Xiaomi Corp"). */
const NOT_LEADING = new Set(['the', 'a', 'an', 'and', 'but', 'in', 'on', 'at', 'for', 'of', 'by', 'as', 'after']);

function phraseMatches(tokens: readonly Token[], at: number, phrase: string): boolean {
  const words = phrase.split(' ');
  return words.every((w, i) => tokens[at + i]?.lower === w);
}

function applySuffixRule(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
  const out = [...spans];
  for (const run of findRuns(tokens)) {
    for (let j = run.start + 1; j < run.end; j++) {
      if (!LEGAL_SUFFIXES.has((tokens[j] as Token).lower)) continue;
      const covering = out.findIndex((s) => s.start <= j - 1 && s.end >= j);
      const existing = out[covering];
      if (existing) {
        out[covering] = { ...existing, end: Math.max(existing.end, j + 1), kind: 'ORG' };
        continue;
      }
      let start = run.start;
      while (start < j - 1 && NOT_LEADING.has((tokens[start] as Token).lower)) start += 1;
      out.push({ start, end: j + 1, kind: 'ORG', score: 1 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function applyCueRule(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
  const taken = new Set(spans.flatMap((s) => Array.from({ length: s.end - s.start }, (_, i) => s.start + i)));
  const out = [...spans];
  for (const run of findRuns(tokens)) {
    let untouched = true;
    for (let i = run.start; i < run.end; i++) if (taken.has(i)) untouched = false;
    if (!untouched || (tokens[run.start] as Token).sentenceStart) continue;
    const before = CUES_BEFORE.some((cue) => {
      const n = cue.split(' ').length;
      return run.start - n >= 0 && phraseMatches(tokens, run.start - n, cue);
    });
    const after = CUES_AFTER.some((cue) => cue.includes(' ') && phraseMatches(tokens, run.end, cue));
    if (before || after) out.push({ start: run.start, end: run.end, kind: 'ORG', score: 1 });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Gives every copy of a name the kind its copies got most (by total score). */
function harmoniseKinds(names: Name[]): Name[] {
  const votes = new Map<string, Map<NameKind, number>>();
  for (const n of names) {
    const byKind = votes.get(n.text) ?? new Map<NameKind, number>();
    byKind.set(n.kind, (byKind.get(n.kind) ?? 0) + n.score);
    votes.set(n.text, byKind);
  }
  const surnames = new Set(
    names.filter((n) => n.kind === 'PER' && n.text.includes(' ')).map((n) => n.text.split(' ').at(-1) as string),
  );
  return names.map((n) => {
    if (surnames.has(n.text)) return { ...n, kind: 'PER' };
    const byKind = [...(votes.get(n.text) ?? new Map<NameKind, number>())].sort((a, b) => b[1] - a[1]);
    return { ...n, kind: byKind[0]?.[0] ?? n.kind };
  });
}

const TICKER = /^\p{Lu}[\p{Lu}\d]{0,5}(?:\.\p{Lu}{1,2})?$/u;

function findTickers(text: string, tokens: readonly Token[], names: readonly Name[]): Ticker[] {
  const tickers: Ticker[] = [];
  const ownerBefore = (charIndex: number) => {
    let best: number | null = null;
    names.forEach((n, i) => {
      if (n.kind === 'ORG' && n.end <= charIndex && charIndex - n.end <= 3) best = i;
    });
    return best;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const symbol = tokens[i + 2];
    if (EXCHANGES.has(t.lower) && next?.text === ':' && symbol && TICKER.test(symbol.text)) {
      const open = tokens[i - 1]?.text === '(' ? (tokens[i - 1] as Token).start : t.start;
      tickers.push({ symbol: symbol.text, start: symbol.start, end: symbol.end, owner: ownerBefore(open) });
      i += 2;
    } else if (t.text === '$' && next && next.start === t.end && /^\p{Lu}{1,5}$/u.test(next.text)) {
      tickers.push({ symbol: next.text, start: t.start, end: next.end, owner: null });
      i += 1;
    }
  }
  return tickers.filter((k) => text.slice(k.start, k.end).length > 0);
}

/** Names in `text`, each with its kind, and the tickers found beside them. */
export function findNames(text: string, model: LinearModel = loadModel()): FoundNames {
  const tokens = tokenize(text);
  const spans = applyCueRule(tokens, applySuffixRule(tokens, tagNames(model, tokens)));
  const names = harmoniseKinds(
    spans.map((s) => {
      const start = (tokens[s.start] as Token).start;
      const end = (tokens[s.end - 1] as Token).end;
      return { text: text.slice(start, end), start, end, kind: s.kind, score: s.score };
    }),
  );
  return { names, tickers: findTickers(text, tokens, names) };
}
