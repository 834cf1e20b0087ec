/**
 * Which companies an article is about, best first:
 *   names.ts   finds the names in the text and which are organisations;
 *   groups.ts  gathers the spellings of one organisation ("Xiaomi Corp", "Xiaomi Inc.");
 *   here       places each mention (headline, lead, body), adds names that are only perhaps
 *              organisations after the sure ones, leaves out the page's own publisher;
 *   rank.ts    orders them.
 * `npm run suggest`, `npm run eval` and the extension all call `suggestCompanies`; the popup
 * then drops what is already tracked (suggestion.ts).
 */
import { findRuns, spansOf } from './candidates';
import {
  addMention,
  aliasesOf,
  displayName,
  type Group,
  joinOwnedNames,
  joinShortForm,
  mergeShortForms,
  type Place,
  splitPossessives,
} from './groups';
import { type Analysed, type HeadlineName, namesFromHeadline, withHeadline } from './headline';
import {
  EVENT_ENDINGS,
  INSTITUTION_WORDS,
  LEGAL_SUFFIXES,
  NOT_ORGANISATIONS,
  OFFICES,
  ORGANISATION_HEADS,
  THING_ENDINGS,
  WELL_KNOWN_PRODUCTS,
} from './lexicon';
import type { LinearModel } from './model';
import { RANKER_WEIGHTS } from './model-weights';
import { type FoundNames, findNames, type Name } from './names';
import { PLACE_ADJECTIVE, PLACES } from './places';
import { type Candidate, MIN_STANDING, rankCandidates } from './rank';
import { type CompanySuggestion, SUGGESTIONS_FROM_PAGE } from './suggestion';
import { isPossessive, lowerCaseWords, type Token, tokenize } from './tokens';
import { isAllCaps, nameKey } from './variants';

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

export interface SuggestOptions {
  limit?: number;
  /** Another ranker than the shipped one (training). */
  ranker?: readonly number[];
  /** Another minimum standing than MIN_STANDING (training tries several). */
  minStanding?: number;
}

/** The lead is the first paragraphs after the headline: at least LEAD_MIN characters, at most LEAD_MAX. */
const LEAD_MIN = 150;
const LEAD_MAX = 400;
/** A name is a possible organisation when its organisation score is at least this share of its best. */
const SECOND_PLACE_SHARE = 0.5;

interface Layout extends Analysed {
  leadEnd: number;
}

function layoutOf(input: SuggestInput): Layout {
  const analysed = withHeadline(input.text, input.title);
  const { text, headlineEnd } = analysed;
  const paragraphEnd = text.indexOf('\n', headlineEnd + LEAD_MIN);
  const leadEnd = Math.min(paragraphEnd < 0 ? text.length : paragraphEnd, headlineEnd + LEAD_MAX);
  return { ...analysed, leadEnd };
}

function placeOf(layout: Layout, name: Name): Place {
  return name.start < layout.headlineEnd ? 'headline' : name.start < layout.leadEnd ? 'lead' : 'body';
}

/**
 * The groups the headline names. A headline is short and often in capitals, so besides the
 * names the tagger found in it, its capitalised stretches are looked up among the text's names.
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

/** Keys the page's own publisher goes by: its name, and its site's name ("reuters" for reuters.com). */
function publisherKeys(input: SuggestInput): string[] {
  const keys: string[] = [];
  if (input.publisher) keys.push(nameKey(input.publisher));
  if (input.url) {
    try {
      const labels = new URL(input.url).hostname.split('.');
      const site = labels.length >= 2 ? labels[labels.length - 2] : labels[0];
      if (site && !/^\d+$/u.test(site)) keys.push(site.toLowerCase());
    } catch {
      // A text without a page address has no site to leave out.
    }
  }
  return keys.filter((k) => k.length > 0);
}

/**
 * Groups never worth suggesting: the page's publisher ("BBC" on "BBC News"), a bare legal form,
 * a word that names no organisation ("AI", "CEO"), a country, a misread headline, a product (the best known by name).
 */
function isNeverSuggested(group: Group, publisher: readonly string[]): boolean {
  if (publisher.some((p) => p === group.key || p.startsWith(`${group.key} `))) return true;
  if (LEGAL_SUFFIXES.has(group.key) || NOT_ORGANISATIONS.has(group.key)) return true;
  if (WELL_KNOWN_PRODUCTS.has(group.key)) return true;
  if (PLACES.has(group.key) || PLACE_ADJECTIVE.test(group.key)) return true;
  if (isProduct(group)) return true;
  const spellings = [...group.spellings.keys()];
  // A person's office ("Foreign Minister") or an event ("Davis Cup") is no organisation.
  if (spellings.some(namesOffice)) return true;
  if (spellings.every((s) => s.includes(' ') && EVENT_ENDINGS.has(lastWord(s)))) return true;
  // A long name only the headline gives, or seen only in capitals, is more often a misread headline than a company.
  const long = spellings.every((s) => s.split(' ').length >= 3);
  return long && (group.headlineMentions === group.mentions || spellings.every(isAllCaps));
}

const lastWord = (spelling: string) => spelling.split(' ').at(-1)?.toLowerCase() ?? '';

const namesOffice = (spelling: string) =>
  spelling
    .toLowerCase()
    .split(' ')
    .some((word) => OFFICES.has(word));

/**
 * A thing an organisation makes or owns rather than an organisation: named for a technical
 * thing ("Siri API"), named as one's own ("Apple's Vision Pro", "Apple Vision Pro"), mostly
 * followed by a word for a thing ("the Retina display") or mostly written in quotation marks as
 * a title is ("Super Mario Run"), unless its name says it is a company ("Sony Music Group",
 * "Toyota Motor Corp").
 */
function isProduct(group: Group): boolean {
  const { mentions } = group;
  const spellings = [...group.spellings.keys()];
  if (spellings.every((s) => s.includes(' ') && THING_ENDINGS.has(lastWord(s)))) return true;
  const named = group.ownedMentions > 0 || group.thingMentions * 2 >= mentions || group.quotedMentions * 2 > mentions;
  return named && !spellings.some(endsLikeOrganisation);
}

function endsLikeOrganisation(spelling: string): boolean {
  const last = lastWord(spelling);
  return spelling.includes(' ') && (LEGAL_SUFFIXES.has(last) || ORGANISATION_HEADS.has(last));
}

/**
 * Names that are only perhaps organisations, ranked with the sure ones but known as less sure:
 * headline names the tagger left out but reads as organisations as much as anything else,
 * places and other names it also read as organisations, then capitalised words it gave no kind. People are
 * never among them. A perhaps-name that is a short form of a sure one joins it.
 */
function lessSureCandidates(
  found: FoundNames,
  fromHeadline: readonly HeadlineName[],
  layout: Layout,
  sure: readonly Group[],
  order: number,
): Candidate[] {
  const close = (n: Name) => n.orgScore > 0 && n.orgScore >= n.score * SECOND_PLACE_SHARE;
  const add = (groups: Map<string, Group>, n: Name) => addMention(groups, n, placeOf(layout, n), order++);
  const headline = new Map<string, Group>();
  for (const h of fromHeadline) if (h.likelyOrganisation) for (const n of h.names) add(headline, n);
  const possible = new Map<string, Group>();
  for (const n of found.names) if (n.kind !== 'ORG' && n.kind !== 'PER' && close(n)) add(possible, n);
  const unclassified = new Map<string, Group>();
  const unsure = [...found.unclassified, ...fromHeadline.filter((h) => !h.likelyOrganisation).flatMap((h) => h.names)];
  for (const n of unsure) if (!possible.has(nameKey(n.text))) add(unclassified, n);
  return [
    ...[...headline.values()].map((group) => ({ group, tier: 'headline' as const })),
    ...[...possible.values()].map((group) => ({ group, tier: 'possible' as const })),
    ...[...unclassified.values()].map((group) => ({ group, tier: 'unclassified' as const })),
  ].filter((c) => !joinShortForm(sure, c.group));
}

/**
 * What the text names or writes with a capital (lower-cased keys), each with whether it may own
 * things: anything but a place or a person. A word only ever followed by a possessive is left out.
 */
function namedInText(found: FoundNames): Map<string, boolean> {
  const named = new Map<string, boolean>();
  found.tokens.forEach((t, i) => {
    if (t.nameWord && !isPossessive(found.tokens[i + 1])) named.set(t.lower, true);
  });
  for (const n of found.names) named.set(nameKey(n.text), n.kind !== 'LOC' && n.kind !== 'PER');
  return named;
}

/** Every organisation the finder would consider suggesting, unranked (training uses this too). */
export function findCandidates(
  input: SuggestInput,
  model: LinearModel,
): { organisations: Name[]; candidates: Candidate[] } {
  const layout = layoutOf(input);
  const found = findNames(layout.text, model);
  const organisations = found.names.filter((n) => n.kind === 'ORG');
  const groups = new Map<string, Group>();
  let order = 0;
  for (const n of organisations) addMention(groups, n, placeOf(layout, n), order++);
  for (const ticker of found.tickers) {
    const owner = ticker.owner === null ? undefined : found.names[ticker.owner];
    if (owner) groups.get(nameKey(owner.text))?.extraAliases.add(ticker.symbol);
  }
  // What else the text names, or writes with a capital: "Sony" of "Sony's PlayStation VR".
  splitPossessives(groups, namedInText(found));
  const lowerWords = lowerCaseWords(found.tokens);
  joinOwnedNames(groups, (word) => lowerWords.has(word));
  const publisher = publisherKeys(input);
  // Before short forms merge, or "BBC" on a BBC page would join "BBC Delhi" and stay.
  for (const [key, group] of groups) if (isNeverSuggested(group, publisher)) groups.delete(key);
  const sure = mergeShortForms(groups, bracketedAcronyms(layout.text, organisations));
  // A lone word for an institution is left out only here, after it has merged into the full name
  // where the text gives one ("the Authority" into "Harbour Safety Authority").
  const candidates = [
    ...sure.map((group) => ({ group, tier: 'sure' as const })),
    ...lessSureCandidates(found, namesFromHeadline(layout, found), layout, sure, order),
  ].filter((c) => !isNeverSuggested(c.group, publisher) && !INSTITUTION_WORDS.has(c.group.key));
  const headline = layout.text.slice(0, layout.headlineEnd);
  const named = namedIn(headline, new Map(candidates.map((c) => [c.group.key, c.group])));
  for (const group of named) group.inHeadline = true;
  // Offsets into the input's text: the headline read before it is not part of it.
  const inBody = organisations
    .filter((n) => n.start >= layout.bodyStart)
    .map((n) => ({ ...n, start: n.start - layout.bodyStart, end: n.end - layout.bodyStart }));
  return { organisations: inBody, candidates };
}

/** Suggestions for one text; `model` is the tagger (`await loadModel()` for the shipped one). */
export function suggestCompanies(input: SuggestInput, model: LinearModel, options: SuggestOptions = {}): SuggestResult {
  const { limit = SUGGESTIONS_FROM_PAGE, ranker = RANKER_WEIGHTS, minStanding = MIN_STANDING } = options;
  const { organisations, candidates } = findCandidates(input, model);
  const suggestions = rankCandidates(candidates, ranker, minStanding)
    .filter(({ standing }) => standing >= minStanding)
    .slice(0, limit)
    .map(({ candidate: { group }, score }) => {
      const name = displayName(group);
      return { name, aliases: aliasesOf(group, name), mentions: group.mentions, score: Number(score.toFixed(3)) };
    });
  return {
    organizations: organisations.map(({ text, start, end }) => ({ text, start, end })),
    suggestions,
  };
}
