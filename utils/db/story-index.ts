/**
 * What the database keeps beside each story so the popup's questions are index lookups:
 * per-entity keys, sparse unread/starred keys, a headline key for grouping syndicated copies
 * and a short number for the search index (search-index.ts). Everything here is pure so the
 * in-memory client can answer the same questions the same way.
 */
import { type StoryOrder, type StoryQuery, type StoryRecord, type StoryView, storyDate } from '../stories';

/**
 * Snippets as stored: UTF-8 bytes from schema version 6 on, plain strings before. V8 writes a
 * string with any character beyond Latin-1 (the "…" a cut snippet starts with, a curly quote)
 * as UTF-16, two bytes a character; as UTF-8 the same snippets take about half.
 */
export type StoredSnippets = (string | Uint8Array)[];

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export function encodeSnippets(snippets: readonly string[]): Uint8Array[] {
  return snippets.map((s) => utf8.encode(s));
}

/** A stored story's snippets as text, whichever way they were stored. */
export function snippetsOf(story: { snippets: StoredSnippets }): string[] {
  return story.snippets.map((s) => (typeof s === 'string' ? s : fromUtf8.decode(s)));
}

export interface StoredStory extends Omit<StoryRecord, 'snippets'> {
  snippets: StoredSnippets;
  /** The story's number in the search index (version 4 on); never changes once given. */
  sid?: number;
  /** Version 3 kept the search words on each story; version 4 moved them to the search index. */
  words?: string[];
  /** `storyDate` (version 9 on): the position in the list's default order, newest published first. */
  dated: number;
  /** `[entityId, dated]` per mentioned entity (`lastSeen` before version 9): "by entity, newest first". */
  entityKeys: [string, number][];
  /** Hash of the normalised headline; absent for headlines too short to identify a story. */
  titleKey?: string;
  /** Shared by every copy of a syndicated story: the URL of the copy seen first. */
  groupId?: string;
  /** `dated` while unread, absent once read, so the unread index holds only unread stories. */
  unreadDated?: number;
  /** `dated` while starred, absent otherwise. */
  starredDated?: number;
  /** Up to version 8: `lastSeen` while unread or starred (version 9 moved them to the fields above). */
  unreadSeen?: number;
  starredSeen?: number;
  /** Version 10: `dated` of a story a feed found, so "From feeds" is an index walk. */
  feedDated?: number;
  /** Version 10: `dated` of a feed's story while unread: the toolbar badge counts these. */
  feedUnreadDated?: number;
}

const MAX_WORDS = 48;
/** Headlines shorter than this ("Live updates", "Markets") say too little to group stories by. */
const MIN_TITLE_WORDS = 5;

/**
 * Words too common to search for. The parentheses matter: without them `.split` binds to the
 * second string only and the set becomes one of single characters (schema version 5 rebuilt the
 * search index after exactly that mistake).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'the a an and or of to in on for with at by from as is are was were be been has have had it its this that not but ' +
    'will would can could says said de la le les el los das der die und du des et en'
  ).split(' '),
);

/** Lower-case words without accents: "Société Générale’s" -> ["societe", "generale", "s"]. */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export function searchWords(story: Pick<StoredStory, 'title' | 'publisher' | 'snippets'>): string[] {
  const all = [story.title, story.publisher ?? '', ...snippetsOf(story)].flatMap(splitWords);
  const kept = all.filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  return [...new Set(kept)].slice(0, MAX_WORDS);
}

/**
 * The words a search must find. Every word must start an indexed word, so the last one may be
 * unfinished while typing; stop words are dropped (they are not indexed) unless last, where
 * "the" may be the start of "theranos".
 */
export function searchTerms(search: string | undefined): string[] {
  const words = splitWords(search ?? '');
  return words.filter((w, i) => i === words.length - 1 || !STOP_WORDS.has(w));
}

/** 64-bit FNV-1a as hex: short, stable, and collisions across a few million headlines are negligible. */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function titleKeyOf(title: string): string | undefined {
  const words = splitWords(title);
  return words.length >= MIN_TITLE_WORDS ? hashText(words.join(' ')) : undefined;
}

/** Adds the index fields to a record (and drops stale ones: flags may have changed). */
export function toStored(record: StoryRecord | StoredStory, groupId?: string, sid?: number): StoredStory {
  const plain = toRecord(record as StoredStory);
  const dated = storyDate(plain);
  const stored: StoredStory = {
    ...plain,
    snippets: encodeSnippets(plain.snippets),
    dated,
    entityKeys: [...new Set(record.mentions.map((m) => m.entityId))].map((id) => [id, dated]),
  };
  if (sid !== undefined) stored.sid = sid;
  const titleKey = titleKeyOf(record.title);
  if (titleKey) stored.titleKey = titleKey;
  if (groupId) stored.groupId = groupId;
  if (!record.read) stored.unreadDated = dated;
  if (record.starred) stored.starredDated = dated;
  if (record.feedId !== undefined) stored.feedDated = dated;
  if (record.feedId !== undefined && !record.read) stored.feedUnreadDated = dated;
  return stored;
}

/** The record as the UI sees it, without the index fields. */
export function toRecord(stored: StoredStory): StoryRecord {
  const {
    sid: _n,
    words: _w,
    dated: _d,
    entityKeys: _e,
    titleKey: _t,
    groupId: _g,
    unreadDated: _ud,
    starredDated: _sd,
    unreadSeen: _u,
    starredSeen: _s,
    feedDated: _f,
    feedUnreadDated: _fu,
    ...plain
  } = stored;
  return { ...plain, snippets: snippetsOf(stored) };
}

/**
 * A position in newest-first order: stories are ordered by `at` (the story's date in the
 * published order, its last read in the read order), then URL, both descending.
 */
export interface Position {
  at: number;
  url: string;
}

/** Where a story stands in `order`. */
export function positionOf(story: StoryRecord | StoredStory, order: StoryOrder = 'published'): Position {
  const at = order === 'read' ? story.lastSeen : ((story as StoredStory).dated ?? storyDate(story));
  return { at, url: story.url };
}

export function encodeCursor(p: Position): string {
  return `${p.at}|${p.url}`;
}

export function decodeCursor(cursor: string | null | undefined): Position | null {
  if (!cursor) return null;
  const bar = cursor.indexOf('|');
  const at = Number(cursor.slice(0, bar));
  if (bar < 1 || !Number.isFinite(at)) throw new Error('cursor: not a position from a previous page');
  return { at, url: cursor.slice(bar + 1) };
}

/** True when `a` comes before `b` in newest-first order. */
export function isNewer(a: Position, b: Position): boolean {
  return a.at > b.at || (a.at === b.at && a.url > b.url);
}

export function compareNewestFirst(a: Position, b: Position): number {
  return isNewer(a, b) ? -1 : isNewer(b, a) ? 1 : 0;
}

/** Sorts stories newest first in `order`. */
export function newestFirstIn(order: StoryOrder): (a: StoredStory, b: StoredStory) => number {
  return (a, b) => compareNewestFirst(positionOf(a, order), positionOf(b, order));
}

/** Whether a stored story answers every filter of the query (search words included). */
export function storyMatches(story: StoredStory, query: StoryQuery, terms = searchTerms(query.search)): boolean {
  if (query.entityId !== undefined && !story.mentions.some((m) => m.entityId === query.entityId)) return false;
  if (query.publisher !== undefined && story.publisher !== query.publisher) return false;
  if (query.unread !== undefined && story.read === query.unread) return false;
  if (query.starred !== undefined && story.starred !== query.starred) return false;
  if (query.fromFeeds !== undefined && (story.feedId !== undefined) !== query.fromFeeds) return false;
  if (terms.length === 0) return true;
  const words = story.words ?? searchWords(story);
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}

/**
 * How a story is listed given the other copies of its group: null when a newer copy that also
 * answers the query is listed instead (so a group shows once, at its newest matching copy,
 * whichever page that falls on), else the story with its other copies as "also at".
 */
export function viewInGroup(
  story: StoredStory,
  group: readonly StoredStory[],
  query: StoryQuery,
  terms: string[],
): StoryView | null {
  const order = query.order ?? 'published';
  const here = positionOf(story, order);
  const others = group.filter((m) => m.url !== story.url);
  if (others.some((m) => isNewer(positionOf(m, order), here) && storyMatches(m, query, terms))) return null;
  return {
    ...toRecord(story),
    alsoAt: others.sort(newestFirstIn(order)).map((m) => ({ publisher: m.publisher, url: m.url })),
  };
}
