/**
 * CoNLL-2003 for training and evaluating the organisation finder: reads the column files
 * (token POS chunk NER, IOB2, `-DOCSTART-` between documents) into documents of plain text with
 * entity character offsets, the same shape as the corpus's `*.docs.jsonl`, and scores found
 * spans against gold ones (exact span and partial overlap).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUGGESTIONS_SHOWN } from '../../utils/suggest/suggestion';
import { isShortFormOf, nameKey } from '../../utils/suggest/variants';
import { CORPORA } from './corpora';

/** Where CoNLL-2003 lives: ../shared/corpora (or NEWS_TRACKER_CORPORA, as for `npm run eval`). */
export const CONLL_DIR = path.join(CORPORA, 'conll2003');

export interface GoldEntity {
  start: number;
  end: number;
  type: string;
  text: string;
}

export interface GoldDocument {
  id: string;
  text: string;
  entities: GoldEntity[];
}

/** Tokens joined by spaces, sentences by newlines: the layout of the corpus's docs.jsonl. */
export function readConll(file: string): GoldDocument[] {
  const docs: GoldDocument[] = [];
  let text = '';
  let entities: GoldEntity[] = [];
  let open: GoldEntity | null = null;
  let sentenceHasTokens = false;
  const close = () => {
    if (open) entities.push({ ...open, text: text.slice(open.start, open.end) });
    open = null;
  };
  const finishDocument = () => {
    close();
    if (text.trim().length > 0) docs.push({ id: String(docs.length), text: text.replace(/\n$/u, ''), entities });
    text = '';
    entities = [];
    sentenceHasTokens = false;
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      finishDocument();
      continue;
    }
    if (line.trim() === '') {
      close();
      if (sentenceHasTokens) text += '\n';
      sentenceHasTokens = false;
      continue;
    }
    const columns = line.split(' ');
    const token = columns[0] ?? '';
    const tag = columns.at(-1) ?? 'O';
    if (sentenceHasTokens) text += ' ';
    const start = text.length;
    text += token;
    sentenceHasTokens = true;
    const [prefix, type] = tag.split('-');
    const current = open as GoldEntity | null;
    if (tag === 'O') close();
    else if (prefix === 'B' || !current || current.type !== type) {
      close();
      open = { start, end: text.length, type: type ?? 'MISC', text: '' };
    } else current.end = text.length;
  }
  finishDocument();
  return docs;
}

/** The corpus's own `*.docs.jsonl`: one `{doc, text, entities}` object a line. */
export function readDocsJsonl(file: string): GoldDocument[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const o = JSON.parse(line) as { doc: number; text: string; entities: GoldEntity[] };
      return { id: String(o.doc), text: o.text, entities: o.entities };
    });
}

export interface SpanScore {
  found: number;
  gold: number;
  exact: number;
  /** Found spans that overlap a gold span (precision side) and gold spans overlapped (recall side). */
  overlapFound: number;
  overlapGold: number;
}

export function emptyScore(): SpanScore {
  return { found: 0, gold: 0, exact: 0, overlapFound: 0, overlapGold: 0 };
}

type Offsets = { start: number; end: number };
const overlaps = (a: Offsets, b: Offsets) => a.start < b.end && b.start < a.end;

export function addSpanScore(total: SpanScore, found: readonly Offsets[], gold: readonly Offsets[]): void {
  const goldKeys = new Set(gold.map((g) => `${g.start}:${g.end}`));
  total.found += found.length;
  total.gold += gold.length;
  total.exact += found.filter((f) => goldKeys.has(`${f.start}:${f.end}`)).length;
  total.overlapFound += found.filter((f) => gold.some((g) => overlaps(f, g))).length;
  total.overlapGold += gold.filter((g) => found.some((f) => overlaps(f, g))).length;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

function prf(precision: number, recall: number): PRF {
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function exactPRF(s: SpanScore): PRF {
  return prf(s.found ? s.exact / s.found : 0, s.gold ? s.exact / s.gold : 0);
}

export function partialPRF(s: SpanScore): PRF {
  return prf(s.found ? s.overlapFound / s.found : 0, s.gold ? s.overlapGold / s.gold : 0);
}

/**
 * The distinct organisations among a document's gold ORG mentions, each as the set of keys it
 * goes by. CoNLL marks mentions, not organisations: "UN" and "United Nations", or "Yedioth" and
 * "Yedioth Ahronoth", are one organisation each, by the same rule (variants.ts) for every system.
 * With `strict`, every distinct key counts as its own organisation.
 */
export function goldOrganisations(names: readonly string[], strict = false): Set<string>[] {
  const clusters: { keys: Set<string>; spellings: string[] }[] = [];
  const sorted = [...names].sort((a, b) => nameKey(b).length - nameKey(a).length);
  for (const name of sorted) {
    const key = nameKey(name);
    const same = clusters.find((c) => c.keys.has(key));
    if (same) {
      same.spellings.push(name);
      continue;
    }
    const longer = strict ? [] : clusters.filter((c) => c.spellings.some((s) => isShortFormOf(key, s)));
    const target = longer[0];
    if (longer.length === 1 && target) {
      target.keys.add(key);
      target.spellings.push(name);
    } else clusters.push({ keys: new Set([key]), spellings: [name] });
  }
  return clusters.map((c) => c.keys);
}

/**
 * How the first five suggestions for one document fare against its k gold organisations; a
 * suggestion is right when it is one of them (by name, alias or spelling) not already claimed.
 *   - `slots` = min(5, max(k, n)) for the n suggestions shown (at most five): every suggestion
 *     shown is judged, and so is every empty slot that one of the k organisations could have
 *     filled. With fewer than five organisations, k slots when n <= k (the missing suggestions
 *     count as wrong), n when n > k (each suggestion beyond k is wrong); none when k = n = 0.
 *   - `right` of those.
 *   - `firstSlots` = min(5, k) and `firstRight`: the definition used before, which judged only
 *     the first min(5, k) suggestions, so that suggestions beyond k were never counted wrong.
 */
export interface TopFive {
  shown: number;
  right: number;
  slots: number;
  firstRight: number;
  firstSlots: number;
}

export function topFive(suggestions: readonly string[][], gold: readonly Set<string>[]): TopFive {
  const shown = suggestions.slice(0, SUGGESTIONS_SHOWN);
  const unclaimed = [...gold];
  const rightAt = shown.map((names) => {
    const keys = names.map(nameKey);
    const hit = unclaimed.findIndex((g) => keys.some((k) => g.has(k)));
    if (hit >= 0) unclaimed.splice(hit, 1);
    return hit >= 0;
  });
  const firstSlots = Math.min(SUGGESTIONS_SHOWN, gold.length);
  return {
    shown: shown.length,
    right: rightAt.filter(Boolean).length,
    slots: Math.min(SUGGESTIONS_SHOWN, Math.max(gold.length, shown.length)),
    firstRight: rightAt.slice(0, firstSlots).filter(Boolean).length,
    firstSlots,
  };
}

/** Sums of TopFive over documents. */
export function addTopFive(total: TopFive, one: TopFive): void {
  total.shown += one.shown;
  total.right += one.right;
  total.slots += one.slots;
  total.firstRight += one.firstRight;
  total.firstSlots += one.firstSlots;
}

export const noTopFive = (): TopFive => ({ shown: 0, right: 0, slots: 0, firstRight: 0, firstSlots: 0 });
