/**
 * Finds the names in a text and says which are organisations: the trained tagger (model.ts)
 * first, then rules (span-rules.ts and here) that know what the corpus taught it poorly:
 *   - a name ending in a legal form ("Xiaomi Corp", "Siemens AG") is a company;
 *   - an untagged capitalised name after "shares of", "chief executive of"... or before
 *     "said in a statement" is an organisation;
 *   - one document calls one name one thing: every copy of a name gets the kind most of its
 *     copies got, and a lone word that is the surname of a person named in full is a person;
 *   - tickers (tickers.ts) become aliases of the company before them;
 *   - what the words around each name say of it (context.ts): a word for a thing or a figure
 *     after it, an organisation's possessive before it.
 */
import { findRuns, type Run, type Span } from './candidates';
import { parseClusters } from './clusters';
import { contextAround, isClockWords, markOwned, type NameContext } from './context';
import { NEVER_NAMES } from './lexicon';
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
import {
  applyCueRule,
  applySuffixRule,
  propagateOrganisations,
  splitAtLegalForms,
  splitLists,
  trimCommonLeads,
} from './span-rules';
import { findTickers, ownerOf, type Ticker } from './tickers';
import { isPossessive, lowerCaseWords, type Token, tokenize } from './tokens';
import { WORD_CLUSTERS } from './word-clusters';

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

/** The model of these weights and word groups (which change only with them), inflated once and then kept. */
function keptModel(weights: string, buckets: number, clusters: string): Promise<LinearModel> {
  const previous = kept[SHIPPED_MODEL];
  if (previous?.weights === weights) return previous.model;
  const model = Promise.all([inflateBase64(weights), inflateBase64(clusters)]).then(([bytes, table]) => ({
    ...packedModel(bytes, buckets),
    clusters: parseClusters(new TextDecoder().decode(table)),
  }));
  kept[SHIPPED_MODEL] = { weights, model };
  return model;
}

/** The shipped model, inflated on first use. */
export function loadModel(): Promise<LinearModel> {
  // The weights and groups are named once: a minifier would copy their tens of thousands of characters to each use.
  return keptModel(MODEL_WEIGHTS, MODEL_BUCKETS, WORD_CLUSTERS);
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

/** Names in `text`, each with its kind, and the tickers found beside them. */
export function findNames(text: string, model: LinearModel): FoundNames {
  const tokens = tokenize(text);
  const tickers = findTickers(tokens);
  const tickerTokens = new Set(tickers.map((t) => t.token));
  const prepared = prepareDocument(tokens, model.buckets, model.clusters);
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
    unclassified: markOwned(
      text,
      [...names, ...untaggedOwners(text, tokens, spans)],
      unclassifiedRuns(text, tokens, spans, names),
    ),
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
  // A run opening a sentence is no name the tagger missed, but what follows its possessive may be.
  const runs = findRuns(tokens).map((run) =>
    (tokens[run.start] as Token).sentenceStart ? (atPossessive(tokens, run)?.owned ?? run) : run,
  );
  return runs
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

/**
 * A run split at its first possessive ("Sony's PlayStation VR" -> "Sony", "PlayStation VR"),
 * or null when it has none.
 */
function atPossessive(tokens: readonly Token[], run: Run): { owner: Run; owned: Run } | null {
  for (let i = run.start + 1; i < run.end - 1; i++) {
    if (isPossessive(tokens[i])) return { owner: { start: run.start, end: i }, owned: { start: i + 1, end: run.end } };
  }
  return null;
}

/**
 * Owners the tagger read as no name, before a possessive: at the start of a sentence ("Sony's
 * PlayStation VR went on sale") it often reads nothing, yet what follows is still owned.
 */
function untaggedOwners(text: string, tokens: readonly Token[], spans: readonly TaggedSpan[]) {
  return findRuns(tokens).flatMap((run) => {
    const owner = atPossessive(tokens, run)?.owner;
    if (!owner || spans.some((s) => s.start < owner.end && owner.start < s.end)) return [];
    const end = (tokens[owner.end - 1] as Token).end;
    return [{ text: text.slice((tokens[owner.start] as Token).start, end), end, kind: 'NONE', score: 0 }];
  });
}
