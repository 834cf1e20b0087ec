/**
 * Names in a byline as publishers write it: "By", roles, dates, e-mail addresses and handles
 * removed, several authors split apart; and what kind of credit each name is (a person, a news
 * agency, or a desk, site or other organisation), so byline.ts can prefer people; and the lines
 * of a story's text that are nothing but names (a signature, reporters under the standfirst).
 */
import { collapseSpace } from './text';

const LEADING_BY =
  /^(?:(?:written|posted|reported|words|text|story|photos?|published|created)\s+)?(?:by|von|par|por|door|av|af|przez|ved|tekst|texto|texte|autor(?:in)?|author|auteur|redacción|reporter|автор|текст|yazar|muhabir|forfatter|författare)\s*[:：]?\s+|^(?:文|记者|記者|作者|撰文|文字|기자|글)\s*[:：|｜/]?\s*/iu;
/** "ByTravis Haney": a byline whose "By" and name were written without a space between them. */
const GLUED_BY = /^By(?=\p{Lu}\p{Ll})/u;
/** Italian, Spanish and Portuguese "by" are lower case; "De Niro" and "Da Silva" are names. */
const LEADING_LOWER_BY = /^(?:di|da|de)\s+(?=\p{Lu})/u;
/** Jobs and ranks of the people who write the news, shared by the patterns below. */
const JOBS = 'writer|reporter|correspondent|editor|columnist|contributor|journalist|analyst|producer';
const RANKS = 'senior|staff|chief|deputy|associate|executive|managing|contributing|special';
const ROLE = new RegExp(
  `\\b(${RANKS}|guest)?\\s*(${JOBS}|redakteur(in)?|rédacteur|journaliste|periodista)s?\\b.*$|\\s*(?:기자|記者|记者|특파원)\\s*$`,
  'iu',
);
/** ", Business reporters", ", Senior Tech Correspondent" after the names. */
const ROLE_AFTER_COMMA = new RegExp(`,\\s*(?:[\\p{L}-]+\\s+){0,2}(?:${JOBS})s?\\b.*$`, 'iu');
/** A second credit ends the authors: "Written by A Edited by B", "By A Photos by B". */
const OTHER_CREDIT =
  /(?:^|\s)(?:edited|photos?|photographs?|illustrations?|illustrated|graphics|video|translated|reviewed|fact[- ]checked|additional reporting)\s+by\b.*$/iu;
/** A user name ("CC7567", "jdoe_99"), not a person's name. */
const HANDLE = /^[\p{L}_.]*\p{L}[_.]?\d{2,}$/u;
const CUT_AT =
  /\s(?:[Uu]pdated|UPDATED|[Pp]ublished|PUBLISHED|[Pp]osted|[Ll]ast\s+[Uu]pdated|on|am|le|el|il|um|at)\s.*$|\s*[|•·–—]\s.*$|\s+-\s.*$|\d.*$|\s*\b(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec)[a-z]*\.?\s+\d.*$/u;
const JOINER =
  /\s*(?:,|;|\/|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bog\b|\boch\b|\bwith\b|\bavec\b|\bmit\b|\bcon\b|\bcom\b|、|和|及)\s*/iu;
/** "(avec Damien Leloup et Morgane Tual)": more authors in brackets; "(R.J.)" is part of a name. */
const BRACKETED_AUTHORS = /\(\s*((?:with|avec|mit|con|com|and|und|et)\s[^()]*)\)/giu;
/** Words of a job title or an organisation: a comma segment holding one ends the names. */
const TITLE_WORD = new RegExp(
  `^(${RANKS}|technologist|director|professor|fellow|president|officer|manager|counsel|attorney|founder|ceo|cto|cfo|head|lead|member|expert|specialist|strategist|scientist|researcher|engineer|designer|developer|intern|host|anchor|presenter|${JOBS}|project|inc|llc|ltd|university|institute|center|centre|department|bureau|foreign)$`,
  'iu',
);
const WEEKDAY = /\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b.*$/iu;
/**
 * Words that are never a byline on their own: "Follow", a lone "By", "No Author", "Admin", and a
 * breadcrumb's "Home" or "Front Page" above the story.
 */
const NOT_A_NAME =
  /^(follow|home|front|page|main|share|more|staff|admin|administrator|editor|editors|anonymous|unknown|guest|reader|team|news|the|contributors?|view|all|posts?|articles?|about|profile|email|twitter|facebook|by|no|author|none|null|undefined|n\/a|published|updated|last|comments?|kommentare|copyright|©|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/iu;
const MAX_NAME_WORDS = 5;

/** Wire agencies: credited beside or instead of a reporter, they are authors of the story. */
const AGENCY =
  /^(?:the\s+)?(associated press|ap|reuters|afp|agence france[- ]presse|dpa|deutsche presse[- ]agentur|sda|keystone[- ]sda|apa|kna|epd|ansa|efe|europa press|kyodo(?: news)?|xinhua|yonhap|pa(?: media)?|press association|upi|anadolu(?: ajans[ıi])?|aap|canadian press|tass|ria novosti|bloomberg|cnn wire)$/iu;
/** An organisation rather than a person: a desk, the site's staff, a publication, an address. */
const ORGANISATION =
  /(?:^|[\s-])(staff|redaktion|rédaction|redacción|redazione|redactie|newsroom|desk|team|editors|editorial|nachrichten|news|wire|online|digital|agency|agencies|agentur|agenturen|agencias|agences|media|group|magazine|magazin|zeitung|times|post|journal|daily|tribune|herald|network|press|presse)(?:$|\s)|\.[a-z]{2,}$/iu;
/** "TPN", "NTV", "BBC": one word in capitals is an organisation's initials. */
const INITIALS = /^[\p{Lu}\d&]{2,6}$/u;
/** Name particles written in lower case: "Ursula von der Leyen", "Ludwig van Beethoven". */
const PARTICLE = /^(de|da|di|del|della|der|den|van|von|du|dos|das|le|la|bin|ibn|al|el|y|e|zu|ten|ter)$/u;

export type CreditKind = 'person' | 'agency' | 'organisation';

export function creditKind(name: string): CreditKind {
  if (AGENCY.test(name)) return 'agency';
  return ORGANISATION.test(name) || INITIALS.test(name) ? 'organisation' : 'person';
}

/**
 * Whether every word is written as a name is: capitalised, all capitals, a particle or
 * initial, or in a script without capitals. "John Smith is a" is not a name.
 */
export function writtenAsName(name: string): boolean {
  return name
    .split(/\s+/u)
    .every((w) => /^[\p{Lu}\p{Lt}]/u.test(w) || PARTICLE.test(w) || !/[\p{Ll}\p{Lu}]/u.test(w) || /^\p{Lu}\./u.test(w));
}

/**
 * Splits "A, B and C" into names. An ampersand joins two names only when both sides are
 * names: "Mac & i" and "AT&T" are one name each.
 */
function splitNames(text: string): string[] {
  const parts = text.split(JOINER);
  if (parts.length > 1 && /&/u.test(text) && parts.some((p) => p.replace(/[^\p{L}]/gu, '').length < 2)) {
    return text.split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|、|和)\s*/iu);
  }
  return parts;
}

function stripped(raw: string): string {
  const text = collapseSpace(raw)
    .replace(/\S+@\S+\.\S+/gu, ' ')
    .replace(/https?:\/\/[^\s)]+|www\.[^\s)]+/gu, ' ')
    .replace(/\(\s*\)|\[\s*\]/gu, ' ')
    .replace(/@\w+/gu, ' ');
  return collapseSpace(text.replace(BRACKETED_AUTHORS, ', $1'))
    .replace(GLUED_BY, '')
    .replace(LEADING_BY, '')
    .replace(LEADING_LOWER_BY, '');
}

/** "Priya Natarajan", "John Q. Smith": a line that is one name and nothing else. */
const PLAIN_NAME = /^\p{Lu}[\p{Ll}'’-]+(?: (?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+)){1,3}$/u;

/** Names in one line of a byline, cleaned; empty when it holds no plausible name. */
function namesInLine(raw: string): string[] {
  // Most declared authors are a plain name: no need for the cleaning below.
  const line = collapseSpace(raw);
  if (PLAIN_NAME.test(line) && !LEADING_BY.test(line)) {
    const words = line.split(' ');
    if (words.every((w) => NOT_A_NAME.test(w))) return [];
    if (!words.some((w) => TITLE_WORD.test(w.replace(/\.$/u, '')))) return [undoubled(line)];
  }
  let text = stripped(raw);
  if (HANDLE.test(text)) return [];
  text = text.replace(OTHER_CREDIT, '').replace(ROLE_AFTER_COMMA, '').replace(CUT_AT, '').replace(WEEKDAY, '');
  text = text.replace(ROLE, '');
  const names: string[] = [];
  for (const part of splitNames(text)) {
    const words = part.split(/\s+/u);
    // "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU ...": the title ends the names.
    if (!AGENCY.test(part.trim()) && words.some((w) => TITLE_WORD.test(w.replace(/[.,]/gu, '')))) break;
    // A user name such as "CC7567" is not a byline.
    if (/\p{L}\d/u.test(part)) continue;
    const name = collapseSpace(part.replace(/^[\s,:;.\-–—|]+|[\s,:;\-–—|]+$/gu, '')).replace(LEADING_BY, '');
    if (!name || name.length < 2 || !/\p{L}/u.test(name)) continue;
    // "人氣(": a label cut off before its number, not a name.
    if ((name.match(/\(/gu)?.length ?? 0) !== (name.match(/\)/gu)?.length ?? 0)) continue;
    const nameWords = name.split(' ');
    if (nameWords.length > MAX_NAME_WORDS || nameWords.every((w) => NOT_A_NAME.test(w))) continue;
    names.push(undoubled(name));
  }
  return names;
}

/** "Adam Rogers Adam Rogers": a name shown twice (once for screen readers) is one name. */
function undoubled(name: string): string {
  const words = name.split(' ');
  const half = words.length / 2;
  const first = words.slice(0, half).join(' ');
  return Number.isInteger(half) && half > 0 && first === words.slice(half).join(' ') ? first : name;
}

/**
 * Names in a raw byline, which may span lines (a block per author, or the name on one line
 * and a desk or date on the next: each line is read on its own).
 */
export function namesIn(raw: string): string[] {
  return raw
    .split(/\n+/u)
    .filter((line) => line.trim().length > 0)
    .flatMap(namesInLine);
}

/**
 * A line that is nothing but people's names: "Lê Phương", "Mathatisi Sebusi/Mohalenyane Phakela".
 * Each name has two to four words written as a name, and the line holds no sentence.
 */
function namesOnly(line: string): string[] {
  if (line.length > 60 || !/^[\p{L}\s.'/&,-]+$/u.test(line)) return [];
  const names = namesIn(line);
  const plain = (name: string) => {
    const words = name.split(' ').length;
    return words >= 2 && words <= 4 && writtenAsName(name) && creditKind(name) === 'person';
  };
  return names.length > 0 && names.every(plain) ? names : [];
}

/**
 * The story's last line, when it is nothing but a name: many papers sign their stories at the
 * end ("Lê Phương"). Read last, and only as a person's name.
 */
export function closingLineNames(tail: string | null): string[] {
  return namesOnly(collapseSpace(tail?.slice(tail.lastIndexOf('\n') + 1) ?? ''));
}

/**
 * A line of names alone among the story's first three, under its standfirst: small papers
 * whose metadata credits only the paper name their reporters in a paragraph of the story's
 * text. Capitalised names only: in other scripts a short line of text looks the same.
 */
export function openingLineNames(lead: string | null): string[] {
  const lines = (lead ?? '')
    .split('\n')
    .map(collapseSpace)
    .filter((line) => line.length > 0);
  for (const line of lines.slice(0, 3)) {
    const names = namesOnly(line);
    if (names.length > 0) return names.every((n) => /^\p{Lu}/u.test(n)) ? names : [];
  }
  return [];
}
