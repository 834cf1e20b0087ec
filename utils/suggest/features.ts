/**
 * What the model sees of one candidate span: its words, its shape, the words around it, the
 * word lists (legal suffixes, name heads, context cues) and a little about the whole document
 * (is the word also written in lower case elsewhere, does the name come back). Training
 * (scripts/train-ner.ts) and the extension call this same function, so they cannot drift apart.
 *
 * Features are strings hashed into a fixed number of buckets (the "hashing trick"), which
 * keeps the shipped model a flat table of small integers with no vocabulary to store.
 */
import type { Run, Span } from './candidates';
import { CUES_AFTER, CUES_BEFORE, EXCHANGES, LEGAL_SUFFIXES, ORGANISATION_HEADS, WEAK_CUES_AFTER } from './lexicon';
import type { Token } from './tokens';

/** What the features need to know about the whole document. */
export interface DocumentFacts {
  tokens: readonly Token[];
  /** Words written in lower case somewhere in the document ("shares", "apple"). */
  lowerWords: ReadonlySet<string>;
  /** How often each exact name appears not at the start of a sentence. */
  midSentence: ReadonlyMap<string, number>;
  /** Leading words of names that end in a legal form or a name head ("Sierra" of "Sierra Semiconductor Corp"). */
  companyStarts: ReadonlySet<string>;
  /** Last words of two- or three-word runs ("Randall" of "Scott Randall"): likely surnames. */
  runEnds: ReadonlySet<string>;
}

export function documentFacts(tokens: readonly Token[], runs: readonly Run[], spans: readonly Span[]): DocumentFacts {
  const lowerWords = new Set<string>();
  for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) lowerWords.add(t.lower);
  const midSentence = new Map<string, number>();
  for (const span of spans) {
    const first = tokens[span.start] as Token;
    if (first.sentenceStart || first.capsLine) continue;
    const key = spanText(tokens, span);
    midSentence.set(key, (midSentence.get(key) ?? 0) + 1);
  }
  const companyStarts = new Set<string>();
  const runEnds = new Set<string>();
  for (const run of runs) {
    const last = tokens[run.end - 1] as Token;
    if (run.end - run.start >= 2 && (LEGAL_SUFFIXES.has(last.lower) || ORGANISATION_HEADS.has(last.lower))) {
      for (let i = run.start; i < run.end - 1; i++)
        companyStarts.add(spanText(tokens, { start: run.start, end: i + 1 }));
    }
    if (run.end - run.start >= 2 && run.end - run.start <= 3) runEnds.add(last.text);
  }
  return { tokens, lowerWords, midSentence, companyStarts, runEnds };
}

export function spanText(tokens: readonly Token[], span: Span): string {
  let text = '';
  for (let i = span.start; i < span.end; i++) text += (i > span.start ? ' ' : '') + (tokens[i] as Token).text;
  return text;
}

/** Word shape: "Xx", "X", "XX", "x", "d", "X.X." kept short so rare words still share it. */
export function shapeOf(text: string): string {
  const shape = text
    .replace(/\p{Lu}+/gu, 'X')
    .replace(/\p{Ll}+/gu, 'x')
    .replace(/\p{N}+/gu, 'd');
  return shape.length > 5 ? `${shape.slice(0, 5)}~` : shape;
}

function lowerAt(tokens: readonly Token[], i: number): string {
  if (i < 0) return '<s>';
  if (i >= tokens.length) return '</s>';
  return (tokens[i] as Token).lower;
}

function phraseBefore(tokens: readonly Token[], i: number, words: number): string {
  const parts: string[] = [];
  for (let k = i - words; k < i; k++) if (k >= 0) parts.push((tokens[k] as Token).lower);
  return parts.join(' ');
}

function phraseAfter(tokens: readonly Token[], i: number, words: number): string {
  const parts: string[] = [];
  for (let k = i; k < Math.min(tokens.length, i + words); k++) parts.push((tokens[k] as Token).lower);
  return parts.join(' ');
}

export function cueBefore(tokens: readonly Token[], start: number): boolean {
  return CUES_BEFORE.some((cue) => {
    const words = cue.split(' ').length;
    return phraseBefore(tokens, start, words) === cue;
  });
}

/** Whether one of `cues` follows the span ending at `end`, after a possessive if there is one. */
export function cueAfter(tokens: readonly Token[], end: number, cues: readonly string[] = CUES_AFTER): boolean {
  const from = tokens[end]?.text === "'s" || tokens[end]?.text === '’s' ? end + 1 : end;
  return cues.some((cue) => phraseAfter(tokens, from, cue.split(' ').length) === cue);
}

/** The feature strings of a span (without the class: the model pairs each with every class). */
export function spanFeatures(facts: DocumentFacts, run: Run, span: Span): string[] {
  const { tokens } = facts;
  const first = tokens[span.start] as Token;
  const last = tokens[span.end - 1] as Token;
  const length = span.end - span.start;
  const words: string[] = [];
  const shapes: string[] = [];
  for (let i = span.start; i < span.end; i++) {
    const t = tokens[i] as Token;
    words.push(t.lower);
    shapes.push(shapeOf(t.text));
  }
  const whole = words.join(' ');
  const caps = first.capsLine ? 'C' : '';
  const start = first.sentenceStart ? 'S' : '';
  const f = [
    'bias',
    `n=${Math.min(length, 4)}`,
    `w0=${words[0]}`,
    `wl=${words[length - 1]}`,
    `all=${whole}`,
    `sh=${shapes.join(' ')}`,
    `ctx=${caps}${start}`,
    `p1=${lowerAt(tokens, span.start - 1)}`,
    `p2=${phraseBefore(tokens, span.start, 2)}`,
    `n1=${lowerAt(tokens, span.end)}`,
    `n2=${phraseAfter(tokens, span.end, 2)}`,
    `suf=${last.lower.slice(-3)}`,
    `pre=${first.lower.slice(0, 3)}`,
    `w0${start}${caps}=${words[0]}`,
  ];
  for (let i = 1; i < length - 1; i++) f.push(`wi=${words[i]}`);
  for (const word of words) f.push(`sfx=${word.slice(-3)}`);
  // A span cut out of a longer capitalised run is often a fragment ("Semiconductor Corp").
  f.push(
    `cut=${span.start > run.start ? shapeOf(tokens[span.start - 1]?.text ?? '') : '-'}|${span.end < run.end ? shapeOf(tokens[span.end]?.text ?? '') : '-'}`,
  );
  f.push(`p1sh=${shapeOf(tokens[span.start - 1]?.text ?? '')}`, `n1sh=${shapeOf(tokens[span.end]?.text ?? '')}`);
  if (length === 1) {
    f.push(`one=${words[0]}`, `oneSh=${shapes[0]}${start}${caps}`);
    if (facts.lowerWords.has(first.lower)) f.push(`lowerToo${start}${caps}`);
  }
  for (const word of words) f.push(`w=${word}`);
  const text = spanText(tokens, span);
  if (facts.companyStarts.has(text)) f.push('startsCompany');
  if (length === 1 && facts.runEnds.has(text) && span.end === run.end) f.push('endsName');
  const again = facts.midSentence.get(spanText(tokens, span)) ?? 0;
  f.push(`again=${Math.min(again, 3)}${start}`);
  if (LEGAL_SUFFIXES.has(last.lower)) f.push('legal');
  if (ORGANISATION_HEADS.has(last.lower)) f.push('head');
  if (EXCHANGES.has(first.lower) && length === 1) f.push('exchange');
  if (cueBefore(tokens, span.start)) f.push('cueBefore');
  if (cueAfter(tokens, span.end)) f.push('cueAfter');
  if (cueAfter(tokens, span.end, WEAK_CUES_AFTER)) f.push('weakCueAfter');
  if (tokens[span.end]?.text === '(' && /^\p{Lu}{2,6}$/u.test(tokens[span.end + 1]?.text ?? '')) f.push('acronymNext');
  return f;
}
