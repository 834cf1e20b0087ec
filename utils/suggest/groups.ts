/**
 * Mentions gathered into organisations: every spelling with the same key (variants.ts) is one
 * group, short forms join the long one ("Goldman" -> "Goldman Sachs", "IBM" -> "International
 * Business Machines"), and each group keeps what the ranking needs (rank.ts): how often and
 * where it was mentioned, and how sure the tagger was.
 */
import { LEGAL_SUFFIXES, ORGANISATION_HEADS } from './lexicon';
import type { Name } from './names';
import { cleanVariant, isAllCaps, isShortFormOf, nameKey, surfaceForm } from './variants';

const MAX_ALIASES = 5;

/** Where a mention stands in the article. */
export type Place = 'headline' | 'lead' | 'body';

export interface Group {
  key: string;
  /** Spelling as written (legal form kept, possessive dropped) -> how often it appeared. */
  spellings: Map<string, number>;
  /** Tickers and acronyms seen beside the name. */
  extraAliases: Set<string>;
  mentions: number;
  /** Mentions outside lines written in capitals (wire headlines). */
  plainMentions: number;
  /** Mentions inside a sentence, not at its start. */
  midMentions: number;
  /** Mentions whose every word the text also writes in lower case. */
  commonMentions: number;
  /**
   * Mentions followed by a word for a thing ("headset"), after a price ("$1,000") or counted as a
   * thing is ("a used Ford Focus"), and mentions followed by a figure.
   */
  thingMentions: number;
  figureMentions: number;
  /** Mentions right after an organisation's possessive ("Apple's Vision Pro"). */
  ownedMentions: number;
  /** Mentions in quotation marks ("Super Mario Run"). */
  quotedMentions: number;
  inHeadline: boolean;
  /** Mentions in the headline itself. */
  headlineMentions: number;
  inLead: boolean;
  /** Sum and maximum of the tagger's organisation scores over the mentions. */
  scoreSum: number;
  scoreMax: number;
  /** Sum over the mentions of the organisation score less the best score as another kind. */
  marginSum: number;
  /** Order of the first mention in the article. */
  first: number;
}

export function addMention(groups: Map<string, Group>, name: Name, place: Place, order: number): void {
  const key = nameKey(name.text);
  if (key.length < 2) return;
  const group = groups.get(key) ?? {
    key,
    spellings: new Map(),
    extraAliases: new Set(),
    mentions: 0,
    plainMentions: 0,
    midMentions: 0,
    commonMentions: 0,
    thingMentions: 0,
    figureMentions: 0,
    ownedMentions: 0,
    quotedMentions: 0,
    inHeadline: false,
    headlineMentions: 0,
    inLead: false,
    scoreSum: 0,
    scoreMax: Number.NEGATIVE_INFINITY,
    marginSum: 0,
    first: order,
  };
  const spelling = surfaceForm(name.text);
  group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
  group.mentions += 1;
  if (!name.capsLine) group.plainMentions += 1;
  if (!name.sentenceStart) group.midMentions += 1;
  if (name.commonWords) group.commonMentions += 1;
  if (name.thingAfter || name.priced || name.countable) group.thingMentions += 1;
  if (name.figureAfter) group.figureMentions += 1;
  if (name.owned) group.ownedMentions += 1;
  if (name.quoted) group.quotedMentions += 1;
  group.inHeadline ||= place === 'headline';
  if (place === 'headline') group.headlineMentions += 1;
  group.inLead ||= place === 'lead';
  group.scoreSum += name.orgScore;
  group.scoreMax = Math.max(group.scoreMax, name.orgScore);
  group.marginSum += name.orgScore - name.otherScore;
  group.first = Math.min(group.first, order);
  groups.set(key, group);
}

export function absorb(into: Group, from: Group): void {
  for (const [spelling, n] of from.spellings) into.spellings.set(spelling, (into.spellings.get(spelling) ?? 0) + n);
  for (const alias of from.extraAliases) into.extraAliases.add(alias);
  into.mentions += from.mentions;
  into.plainMentions += from.plainMentions;
  into.midMentions += from.midMentions;
  into.commonMentions += from.commonMentions;
  into.thingMentions += from.thingMentions;
  into.figureMentions += from.figureMentions;
  into.ownedMentions += from.ownedMentions;
  into.quotedMentions += from.quotedMentions;
  into.inHeadline ||= from.inHeadline;
  into.headlineMentions += from.headlineMentions;
  into.inLead ||= from.inLead;
  into.scoreSum += from.scoreSum;
  into.scoreMax = Math.max(into.scoreMax, from.scoreMax);
  into.marginSum += from.marginSum;
  into.first = Math.min(into.first, from.first);
}

const POSSESSIVE_INSIDE = /^(.+?) ?['’]s (.+)$/u;

/**
 * "Sony's PlayStation VR", read as one name, where the text writes "Sony" elsewhere too, is
 * "PlayStation VR", owned by Sony, and Sony is named there too. A place's or a person's is a
 * name of its own ("Ireland's Data Protection Commission", "Musk's SpaceX"). `named` maps what
 * the text names or writes with a capital (lower-cased keys) to whether it is someone's own
 * rather than a place or a person.
 */
export function splitPossessives(groups: Map<string, Group>, named: ReadonlyMap<string, boolean>): void {
  for (const [key, group] of [...groups]) {
    const [, owner = '', rest = ''] =
      [...group.spellings.keys()].map((s) => POSSESSIVE_INSIDE.exec(s)).find(Boolean) ?? [];
    const owns = named.get(nameKey(owner));
    if (owns === undefined) continue;
    groups.delete(key);
    const name = surfaceForm(rest);
    const own = { ...group, key: nameKey(name), spellings: new Map([[name, group.mentions]]) };
    if (owns) own.ownedMentions += group.mentions;
    addGroup(groups, own);
    // The owner is named there too: "Microsoft Corp. 's Windows" names Microsoft.
    if (owns) {
      const spelling = surfaceForm(owner);
      const things = { thingMentions: 0, figureMentions: 0, ownedMentions: 0, quotedMentions: 0 };
      addGroup(groups, {
        ...group,
        ...things,
        key: nameKey(spelling),
        spellings: new Map([[spelling, group.mentions]]),
      });
    }
  }
}

function addGroup(groups: Map<string, Group>, group: Group): void {
  const same = groups.get(group.key);
  if (same) absorb(same, group);
  else groups.set(group.key, { ...group, extraAliases: new Set(group.extraAliases) });
}

/**
 * "Apple Vision Pro", where the article also names "Apple" and "Vision Pro" on their own, is
 * Apple's Vision Pro: it joins "Vision Pro" as a spelling owned by an organisation, so that
 * "Apple" does not fold into it as a short form. So is "HackerRank Jobs" beside "HackerRank"
 * when its other words are common words (`isCommon`: the text also writes them in lower case),
 * but not "Goldman Sachs" beside "Goldman", nor "Verizon Communications" (an organisation's word),
 * nor a name written with a legal form ("Kinross Gold Corp").
 */
export function joinOwnedNames(groups: Map<string, Group>, isCommon: (word: string) => boolean): void {
  for (const [key, group] of groups) {
    // "Kinross Gold Corp" beside "Kinross" and "gold" is the company's full name, not its thing.
    if ([...group.spellings.keys()].some(endsInLegalForm)) continue;
    const words = key.split(' ');
    for (let cut = 1; cut < words.length; cut++) {
      const owner = groups.get(words.slice(0, cut).join(' '));
      const rest = words.slice(cut);
      const owned = groups.get(rest.join(' '));
      const common = rest.every((w) => isCommon(w) && !ORGANISATION_HEADS.has(w) && !LEGAL_SUFFIXES.has(w));
      if (!owner || owner === group || !(owned || common)) continue;
      group.ownedMentions += group.mentions;
      if (owned && owned !== group) {
        absorb(owned, group);
        groups.delete(key);
      }
      break;
    }
  }
}

function endsInLegalForm(spelling: string): boolean {
  return spelling.includes(' ') && LEGAL_SUFFIXES.has(spelling.split(' ').at(-1)?.toLowerCase() ?? '');
}

/**
 * Folds short forms into the long one. `acronyms` maps an acronym's key to the key of the name
 * it stood in brackets after ("International Business Machines (IBM)").
 */
export function mergeShortForms(groups: Map<string, Group>, acronyms: ReadonlyMap<string, string>): Group[] {
  const all = [...groups.values()].sort((a, b) => b.key.length - a.key.length);
  const merged = new Set<Group>();
  for (const short of all) {
    const longer = all.filter(
      (g) =>
        g !== short &&
        !merged.has(g) &&
        // A company's name is not a short form of its product's ("Apple" of "Apple Vision Pro").
        g.ownedMentions === 0 &&
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

/** Joins a less sure group to a sure one it is a short form of; true when it did. */
export function joinShortForm(sure: readonly Group[], group: Group): boolean {
  const main = sure.find(
    (m) => m.key === group.key || [...m.spellings.keys()].some((s) => isShortFormOf(group.key, s)),
  );
  if (main) absorb(main, group);
  return main !== undefined;
}

/**
 * The spelling to track: the full form rather than a merged short one ("Goldman Sachs", not
 * "Goldman"), as the article writes it rather than in headline capitals, then the most used.
 */
export function displayName(group: Group): string {
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

/** The other spellings of the name itself ("Xiaomi Corp"), then tickers and acronyms. */
export function aliasesOf(group: Group, name: string): string[] {
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
