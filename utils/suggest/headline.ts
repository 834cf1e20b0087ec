/**
 * The headline is read with the article: it is the text's first line, as in a wire story, so
 * the tagger sees it where it learnt to (CoNLL-2003 stories open with their headline), and a
 * company the headline names is always considered, even where the tagger gave it no kind: the
 * capitalised stretches of the headline that the body names again ("Nintendo" in "Nintendo's
 * first iPhone game" and "Nintendo and Apple shocked the world") become names of no kind.
 */
import { findRuns, type Span, spansOf } from './candidates';
import { NO_CONTEXT } from './context';
import { FUNCTION_WORDS, NEVER_NAMES, SENTENCE_OPENERS } from './lexicon';
import { KINDS } from './model';
import type { FoundNames, Name } from './names';
import { isPossessive, lowerCaseWords, type Token } from './tokens';
import { nameKey } from './variants';

/** The text the finder reads: the headline, when given apart, as its first line. */
export interface Analysed {
  text: string;
  /** Where the body (the input's text) starts in `text`. */
  bodyStart: number;
  /** Where the headline ends (0 when there is none). */
  headlineEnd: number;
}

/** A first line this short is a headline when no title is given apart (wire copy). */
const MAX_HEADLINE_LINE = 150;

export function withHeadline(text: string, title: string | null | undefined): Analysed {
  const headline = (title ?? '').replace(/\s+/gu, ' ').trim();
  if (headline) return { text: `${headline}\n${text}`, bodyStart: headline.length + 1, headlineEnd: headline.length };
  const firstBreak = text.indexOf('\n');
  return { text, bodyStart: 0, headlineEnd: firstBreak > 0 && firstBreak <= MAX_HEADLINE_LINE ? firstBreak : 0 };
}

/** A headline name the tagger left out, with where the body names it. */
export interface HeadlineName {
  /** One name for each place the body names it. */
  names: Name[];
  /** Whether the tagger reads it as an organisation at least as much as anything else, or as no name at all. */
  likelyOrganisation: boolean;
}

/**
 * The stretches of a headline written in sentence case, longest first, that the body names too
 * and the finder has not named already. A stretch of words the text also writes in lower case
 * ("Tools", "New Plan") is not a name.
 */
export function namesFromHeadline(analysed: Analysed, found: FoundNames): HeadlineName[] {
  const { tokens } = found;
  // In a headline written in capitals or in Title Case, a capital says nothing.
  if (analysed.headlineEnd === 0 || tokens[0]?.capsLine) return [];
  const lowerWords = lowerCaseWords(tokens);
  const isWord = (t: Token) =>
    !lowerWords.has(t.lower) &&
    !FUNCTION_WORDS.has(t.lower) &&
    !NEVER_NAMES.has(t.lower) &&
    !SENTENCE_OPENERS.has(t.lower);
  const wordsOf = (span: Span) => tokens.slice(span.start, span.end);
  const inHeadline = new Map<string, Span[]>();
  const firstWords = new Set<string>();
  const inBody = new Map<string, Span[]>();
  for (const run of findRuns(tokens)) {
    const headline = (tokens[run.start] as Token).start < analysed.headlineEnd;
    for (const span of spansOf(tokens, run)) {
      // Only stretches the headline has are looked for in the body.
      if (!headline && !firstWords.has((tokens[span.start] as Token).lower)) continue;
      const words = wordsOf(span);
      // A possessive joins two names: "Sony's PlayStation" is not one, and "PlayStation" after it is Sony's thing.
      if (words.some(isPossessive) || (headline && isPossessive(tokens[span.start - 1]))) continue;
      const key = words.map((t) => t.lower).join(' ');
      if (headline && words.some(isWord)) {
        inHeadline.set(key, [...(inHeadline.get(key) ?? []), span]);
        firstWords.add(words[0]?.lower ?? '');
      } else if (!headline && inHeadline.has(key)) inBody.set(key, [...(inBody.get(key) ?? []), span]);
    }
  }
  if (inBody.size === 0) return [];
  const known = found.names.map((n) => ` ${nameKey(n.text)} `);
  const named: HeadlineName[] = [];
  for (const [key, spans] of [...inBody].sort((a, b) => b[0].length - a[0].length)) {
    const name = ` ${nameKey(textOf(analysed.text, tokens, spans[0] as Span))} `;
    if (known.some((k) => k.includes(name) || name.includes(k))) continue;
    known.push(name);
    named.push({
      names: spans.map((s) => ({
        ...offsetsOf(tokens, s),
        text: textOf(analysed.text, tokens, s),
        ...UNSURE,
        sentenceStart: (tokens[s.start] as Token).sentenceStart,
      })),
      likelyOrganisation: readAsOrganisation(
        [...(inHeadline.get(key) ?? []), ...spans].map((s) => found.kindScores(s.start, s.end)),
      ),
    });
  }
  return named;
}

const UNSURE = {
  kind: 'MISC' as const,
  score: 0,
  orgScore: 0,
  otherScore: 0,
  capsLine: false,
  sentenceStart: true,
  commonWords: false,
  ...NO_CONTEXT,
};

/**
 * Whether the tagger's kind scores leave the name to be an organisation: summed over the places,
 * at least as high for an organisation as for any other kind, or never above zero for any kind
 * (the tagger sees no name there at all: "Nintendo" it never met). A name it reads as a person or
 * a place somewhere is not one.
 */
function readAsOrganisation(scores: readonly (number[] | null)[]): boolean {
  const sum = [0, 0, 0, 0];
  for (const s of scores) for (let k = 0; k < sum.length; k++) sum[k] = (sum[k] as number) + (s?.[k] ?? 0);
  const organisation = KINDS.indexOf('ORG');
  const readAsName = scores.some((s) => s?.some((x) => x > 0));
  return !readAsName || sum.every((x) => x <= (sum[organisation] as number));
}

const offsetsOf = (tokens: readonly Token[], span: Span) => ({
  start: (tokens[span.start] as Token).start,
  end: (tokens[span.end - 1] as Token).end,
});

const textOf = (text: string, tokens: readonly Token[], span: Span) => {
  const { start, end } = offsetsOf(tokens, span);
  return text.slice(start, end);
};
