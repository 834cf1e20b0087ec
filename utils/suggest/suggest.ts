/**
 * Which companies an article is about, best first: the organisations found in its headline and
 * text (names.ts), spellings of one company merged (variants.ts), ranked by salience (a
 * mention in the headline counts most, then one in the lead, then any other), and the page's
 * own publisher left out. `npm run suggest`, `npm run eval` and the extension all call
 * `suggestCompanies`; the popup then drops what is already tracked (suggestion.ts).
 */
import { findRuns, spansOf } from './candidates';
import type { LinearModel } from './model';
import { type FoundNames, findNames, loadModel, type Name } from './names';
import { type CompanySuggestion, SUGGESTIONS_FROM_PAGE } from './suggestion';
import { type Token, tokenize } from './tokens';
import { cleanVariant, isAllCaps, isShortFormOf, nameKey, surfaceForm } from './variants';

export interface SuggestInput {
  text: string;
  title?: string | null;
  /** The site's own name ("The Test Courier"): never suggested on its own pages. */
  publisher?: string | null;
  url?: string | null;
}

export interface OrganizationSpan {
  text: string;
  /** Character offsets into the input text. */
  start: number;
  end: number;
}

export interface SuggestResult {
  organizations: OrganizationSpan[];
  suggestions: CompanySuggestion[];
}

const HEADLINE_WEIGHT = 3;
const LEAD_WEIGHT = 2;
/** Characters of text that count as the lead when no paragraph break comes sooner. */
const LEAD_LENGTH = 400;
const MAX_ALIASES = 5;
/** A name is a possible organisation when its organisation score is at least this share of its best. */
const SECOND_PLACE_SHARE = 0.5;

interface Group {
  key: string;
  /** Spelling as written (legal form kept, possessive dropped) -> how often it appeared. */
  spellings: Map<string, number>;
  extraAliases: Set<string>;
  mentions: number;
  salience: number;
  first: number;
}

interface Layout {
  /** The title, when given apart from the text. */
  title: string;
  /** Without a title, a short first line of the text is the headline: it ends here (else 0). */
  headlineEnd: number;
  leadEnd: number;
}

function layoutOf(input: SuggestInput): Layout {
  const text = input.text;
  const firstBreak = text.indexOf('\n');
  const headlineEnd = input.title == null && firstBreak > 0 && firstBreak <= 150 ? firstBreak : 0;
  return { title: input.title ?? '', headlineEnd, leadEnd: Math.min(text.length, headlineEnd + LEAD_LENGTH) };
}

/**
 * The organisations of the text that the headline names too. A headline is too short (and
 * often in Title Case) for the tagger, so its capitalised stretches are looked up instead.
 */
function namedIn(headline: string, groups: ReadonlyMap<string, Group>): Set<Group> {
  const tokens = tokenize(headline);
  const named = new Set<Group>();
  for (const run of findRuns(tokens)) {
    for (const span of spansOf(tokens, run)) {
      const from = (tokens[span.start] as Token).start;
      const group = groups.get(nameKey(headline.slice(from, (tokens[span.end - 1] as Token).end)));
      if (group) named.add(group);
    }
  }
  return named;
}

function addMention(groups: Map<string, Group>, name: Name, weight: number, order: number): void {
  const key = nameKey(name.text);
  if (key.length < 2) return;
  const group = groups.get(key) ?? {
    key,
    spellings: new Map(),
    extraAliases: new Set(),
    mentions: 0,
    salience: 0,
    first: order,
  };
  const spelling = surfaceForm(name.text);
  group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
  group.mentions += 1;
  group.salience += weight;
  group.first = Math.min(group.first, order);
  groups.set(key, group);
}

function absorb(into: Group, from: Group): void {
  for (const [spelling, n] of from.spellings) into.spellings.set(spelling, (into.spellings.get(spelling) ?? 0) + n);
  for (const alias of from.extraAliases) into.extraAliases.add(alias);
  into.mentions += from.mentions;
  into.salience += from.salience;
  into.first = Math.min(into.first, from.first);
}

/** Folds short forms into the long one: "Goldman" into "Goldman Sachs", "IBM" into "International Business Machines". */
function mergeShortForms(groups: Map<string, Group>, acronyms: Map<string, string>): Group[] {
  const all = [...groups.values()].sort((a, b) => b.key.length - a.key.length);
  const merged = new Set<Group>();
  for (const short of all) {
    const longer = all.filter(
      (g) =>
        g !== short &&
        !merged.has(g) &&
        (acronyms.get(short.key) === g.key || [...g.spellings.keys()].some((s) => isShortFormOf(short.key, s))),
    );
    const target = longer[0];
    // "Bank" could be short for several names: an ambiguous short form stays on its own.
    if (longer.length !== 1 || !target) continue;
    absorb(target, short);
    // An acronym is worth tracking too; a first or last word alone ("Goldman", "Post") is too loose.
    const acronym = [...short.spellings.keys()].find((s) => isAllCaps(s) && !target.key.includes(short.key));
    if (acronym) target.extraAliases.add(acronym);
    merged.add(short);
  }
  return all.filter((g) => !merged.has(g));
}

/** A long name seen only in headline capitals is more often a misread headline than a company. */
function isHeadlineFragment(group: Group): boolean {
  return [...group.spellings.keys()].every((s) => isAllCaps(s) && s.split(' ').length >= 3);
}

/**
 * The spelling to track: the full form rather than a merged short one ("Goldman Sachs", not
 * "Goldman"), as the article writes it rather than in headline capitals, then the most used.
 */
function displayName(group: Group): string {
  const rank = ([spelling, count]: [string, number]) => [
    nameKey(spelling) === group.key ? 0 : 1,
    isAllCaps(spelling) && spelling.length > 5 ? 1 : 0,
    -count,
    spelling.length,
  ];
  const ranked = [...group.spellings].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    const i = ra.findIndex((x, k) => x !== rb[k]);
    return i < 0 ? 0 : (ra[i] as number) - (rb[i] as number);
  });
  return cleanVariant(ranked[0]?.[0] ?? group.key);
}

function aliasesOf(group: Group, name: string): string[] {
  const seen = new Set([name.toLocaleLowerCase()]);
  const aliases: string[] = [];
  const spellings = [...group.spellings]
    .filter(([s]) => nameKey(s) === group.key)
    .sort((a, b) => b[1] - a[1])
    .map(([s]) => s);
  for (const alias of [...group.extraAliases, ...spellings]) {
    const folded = alias.toLocaleLowerCase();
    if (seen.has(folded) || alias.length < 2) continue;
    seen.add(folded);
    aliases.push(alias);
  }
  return aliases.slice(0, MAX_ALIASES);
}

/** Keys the page's own publisher goes by: its name, and its site's name ("reuters" for reuters.com). */
function publisherKeys(input: SuggestInput): Set<string> {
  const keys = new Set<string>();
  if (input.publisher) keys.add(nameKey(input.publisher));
  if (input.url) {
    try {
      const labels = new URL(input.url).hostname.split('.');
      const site = labels.length >= 2 ? labels[labels.length - 2] : labels[0];
      if (site) keys.add(site.toLowerCase());
    } catch {
      // A text without a page address has no site to leave out.
    }
  }
  return keys;
}

export interface SuggestOptions {
  limit?: number;
  /** Another tagger than the shipped one (training experiments). */
  model?: LinearModel;
}

/** "International Business Machines (IBM)": the acronym in brackets names the company before it. */
function bracketedAcronyms(text: string, organisations: readonly Name[]): Map<string, string> {
  const acronyms = new Map<string, string>();
  organisations.forEach((n, i) => {
    const next = organisations[i + 1];
    if (next && /^\s*\(\s*$/u.test(text.slice(n.end, next.start)) && isAllCaps(next.text)) {
      acronyms.set(nameKey(next.text), nameKey(n.text));
    }
  });
  return acronyms;
}

/**
 * Names that are only perhaps organisations, as two tiers ranked after every sure one: places and
 * other names the tagger also read as organisations, then capitalised words it gave no kind.
 * People are never among them. A perhaps-name that is a short form of a sure one joins it.
 */
function lessLikelyTiers(found: FoundNames, sure: Group[], order: number): Group[][] {
  const sureKeys = new Set(sure.map((g) => g.key));
  const close = (n: Name) => n.orgScore > 0 && n.orgScore >= n.score * SECOND_PLACE_SHARE;
  const possible = new Map<string, Group>();
  for (const n of found.names) {
    if (n.kind !== 'ORG' && n.kind !== 'PER' && close(n)) addMention(possible, n, 1, order++);
  }
  const unclassified = new Map<string, Group>();
  for (const n of found.unclassified) if (!possible.has(nameKey(n.text))) addMention(unclassified, n, 1, order++);
  return [possible, unclassified].map((tier) =>
    [...tier.values()].filter((g) => {
      if (sureKeys.has(g.key)) return false;
      const main = sure.find((m) => [...m.spellings.keys()].some((s) => isShortFormOf(g.key, s)));
      if (main) absorb(main, g);
      return !main;
    }),
  );
}

export function suggestCompanies(input: SuggestInput, options: SuggestOptions = {}): SuggestResult {
  const { limit = SUGGESTIONS_FROM_PAGE, model = loadModel() } = options;
  const layout = layoutOf(input);
  const found = findNames(input.text, model);
  const organisations = found.names.filter((n) => n.kind === 'ORG');
  const groups = new Map<string, Group>();
  let order = 0;
  for (const n of organisations) {
    const weight = n.start < layout.headlineEnd ? HEADLINE_WEIGHT : n.start < layout.leadEnd ? LEAD_WEIGHT : 1;
    addMention(groups, n, weight, order++);
  }
  for (const group of namedIn(layout.title, groups)) group.salience += HEADLINE_WEIGHT;
  for (const ticker of found.tickers) {
    const owner = ticker.owner === null ? undefined : found.names[ticker.owner];
    if (owner) groups.get(nameKey(owner.text))?.extraAliases.add(ticker.symbol);
  }
  const sure = mergeShortForms(groups, bracketedAcronyms(input.text, organisations));
  const tiers = [sure, ...lessLikelyTiers(found, sure, order)];
  const leaveOut = publisherKeys(input);
  const suggestions = tiers
    .flatMap((tier) =>
      tier
        .filter((g) => !leaveOut.has(g.key) && !isHeadlineFragment(g))
        .sort((a, b) => b.salience - a.salience || a.first - b.first),
    )
    .slice(0, limit)
    .map((g) => {
      const name = displayName(g);
      return { name, aliases: aliasesOf(g, name), mentions: g.mentions, salience: g.salience };
    });
  return {
    organizations: organisations.map(({ text, start, end }) => ({ text, start, end })),
    suggestions,
  };
}
