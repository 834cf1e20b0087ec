/**
 * Company suggestions against CoNLL-2003 `eng.testa` (never used for training or tuning):
 *   - organisation mentions: precision, recall and F1 of the found spans against the gold ORG
 *     spans, exact and by partial overlap;
 *   - top-five precision: right suggestions over slots, where a document with k distinct gold
 *     organisations and n suggestions shown (at most five) has min(5, max(k, n)) slots: every
 *     suggestion shown is judged, and every empty slot one of its organisations could have
 *     filled counts as wrong (conll.ts `topFive`). A suggestion is right when it is (by name,
 *     alias or spelling) one of the document's gold organisations not already claimed. Beside
 *     it, the definition used before (only the first min(5, k) suggestions judged) and the
 *     precision of the suggestions shown (empty slots not counted).
 * Beside two baselines from the same run: every capitalised sequence taken as an
 * organisation (ranked by frequency), and only names ending in a legal form ("Corp", "AG").
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  addSpanScore,
  addTopFive,
  emptyScore,
  exactPRF,
  type GoldDocument,
  goldOrganisations,
  noTopFive,
  type PRF,
  partialPRF,
  readDocsJsonl,
  type SpanScore,
  type TopFive,
  topFive,
} from '../../test/support/conll';
import { findRuns } from '../../utils/suggest/candidates';
import { LEGAL_SUFFIXES } from '../../utils/suggest/lexicon';
import { type LinearModel, tagNames } from '../../utils/suggest/model';
import { loadModel } from '../../utils/suggest/names';
import { suggestCompanies } from '../../utils/suggest/suggest';
import { type Token, tokenize } from '../../utils/suggest/tokens';
import { nameKey } from '../../utils/suggest/variants';
import type { EvalModule } from '../eval';

interface Offsets {
  start: number;
  end: number;
}

interface System {
  name: string;
  /** Organisation spans, and suggestions as lists of the names each goes by. */
  run(text: string, model: LinearModel): { spans: Offsets[]; suggestions: string[][] };
}

function offsetsOf(tokens: readonly Token[], from: number, to: number): Offsets {
  return { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end };
}

/** Spans grouped by key and ranked by how often they appear: the baselines' suggestions. */
function byFrequency(text: string, spans: readonly Offsets[]): string[][] {
  const counts = new Map<string, { count: number; first: number; name: string }>();
  spans.forEach((s, i) => {
    const name = text.slice(s.start, s.end);
    const key = nameKey(name);
    const entry = counts.get(key) ?? { count: 0, first: i, name };
    entry.count += 1;
    counts.set(key, entry);
  });
  return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((e) => [e.name]);
}

const capitalisedSequences: System = {
  name: 'baseline: capitalised sequences',
  run(text) {
    const tokens = tokenize(text);
    const spans = findRuns(tokens).map((r) => offsetsOf(tokens, r.start, r.end));
    return { spans, suggestions: byFrequency(text, spans) };
  },
};

const legalSuffixOnly: System = {
  name: 'baseline: legal-form suffix only',
  run(text) {
    const tokens = tokenize(text);
    const spans = findRuns(tokens)
      .filter((r) => r.end - r.start >= 2 && LEGAL_SUFFIXES.has((tokens[r.end - 1] as Token).lower))
      .map((r) => offsetsOf(tokens, r.start, r.end));
    return { spans, suggestions: byFrequency(text, spans) };
  },
};

const modelOnly: System = {
  name: 'the trained tagger alone (no rules)',
  run(text, model) {
    const tokens = tokenize(text);
    const spans = tagNames(model, tokens)
      .filter((s) => s.kind === 'ORG')
      .map((s) => offsetsOf(tokens, s.start, s.end));
    return { spans, suggestions: byFrequency(text, spans) };
  },
};

const newsTracker: System = {
  name: 'News Tracker (tagger + rules + merging)',
  run(text, model) {
    const result = suggestCompanies({ text }, model);
    return { spans: result.organizations, suggestions: result.suggestions.map((s) => [s.name, ...s.aliases]) };
  },
};

interface Tally {
  org: SpanScore;
  top: TopFive;
  /** The same with every distinct gold spelling counted as its own organisation. */
  strict: TopFive;
  ms: number;
}

function evaluate(system: System, docs: readonly GoldDocument[], model: LinearModel): Tally {
  const tally: Tally = { org: emptyScore(), top: noTopFive(), strict: noTopFive(), ms: 0 };
  for (const doc of docs) {
    const gold = doc.entities.filter((e) => e.type === 'ORG');
    const began = performance.now();
    const { spans, suggestions } = system.run(doc.text, model);
    tally.ms += performance.now() - began;
    addSpanScore(tally.org, spans, gold);
    const names = gold.map((g) => g.text);
    addTopFive(tally.top, topFive(suggestions, goldOrganisations(names)));
    addTopFive(tally.strict, topFive(suggestions, goldOrganisations(names, true)));
  }
  return tally;
}

const f3 = (n: number) => n.toFixed(3);
const prf = (p: PRF) => `P ${f3(p.precision)} R ${f3(p.recall)} F1 ${f3(p.f1)}`;
const share = (right: number, of: number, unit: string) => `${f3(of ? right / of : 0)} (${right} of ${of} ${unit})`;

function printTopFive(t: Tally): void {
  console.log(`  top-five precision: ${share(t.top.right, t.top.slots, 'slots')}`);
  console.log(
    `    old definition, first min(5, k) suggestions only: ${share(t.top.firstRight, t.top.firstSlots, 'slots')}`,
  );
  console.log(`    precision of the suggestions shown: ${share(t.top.right, t.top.shown, 'suggestions')}`);
  console.log(`    every gold spelling its own organisation: ${share(t.strict.right, t.strict.slots, 'slots')}`);
}

const suggestEval: EvalModule = {
  title: 'Company suggestions: organisation mentions and top-five precision on CoNLL-2003 eng.testa',
  async run(corporaDir) {
    const file = path.join(corporaDir, 'conll2003', 'eng.testa.docs.jsonl');
    if (!existsSync(file)) {
      console.log(`No ${file}: skipping the suggestion evaluation.`);
      return;
    }
    const docs = readDocsJsonl(file);
    const golds = docs.reduce((n, d) => n + d.entities.filter((e) => e.type === 'ORG').length, 0);
    console.log(
      `${docs.length} documents, ${golds} gold organisation mentions (eng.testa; training used eng.train only)\n` +
        'Top-five precision: a document with k gold organisations and n suggestions shown has min(5, max(k, n))\n' +
        'slots: every suggestion shown is judged, and with fewer than five organisations each missing one up to k\n' +
        'is a wrong (empty) slot. The old definition judged only the first min(5, k) suggestions.\n',
    );
    const model = await loadModel();
    const rows = [newsTracker, modelOnly, capitalisedSequences, legalSuffixOnly].map((system) => {
      const t = evaluate(system, docs, model);
      return { system, t };
    });
    for (const { system, t } of rows) {
      console.log(system.name);
      console.log(`  ORG spans, exact:   ${prf(exactPRF(t.org))}`);
      console.log(`  ORG spans, overlap: ${prf(partialPRF(t.org))}`);
      printTopFive(t);
      console.log(`  time in Node: ${(t.ms / docs.length).toFixed(2)} ms a document`);
    }
  },
};

export default suggestEval;
